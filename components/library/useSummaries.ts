import type { LibraryDB } from '@/utils/library/db';
import { readSummaries } from '@/utils/library/summaries';
import type { ReportSummary } from '@/utils/score/summary';
import { useLive } from './useLive';

/**
 * Every report's summary, live (#scores and #dashboard): small rows kept by the library's writer, so these views
 * never read the 10,000 full rows the list reads. Undefined until read.
 */
export function useSummaries(db: LibraryDB): { summaries: ReportSummary[] | undefined; error: unknown } {
  const { value, error } = useLive(() => readSummaries(db), [db]);
  // Benchmark hook: when the summaries were first in memory (cli/bench/library-profile.ts).
  if (value && !performance.getEntriesByName('library:summaries-read').length) performance.mark('library:summaries-read');
  return { summaries: value, error };
}

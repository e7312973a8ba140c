/**
 * Re-running the rules on saved reports with their neighbour years as context (cross-year rules
 * carry-over, regulations-continuity, copied-text read context.neighbours).
 */
import type { Finding } from '../report/types';
import { runRules } from '../rules';
import type { RuleContext } from '../rules';
import type { LibraryDB } from './db';
import { getReport, neighboursOf, updateFindings } from './store';

export type RunRules = (report: Parameters<typeof runRules>[0], context?: RuleContext) => Finding[];

/** Re-check one saved report against its saved neighbours and store the new findings. */
export async function reevaluateReport(db: LibraryDB, id: number, run: RunRules = runRules): Promise<Finding[] | undefined> {
  const saved = await getReport(db, id);
  if (!saved) return undefined;
  const report = saved.report.source?.url ? saved.report : { ...saved.report, source: { ...saved.report.source, url: saved.url } };
  const neighbours = await neighboursOf(db, report);
  const findings = run(report, { neighbours });
  if (JSON.stringify(findings) !== JSON.stringify(saved.findings)) await updateFindings(db, id, findings);
  return findings;
}

/**
 * After a save: re-check the saved neighbours (year − 1 and year + 1), whose cross-year findings may change
 * now that this year is in the library. Returns the ids re-checked.
 */
export async function reevaluateNeighbours(db: LibraryDB, id: number, run: RunRules = runRules): Promise<number[]> {
  const saved = await getReport(db, id);
  if (!saved) return [];
  const n = await neighboursOf(db, saved.report.source?.url ? saved.report : { ...saved.report, source: { ...saved.report.source, url: saved.url } });
  const ids = [n.previous?.id, n.next?.id].filter((x): x is number => typeof x === 'number');
  for (const other of ids) await reevaluateReport(db, other, run);
  return ids;
}

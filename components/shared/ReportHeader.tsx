import type { Strings } from '@/utils/i18n';
import type { Era } from '@/utils/report/types';

/** Agency, year and format era of a report. */
export function ReportFacts({ agency, year, era, t }: { agency: string | null; year: number | null; era: Era | null; t: Strings }) {
  return (
    <dl class="rl-facts">
      <div data-meta="agency">
        <dt>{t.agency}</dt>
        <dd>{agency ?? t.unknown}</dd>
      </div>
      <div data-meta="year">
        <dt>{t.year}</dt>
        <dd>{year !== null ? t.yearValue(year) : t.unknown}</dd>
      </div>
      <div data-meta="era">
        <dt>{t.era}</dt>
        <dd>{era ? t.eraLabels[era] : t.unknown}</dd>
      </div>
    </dl>
  );
}

import { termLocation } from '@/utils/anchor/places';
import { strings } from '@/utils/i18n';
import type { Finding, Locale, Location } from '@/utils/report/types';
import type { TermData } from '@/utils/rules/types';

/**
 * The terms of an arithmetic finding (data.terms, see utils/rules/lib/tables.ts termData), each with its
 * value, as buttons: a click hands the term's cell to `onSelectTerm`, which highlights it through the same
 * path as a finding's own location. Renders nothing for findings without terms. Text only, through Preact.
 */
interface Props {
  finding: Finding;
  locale: Locale;
  onSelectTerm: (location: Location) => void;
}

/** The finding's terms when its data carries a well-formed list; [] otherwise (older or other findings). */
export function findingTerms(finding: Finding): TermData[] {
  const terms = (finding as { data?: Record<string, unknown> }).data?.terms;
  if (!Array.isArray(terms)) return [];
  return terms.filter(
    (t): t is TermData =>
      !!t &&
      typeof t === 'object' &&
      typeof t.label === 'object' &&
      (typeof t.value === 'number' || t.value === null) &&
      !!t.cell &&
      Number.isInteger(t.cell.table) &&
      Number.isInteger(t.cell.row) &&
      Number.isInteger(t.cell.col),
  );
}

export function FindingTerms({ finding, locale, onSelectTerm }: Props) {
  const terms = findingTerms(finding);
  if (terms.length === 0) return null;
  const s = strings(locale).sumTerms;
  // The anchor (the stated total) is the first term of a one-term left side.
  const statedIndex = terms.filter((t) => t.side === 'left').length === 1 ? terms.findIndex((t) => t.side === 'left') : -1;
  return (
    <ol class="rl-terms" aria-label={s.terms}>
      {terms.map((term, i) => {
        const label = i === statedIndex ? s.stated(term.label[locale]) : term.label[locale];
        const value = term.value === null ? s.blank : String(term.value);
        return (
          <li key={i} data-side={term.side} data-stated={i === statedIndex ? 'true' : undefined}>
            <button
              type="button"
              class="rl-term"
              title={s.show(label, value)}
              aria-label={s.show(label, value)}
              onClick={() => onSelectTerm(termLocation(term))}
            >
              <span class="rl-term-label">{label}</span>
              <span class="rl-term-value">{value}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

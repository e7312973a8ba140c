import type { Finding, Locale, Severity } from '@/utils/report/types';
import type { Strings } from '@/utils/i18n';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in counts) counts[f.severity]++;
  return counts;
}

export function findingText(finding: Finding, locale: Locale): string {
  return finding.messages?.[locale] || finding.message;
}

interface Props {
  findings: readonly Finding[];
  locale: Locale;
  t: Strings;
  /** When given, each finding is a button that calls it (click or Enter). */
  onSelect?: (finding: Finding, index: number) => void;
  selected?: number | null;
  /** Index of a finding whose place could not be found in the page. */
  notFound?: number | null;
}

/**
 * Findings grouped by severity with counts. Every finding element carries data-rule="<rule id>".
 * Text only, through Preact: messages may quote page content (hostile markup stays text).
 */
export function FindingList({ findings, locale, t, onSelect, selected, notFound }: Props) {
  if (findings.length === 0) return <p class="rl-none">{t.noFindings}</p>;
  const indexed = findings.map((finding, index) => ({ finding, index }));
  return (
    <div class="rl-findings">
      {SEVERITIES.map((severity) => {
        const group = indexed.filter((x) => x.finding.severity === severity);
        if (group.length === 0) return null;
        const headingId = `rl-sev-${severity}`;
        return (
          <section class={`rl-group rl-${severity}`} data-severity={severity} key={severity} aria-labelledby={headingId}>
            <h3 id={headingId}>
              <span class="rl-dot" aria-hidden="true" />
              {t.severityLabels[severity]}
              <span class="rl-count" data-count={group.length}>{group.length}</span>
            </h3>
            <ul>
              {group.map(({ finding, index }) => (
                <li key={index} data-rule={onSelect ? undefined : finding.rule} class="rl-finding-item">
                  {onSelect ? (
                    <button
                      type="button"
                      class={`rl-finding${selected === index ? ' rl-selected' : ''}`}
                      data-rule={finding.rule}
                      aria-pressed={selected === index}
                      onClick={() => onSelect(finding, index)}
                    >
                      <span class="rl-message">{findingText(finding, locale)}</span>
                      <span class="rl-rule">{finding.rule}</span>
                      {notFound === index ? <span class="rl-notfound">{t.notFoundInPage}</span> : null}
                    </button>
                  ) : (
                    <>
                      <span class="rl-message">{findingText(finding, locale)}</span>
                      <span class="rl-rule">{finding.rule}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

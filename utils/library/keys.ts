/** Stable identities of findings, so a review survives re-parsing the same page. */
import type { Finding, Location } from '../report/types';
import { hash128 } from './hash';

function locationKey(loc: Location): string {
  switch (loc.kind) {
    case 'cell':
      return `cell:${loc.table}:${loc.row}:${loc.col}`;
    case 'text':
      // Offsets move when text above changes; the quote does not.
      return `text:${loc.quote}`;
    case 'section':
      return `section:${loc.path.join('.')}:${loc.quote}`;
    case 'report':
      return 'report';
  }
}

/**
 * rule + location. Report-level findings (no better location) add a short hash of the message so two
 * different report-level findings of one rule keep apart.
 */
export function findingKey(finding: Pick<Finding, 'rule' | 'location' | 'message'>): string {
  const loc = finding.location ?? { kind: 'report' };
  const base = `${finding.rule}@${locationKey(loc)}`;
  return loc.kind === 'report' ? `${base}:${hash128(finding.message ?? '').slice(0, 8)}` : base;
}

/**
 * A finding's stable identity, so a review survives re-parsing the same page and rewording a message.
 */

import { hash128 } from './hash';
import type { Finding, Location } from './types';

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
 * Values as the key sees them: numbers and strings alike (a migrated "3" is the emitted 3), a LocalizedText
 * by its Simplified text, object keys sorted. Never the message wording.
 */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const zh = (value as { 'zh-Hans'?: unknown })['zh-Hans'];
    if (typeof zh === 'string') return zh;
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return String(value);
}

/**
 * rule + location (the same keys as before findings carried a messageId, so reviews of located findings
 * needed no re-keying). Report-level findings (no better location) add a short hash of the messageId and
 * data, so two report-level findings of one rule keep apart; the wording never enters the key.
 */
export function findingKey(finding: Pick<Finding, 'rule' | 'location' | 'messageId' | 'data'>): string {
  const loc = finding.location ?? { kind: 'report' };
  const base = `${finding.rule}@${locationKey(loc)}`;
  if (loc.kind !== 'report') return base;
  const data = finding.data ?? {};
  const values = Object.keys(data)
    .sort()
    .map((k) => `${k}=${canonical(data[k])}`)
    .join('|');
  return `${base}:${hash128(`${finding.messageId}|${values}`).slice(0, 8)}`;
}

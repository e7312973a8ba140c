/**
 * Findings as stored up to database version 2 and export format 1: rendered text (message, messages in
 * three locales) instead of { messageId, data }, and review keys of report-level findings hashed from the
 * Simplified text. Used by the v2 → v3 migration and by the import of format-1 files.
 *
 * The messageId and data are recovered by matching the stored text against the message templates as they
 * were when version 2 was current (v2-messages.json, frozen), then against today's rules; a finding whose
 * text matches neither keeps its text as data.text under LEGACY_MESSAGE_ID, so nothing is lost.
 */

import { findingKey } from '../../report/finding';
import { hash128 } from '../../report/hash';
import type { Finding, LocalizedText, Location, Severity } from '../../report/types';
import { LEGACY_MESSAGE_ID, messagesOf, templateOf } from '../../rules/render';
import frozen from './v2-messages.json';

export interface LegacyFinding {
  rule: string;
  severity: Severity;
  /** zh-Hans */
  message: string;
  messages?: LocalizedText;
  location: Location;
  related?: Location[];
}

const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
const FROZEN = frozen as Record<string, Record<string, LocalizedText>>;

function locationPart(loc: Location): string {
  switch (loc.kind) {
    case 'cell':
      return `cell:${loc.table}:${loc.row}:${loc.col}`;
    case 'text':
      return `text:${loc.quote}`;
    case 'section':
      return `section:${loc.path.join('.')}:${loc.quote}`;
    case 'report':
      return 'report';
  }
}

/** The review key as version 2 computed it (frozen). */
export function legacyFindingKey(finding: Pick<LegacyFinding, 'rule' | 'location' | 'message'>): string {
  const loc = finding.location ?? { kind: 'report' };
  const base = `${finding.rule}@${locationPart(loc)}`;
  return loc.kind === 'report' ? `${base}:${hash128(finding.message ?? '').slice(0, 8)}` : base;
}

/** A template as an anchored pattern: each {name} captures, a repeated name must repeat its value. */
function matchTemplate(template: string, text: string): Record<string, string> | null {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    pattern += template.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const seen = names.indexOf(m[1]);
    if (seen >= 0) pattern += `\\${seen + 1}`;
    else {
      names.push(m[1]);
      pattern += '([\\s\\S]*?)';
    }
    last = m.index + m[0].length;
  }
  pattern += template.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`^${pattern}$`).exec(text);
  if (!found) return null;
  return Object.fromEntries(names.map((n, i) => [n, found[i + 1]]));
}

/** Data from the three rendered texts: a value the same in every locale is a string, else a LocalizedText. */
function recover(
  messages: Record<string, LocalizedText> | undefined,
  finding: LegacyFinding,
): { messageId: string; data: Record<string, unknown> } | null {
  if (!messages) return null;
  const texts: LocalizedText = finding.messages ?? { 'zh-Hans': finding.message, 'zh-Hant': '', en: '' };
  for (const [messageId, template] of Object.entries(messages)) {
    const per = LOCALES.map((l) => (texts[l] ? matchTemplate(template[l], texts[l]) : null));
    const zh = per[0];
    if (!zh) continue;
    if (finding.messages && per.some((p) => !p)) continue;
    const data: Record<string, unknown> = {};
    for (const name of Object.keys(zh)) {
      const values = per.map((p) => p?.[name]);
      data[name] =
        values.every((x) => x === values[0]) || !finding.messages
          ? zh[name]
          : { 'zh-Hans': values[0] ?? '', 'zh-Hant': values[1] ?? values[0] ?? '', en: values[2] ?? values[0] ?? '' };
    }
    return { messageId, data };
  }
  return null;
}

/** A stored finding in today's shape. */
function upgradeFinding(old: LegacyFinding): Finding {
  // The frozen templates first (the text was rendered from them), as long as the message still exists today.
  const fromFrozen = recover(FROZEN[old.rule], old);
  const recovered = fromFrozen && templateOf(old.rule, fromFrozen.messageId) ? fromFrozen : recover(messagesOf(old.rule), old);
  const text: LocalizedText = old.messages ?? { 'zh-Hans': old.message, 'zh-Hant': old.message, en: old.message };
  const finding: Finding = {
    rule: old.rule,
    messageId: recovered?.messageId ?? LEGACY_MESSAGE_ID,
    data: recovered?.data ?? { text },
    severity: old.severity,
    location: old.location ?? { kind: 'report' },
  };
  if (old.related?.length) finding.related = old.related;
  return finding;
}

/**
 * Upgrade one report's findings and say how its review keys move: old key → new key (only keys that
 * change; located findings keep theirs).
 */
export function upgradeFindings(old: readonly LegacyFinding[]): { findings: Finding[]; rekey: Map<string, string> } {
  const findings: Finding[] = [];
  const rekey = new Map<string, string>();
  for (const f of old) {
    const next = upgradeFinding(f);
    findings.push(next);
    const from = legacyFindingKey(f);
    const to = findingKey(next);
    if (from !== to && !rekey.has(from)) rekey.set(from, to);
  }
  return { findings, rekey };
}

/** Whether a stored finding is in the old shape (text, no messageId). */
export function isLegacyFinding(x: unknown): x is LegacyFinding {
  return typeof x === 'object' && x !== null && typeof (x as LegacyFinding).message === 'string' && !('messageId' in x);
}

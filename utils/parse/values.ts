import type { Value } from '../report/types';

/**
 * Cell texts that mean "nothing stated" (domain rule 5): blank cells and these placeholders are
 * `missing`, never 0. Compared after trimming and removing inner whitespace.
 * The brief's list plus their obvious visual variants (full-width slash, doubled dashes, en dash).
 */
export const PLACEHOLDERS: readonly string[] = [
  '',
  '/',
  '／',
  '\\',
  '-',
  '--',
  '—',
  '——',
  '－',
  '－－',
  '–',
  '―',
  '−',
  '无',
  '不适用',
  '空',
  '暂无',
  '未涉及',
  // Word/CMS exports that escaped the entity twice show it literally.
  '&nbsp;',
  'N/A',
  'n/a',
];

/** Units a count or amount cell sometimes carries ("5件", "3.5万元"); the number is kept, the unit dropped. */
const VALUE_UNITS: readonly string[] = ['万元', '元', '件', '条', '个', '项', '次', '家', '份'];

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);

/** Full-width digits, signs and separators to ASCII; the minus sign U+2212 to "-". */
function toAsciiNumber(s: string): string {
  return s.replace(/[０-９＋－．，]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u2212/g, '-');
}

/**
 * A note after the number, in brackets: "31（其中修订9件）", "40(含自然失效12件)". The number is the
 * cell's value; the note is kept apart so a sum never reads the 9 or the 12.
 */
const NOTE_RE = /^([^（()）]*\d[^（()）\d]{0,2}?)\s*[（(]([^（()）]*[^\d\s（()）][^（()）]*)[)）]$/;

// digits with optional thousands groups (exactly three digits each) and an optional decimal part
const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Types one table cell's text.
 * - blank or a placeholder (see PLACEHOLDERS) → missing
 * - 1,552 / １５５２ / 0.5 / 12.50 / -3 / +2 → number
 * - 增5 / 减3 (the 本年增/减 column) → +5 / -3; 增加5 / 减少3 likewise
 * - a number followed by a unit from VALUE_UNITS → that number
 * - a number followed by a bracketed note ("31（其中修订9件）") → that number, the note in `note`
 * - anything else → text
 * `text` is the trimmed input.
 */
export function parseCellValue(text: string): Value {
  const trimmed = text.trim();
  // Most cells are plain digits ("0", "1552"): the same number the full reading gives, without its patterns.
  if (/^\d{1,15}$/.test(trimmed)) return { kind: 'number', value: Number(trimmed), text: trimmed };
  const compact = trimmed.replace(/\s+/g, '');
  if (PLACEHOLDER_SET.has(compact)) return { kind: 'missing', text: trimmed };
  const noted = NOTE_RE.exec(trimmed);
  if (noted) {
    const value = parseBare(noted[1]!, trimmed);
    return value.kind === 'number' ? { ...value, note: noted[2]!.trim() } : { kind: 'text', text: trimmed };
  }
  return parseBare(trimmed, trimmed);
}

/** `body` without a note; `trimmed` is the whole cell text kept in the Value. */
function parseBare(body: string, trimmed: string): Value {
  // whitespace between two digits ("1 0") is not a number; elsewhere ("减少 4", "5 件") it is dropped
  let s = toAsciiNumber(body.trim()).replace(/(?<!\d)\s+|\s+(?!\d)/g, '');
  let sign = 1;
  const change = /^(增加|增|减少|减)/.exec(s);
  if (change) {
    sign = change[1].startsWith('增') ? 1 : -1;
    s = s.slice(change[1].length);
    if (/^[+-]/.test(s)) return { kind: 'text', text: trimmed };
  }
  for (const unit of VALUE_UNITS) {
    if (s.endsWith(unit) && s.length > unit.length) {
      s = s.slice(0, -unit.length);
      break;
    }
  }
  const m = NUMBER_RE.exec(s);
  if (!m) return { kind: 'text', text: trimmed };
  const n = Number(`${m[2].replace(/,/g, '')}${m[3] !== undefined ? `.${m[3]}` : ''}`);
  if (!Number.isFinite(n)) return { kind: 'text', text: trimmed };
  const value = sign * (m[1] === '-' ? -n : n);
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, text: trimmed };
}

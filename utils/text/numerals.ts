/** Chinese numerals as used in section labels and counts: 一 … 九十九, 〇/零, 两. */
const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23, 一百零五 → 105; ASCII digits pass through; otherwise null. */
export function parseChineseNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!t || ![...t].every((c) => c in DIGITS || c === '十' || c === '百')) return null;
  let total = 0;
  let current = 0;
  for (const c of t) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[c]!;
    }
  }
  return total + current;
}

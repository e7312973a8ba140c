/**
 * Text-level properties, no DOM: cleanText, headings/sections, facts, cell values.
 * Cases: 3,000 + 1,000 + 2,000 + 2,000 + 1,000 = 9,000 (well under 10 s).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../utils/parse/facts';
import { buildSections, findHeadings } from '../../../utils/parse/sections';
import { parseCellValue } from '../../../utils/parse/values';
import type { Section, TextRange } from '../../../utils/report/types';
import { cleanText } from '../../../utils/text/clean';
import { numberText, proseText, runs, unicodeText } from './arbitraries';
import { expectJsonStable } from './check';

const inRange = (r: TextRange, length: number) =>
  Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= length;

describe('cleanText', () => {
  it('map is strictly increasing, in range, ends at the input length; output is tidy (3,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText(300), proseText(80)), (input) => {
        const { text, map } = cleanText(input);
        // Bound: the output is never longer than the input.
        expect(text.length).toBeLessThanOrEqual(input.length);
        expect(map.length).toBe(text.length + 1);
        expect(map[text.length]).toBe(input.length);
        for (let i = 0; i < text.length; i++) {
          expect(Number.isInteger(map[i])).toBe(true);
          expect(map[i]).toBeGreaterThanOrEqual(0);
          expect(map[i]).toBeLessThan(input.length);
          if (i > 0) expect(map[i]).toBeGreaterThan(map[i - 1]!);
        }
        expect(text).not.toMatch(/^[ \n]|[ \n]$| {2}|\n\n| \n|\n /);
        expect(text).not.toMatch(/[\u200b\ufeff\u00ad\r\u3000\u00a0]/);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('is idempotent on its own output (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText(200), proseText(60)), (input) => {
        const once = cleanText(input).text;
        expect(cleanText(once).text).toBe(once);
      }),
      { numRuns: runs(1000) },
    );
  });
});

function flatten(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flatten(s.children, out);
  }
  return out;
}

describe('sections and facts on report-like prose', () => {
  const input = fc.oneof(proseText(150), unicodeText(150)).map((s) => cleanText(s).text);
  const skipFor = (text: string) =>
    fc
      .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })), { maxLength: 3 })
      .map((pairs) => pairs.map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })));

  it('buildSections: ranges in the text, children inside parents, levels increase, bounded count (2,000 cases)', () => {
    fc.assert(
      fc.property(
        input.chain((text) => fc.tuple(fc.constant(text), skipFor(text), fc.array(fc.nat({ max: text.length }), { maxLength: 4 }))),
        ([text, skip, images]) => {
          const tables = skip;
          expect(findHeadings(text, skip).length).toBeLessThanOrEqual(text.length / 2);
          const sections = buildSections(text, skip, tables, images);
          const all = flatten(sections);
          // Bound: at most one heading per two characters.
          expect(all.length).toBeLessThanOrEqual(text.length / 2);
          for (const s of all) {
            expect(inRange(s.heading, text.length) && inRange(s.body, text.length)).toBe(true);
            expect(s.level >= 1 && s.level <= 3 && s.number >= 1).toBe(true);
            for (const c of s.children) {
              expect(c.level).toBeGreaterThan(s.level);
              expect(c.body.start >= s.body.start && c.body.end <= s.body.end).toBe(true);
            }
            for (const t of s.tables) expect(t).toBeLessThan(tables.length);
            expect(s.images).toBeLessThanOrEqual(images.length);
          }
          expectJsonStable(sections, 'sections');
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('extractFacts: values finite, ranges in the text and outside skipped spans, bounded count (2,000 cases)', () => {
    fc.assert(
      fc.property(
        input.chain((text) => fc.tuple(fc.constant(text), skipFor(text))),
        ([text, skip]) => {
          const { facts, percents, declaredParts } = extractFacts(text, skip);
          // Bound: per sentence at most one fact per pattern plus the breakdowns; per % sign one percent.
          const sentences = text.split(/[。；！？\n]/).length;
          expect(facts.length).toBeLessThanOrEqual(16 * sentences);
          expect(percents.length).toBeLessThanOrEqual((text.match(/%/g) ?? []).length);
          for (const f of facts) {
            expect(Number.isFinite(f.value), `fact value ${f.value}`).toBe(true);
            expect(inRange(f.at, text.length)).toBe(true);
            for (const p of f.parts ?? []) {
              expect(Number.isFinite(p.value), `part value ${p.value}`).toBe(true);
              expect(inRange(p.at, text.length)).toBe(true);
            }
          }
          for (const p of percents) {
            expect(Number.isFinite(p.percent), `percent ${p.percent}`).toBe(true);
            expect(inRange(p.at, text.length)).toBe(true);
            if (p.numerator !== undefined) expect(Number.isFinite(p.numerator) && Number.isFinite(p.denominator!)).toBe(true);
          }
          for (const d of declaredParts) {
            expect(Number.isInteger(d.count) && d.count >= 0).toBe(true);
            expect(inRange(d.at, text.length)).toBe(true);
          }
          expectJsonStable({ facts, percents, declaredParts }, 'facts');
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

describe('parseCellValue', () => {
  it('numbers are finite and keep the trimmed text; never throws (1,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          numberText,
          unicodeText(12),
          fc.tuple(fc.constantFrom('增', '减少', '', ' '), numberText, fc.constantFrom('', '件', '万元', ' ')).map((p) => p.join('')),
        ),
        (text) => {
          const v = parseCellValue(text);
          expect(v.text).toBe(text.trim());
          if (v.kind === 'number') {
            expect(Number.isFinite(v.value)).toBe(true);
            expect(Object.is(v.value, -0)).toBe(false);
          }
          expectJsonStable(v, 'value');
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

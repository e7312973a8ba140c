/**
 * The report script paints the page's own check (the catalogue's first rules), then runs only the later rules and
 * sorts both lists together (entrypoints/report.content laterFindings). That is right only if the two passes give
 * what one run of the whole catalogue gives: the same findings, in the same order, and the same count of what was
 * compared. Checked on every fixture page and text with findings from both passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyDocument, htmlToDocument } from '../../../cli/dom';
import { parseDocument, parseReportText } from '../../../utils/parse';
import type { Report } from '../../../utils/report/types';
import { ALL_RULES, checkedCount, newTally, runRules, sortFindings } from '../../../utils/rules';
import { LATER_RULES } from '../../../utils/rules/later-rules';

const pages = new URL('../../fixtures/pages/', import.meta.url);
const texts = [new URL('../../fixtures/text/', import.meta.url), new URL('../../fixtures/seeds/', import.meta.url)];

function reports(): [string, Report][] {
  const out: [string, Report][] = [];
  for (const f of readdirSync(pages).filter((f) => f.endsWith('.html') && f !== 'large-listing.html'))
    out.push([f, parseDocument(htmlToDocument(readFileSync(new URL(f, pages), 'utf8')), { url: `https://example.gov.cn/${f}` }).report]);
  for (const dir of texts)
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')))
      out.push([f, parseReportText(readFileSync(new URL(f, dir), 'utf8'), emptyDocument()).report]);
  return out.filter(([, r]) => r.isReport);
}

describe('the first rules, then the later rules alone, equal one run of the catalogue', () => {
  const first = ALL_RULES.slice(0, ALL_RULES.length - LATER_RULES.length);

  it('the later rules close the catalogue, in their order', () => {
    expect(LATER_RULES.length).toBeGreaterThan(0);
    expect(ALL_RULES.slice(first.length).map((r) => r.id)).toEqual(LATER_RULES.map((r) => r.id));
  });

  const all = reports();
  it('has report fixtures whose findings come from both passes', () => {
    const both = all.filter(([, report]) => {
      const ids = new Set(runRules(report).map((f) => f.rule));
      return first.some((r) => ids.has(r.id)) && LATER_RULES.some((r) => ids.has(r.id));
    });
    expect(both.length).toBeGreaterThanOrEqual(5);
  });

  for (const [name, report] of all)
    it(name, () => {
      const wholeTally = newTally();
      const whole = runRules(report, {}, ALL_RULES, wholeTally);
      const firstTally = newTally();
      const laterTally = newTally();
      const split = sortFindings(report, [...runRules(report, {}, first, firstTally), ...runRules(report, {}, LATER_RULES, laterTally)]);
      expect(split).toEqual(whole);
      expect(checkedCount(firstTally) + checkedCount(laterTally)).toBe(checkedCount(wholeTally));
    });
});

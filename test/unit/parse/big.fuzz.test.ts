/**
 * Size extremes, one case each, through the whole pipeline (checkParsed: schema, findings, JSON round
 * trip, anchors, work bounds). Wall clock is bounded by generous test timeouts only; what is asserted
 * is the work done (output sizes), see check.ts and the bounds stated per case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument as linkedomDocument } from '../../../cli/dom';
import { extractFacts } from '../../../utils/parse/facts';
import { MAX_GRID_SLOTS } from '../../../utils/parse/grid';
import { findHeadings } from '../../../utils/parse/sections';
import { cleanText } from '../../../utils/text/clean';
import { checkParsed } from './check';
import { htmlToDocument } from './dom';

const clean2021 = readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'), 'utf8');
/** The article body of clean-2021 (title, sections, tables 二/三/四). */
const article = htmlToDocument(clean2021).querySelector('#zoom')!.innerHTML;
const wrap = (body: string, title = '某县2021年政府信息公开工作年度报告') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="TRS_Editor">${body}</div></body></html>`;

describe('size extremes', () => {
  it('a 10 MB page: the report followed by ~10 MB of paragraphs', () => {
    // Mostly plain prose with a paragraph of figures every 50 (a page of only figures makes 600,000
    // facts: valid, but the JSON checks alone then take 10 s).
    const plain =
      '<p>各部门按照要求，认真做好政府信息公开工作，进一步提高公开质量，切实保障人民群众的知情权、参与权和监督权（第N段）。</p>\n';
    const facts = '<p>本机关在网站上公开各类信息12条，其中通知3条、公告9条。收到政府信息公开申请5件，办结5件。完结率100%。</p>\n';
    const block = plain.repeat(49) + facts;
    const blocks = Math.ceil(10_000_000 / block.length);
    const html = wrap(article + block.repeat(blocks));
    expect(html.length).toBeGreaterThanOrEqual(10_000_000);
    const { report } = checkParsed(htmlToDocument(html));
    // Bound: at most 5 facts/percents per figures paragraph (4 facts + 1 percent), plus the article's.
    expect(report.facts.length + report.percents.length).toBeLessThanOrEqual(5 * blocks + 100);
    expect(report.text.length).toBeLessThanOrEqual(html.length);
  });

  it('one 10 MB text run without a sentence end or a line break stays linear', () => {
    // facts: pieces of at most 1,000 characters; headings: one candidate per sentence end in a long line.
    const text = '其中1件，一、总体情况'.repeat(1_000_000 / 11) + '1条、'.repeat(1_000_000);
    const cleaned = cleanText(text);
    expect(cleaned.text.length).toBeLessThanOrEqual(text.length);
    const { facts } = extractFacts(cleaned.text, []);
    expect(facts.length).toBeLessThanOrEqual(16 * Math.ceil(cleaned.text.length / 1000) + 16);
    expect(findHeadings(cleaned.text, []).length).toBeLessThanOrEqual(cleaned.text.length / 2);
  });

  it('DOM depth 5,000 and 10,000 (nested divs), nested tables 100 deep', () => {
    // happy-dom's own textContent and querySelectorAll recurse and overflow near depth 3,000, so the deepest
    // pages run on linkedom (the CLI's DOM; no usable Range there, so anchors are checked at depth 2,000).
    for (const [depth, dom] of [
      [2000, htmlToDocument],
      [5000, linkedomDocument],
      [10_000, linkedomDocument],
    ] as const) {
      const doc = dom(wrap('<div>'.repeat(depth) + article + '</div>'.repeat(depth)));
      let d = 0;
      for (let el: Element | null = doc.body; el?.firstElementChild; el = el.firstElementChild) d++;
      expect(d).toBeGreaterThanOrEqual(depth);
      const { report } = checkParsed(doc, { anchors: dom === htmlToDocument });
      expect(report.standard.applications, `depth ${depth}`).toBeDefined();
    }
    const nested = '<table><tr><td>1</td><td>'.repeat(100) + '2' + '</td></tr></table>'.repeat(100);
    checkParsed(htmlToDocument(wrap(article + nested)));
  });

  it('a 5,000-column table (and 5,000 cells of colspan 1000)', () => {
    const row = (n: number, text: (i: number) => string) =>
      `<tr>${Array.from({ length: n }, (_, i) => `<td>${text(i)}</td>`).join('')}</tr>`;
    const wide = `<table>${row(5000, (i) => `列${i}`)}${row(5000, (i) => String(i))}${row(5000, () => '')}</table>`;
    const { report } = checkParsed(htmlToDocument(wrap(article + wide)));
    const t = report.tables.find((x) => x.cols === 5000);
    expect(t?.rows).toBe(3);

    const spans = `<table>${Array.from({ length: 5 }, () => `<tr>${'<td colspan="1000" rowspan="65534">1</td>'.repeat(1000)}</tr>`).join('')}</table>`;
    const r2 = checkParsed(htmlToDocument(wrap(article + spans))).report;
    // Bound: MAX_GRID_SLOTS slots per table whatever the spans.
    for (const x of r2.tables) expect(x.rows * x.cols).toBeLessThanOrEqual(MAX_GRID_SLOTS);
  });

  it('2,000 tables', () => {
    const tables = Array.from(
      { length: 2000 },
      (_, i) =>
        `<p>${i % 7 === 0 ? '三、收到和处理政府信息公开申请情况' : '表'}</p><table><tr><td>自然人</td><td>合计</td></tr><tr><td>${i}</td><td>${i + 1}</td></tr></table>`,
    ).join('');
    const { report, findings } = checkParsed(htmlToDocument(wrap(article + tables)));
    // Bound: every data table is one ReportTable, no more.
    expect(report.tables.length).toBeLessThanOrEqual(2000 + 3);
    expect(report.tables.length).toBeGreaterThanOrEqual(2000);
    expect(findings.length).toBeLessThan(10_000);
  });
});

/**
 * Random and mutated tables through the whole pipeline (parseDocument → Report → runRules), checked by
 * checkParsed (schema, findings, JSON round trip, anchors, work bounds; see check.ts).
 * Cases: 600 random tables + 200 mutated standard tables + 1,000 direct grids = 1,800.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_GRID_SLOTS, MAX_GRID_WORK, tableToGrid } from '../../../utils/parse/grid';
import { escapeHtml, numberText, proseText, runs, spanValue, unicodeText } from './arbitraries';
import { checkParsed } from './check';
import { htmlToDocument } from './dom';

const pages = join(__dirname, '../../fixtures/pages');

const cellText = fc.oneof(
  { weight: 3, arbitrary: numberText },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '/',
      '—',
      '无',
      '合计',
      '总计',
      '自然人',
      '法人或其他组织',
      '商业企业',
      '新收政府信息公开申请数量',
      '上年结转政府信息公开申请数量',
      '予以公开',
      '行政复议',
      '结果维持',
      '尚未审结',
      '本年新制发件数',
      '行政许可',
      '三、收到和处理政府信息公开申请情况',
    ),
  },
  { weight: 1, arbitrary: unicodeText(6) },
  { weight: 1, arbitrary: proseText(4) },
);

interface CellSpec {
  tag: 'td' | 'th';
  rowspan: string | null;
  colspan: string | null;
  text: string;
  /** A nested table inside the cell. */
  nested: boolean;
}
const cellSpec: fc.Arbitrary<CellSpec> = fc.record({
  tag: fc.constantFrom('td', 'th'),
  rowspan: spanValue,
  colspan: spanValue,
  text: cellText,
  nested: fc.boolean().map((b) => b && Math.random() < 0.1),
});
const tableSpec = fc.record({
  groups: fc.array(
    fc.record({
      tag: fc.constantFrom('tbody', 'thead', 'tfoot', null),
      rows: fc.array(fc.array(cellSpec, { maxLength: 8 }), { maxLength: 8 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  caption: fc.option(fc.constantFrom('政府信息公开申请情况', '<b>x</b>'), { nil: undefined }),
});
type TableSpec = typeof tableSpec extends fc.Arbitrary<infer T> ? T : never;

function tableHtml(spec: TableSpec, depth = 0): string {
  const attr = (name: string, v: string | null) => (v === null ? '' : ` ${name}="${escapeHtml(v)}"`);
  let html = '<table>';
  if (spec.caption) html += `<caption>${escapeHtml(spec.caption)}</caption>`;
  for (const g of spec.groups) {
    if (g.tag) html += `<${g.tag}>`;
    for (const row of g.rows) {
      html += '<tr>';
      for (const c of row) {
        const inner =
          c.nested && depth < 2
            ? tableHtml({ groups: [{ tag: null, rows: [[{ ...c, nested: false }, c]] }], caption: undefined }, depth + 1)
            : '';
        html += `<${c.tag}${attr('rowspan', c.rowspan)}${attr('colspan', c.colspan)}>${escapeHtml(c.text)}${inner}</${c.tag}>`;
      }
      html += '</tr>';
    }
    if (g.tag) html += `</${g.tag}>`;
  }
  return html + '</table>';
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><div class="TRS_Editor">${body}</div></body></html>`;

describe('random tables', () => {
  it('any tables between report headings: valid Report, valid findings, bounded (600 cases)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('某县2021年政府信息公开工作年度报告', '新闻', ''),
        fc.array(fc.tuple(proseText(10), tableSpec), { minLength: 1, maxLength: 4 }),
        (title, parts) => {
          const body = parts.map(([prose, t]) => `<p>${escapeHtml(prose)}</p>${tableHtml(t)}`).join('');
          checkParsed(htmlToDocument(page(title, body)));
        },
      ),
      { numRuns: runs(600) },
    );
  });

  it('tableToGrid on absurd spans stays within MAX_GRID_SLOTS and MAX_GRID_WORK (1,000 cases)', () => {
    fc.assert(
      fc.property(tableSpec, (spec) => {
        const doc = htmlToDocument(`<body>${tableHtml(spec)}</body>`);
        const el = doc.querySelector('table') as HTMLTableElement;
        const { table, elements } = tableToGrid(el, (s) => s, 0);
        // Bound: grid slots <= 200,000; slot visits <= 2,000,000 (sum of placed cells' areas).
        expect(table.rows * table.cols).toBeLessThanOrEqual(MAX_GRID_SLOTS);
        expect(table.cells.reduce((n, c) => n + c.rowSpan * c.colSpan, 0)).toBeLessThanOrEqual(MAX_GRID_WORK);
        expect(elements.length).toBe(table.cells.length);
        expect(table.cells.length).toBeLessThanOrEqual(
          el.querySelectorAll(':scope > * > tr > td, :scope > * > tr > th, :scope > tr > td, :scope > tr > th').length,
        );
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('mutated standard tables', () => {
  // The standard tables of clean-2021 (二, 三, 四) in an otherwise minimal report page.
  const source = htmlToDocument(readFileSync(join(pages, 'clean-2021.html'), 'utf8'));
  const tables = [...source.querySelectorAll('table')].map((t) => t.outerHTML);
  const title = source.title;

  type Edit =
    | { op: 'text'; at: number; text: string }
    | { op: 'span'; at: number; name: 'rowspan' | 'colspan'; value: string | null }
    | { op: 'deleteRow' | 'duplicateRow'; at: number }
    | { op: 'deleteCell' | 'duplicateCell'; at: number }
    | { op: 'swapRows'; at: number; other: number };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: cellText }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('span' as const),
        at: fc.nat(),
        name: fc.constantFrom('rowspan' as const, 'colspan' as const),
        value: spanValue,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constantFrom('deleteRow' as const, 'duplicateRow' as const, 'deleteCell' as const, 'duplicateCell' as const),
        at: fc.nat(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('swapRows' as const), at: fc.nat(), other: fc.nat() }) },
  );

  it('edits of cells, spans and rows of tables 二/三/四: valid Report, valid findings (200 cases)', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const doc = htmlToDocument(
          page(
            title,
            tables
              .map(
                (t, i) =>
                  `<p>${['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'][i] ?? ''}</p>${t}`,
              )
              .join(''),
          ),
        );
        for (const e of edits) {
          const cells = [...doc.querySelectorAll('td,th')];
          const rows = [...doc.querySelectorAll('tr')];
          const cell = cells[e.at % cells.length];
          const row = rows[e.at % rows.length];
          if (!cell || !row) continue;
          switch (e.op) {
            case 'text':
              cell.textContent = e.text;
              break;
            case 'span':
              if (e.value === null) cell.removeAttribute(e.name);
              else cell.setAttribute(e.name, e.value);
              break;
            case 'deleteRow':
              row.remove();
              break;
            case 'duplicateRow':
              row.after(row.cloneNode(true));
              break;
            case 'deleteCell':
              cell.remove();
              break;
            case 'duplicateCell':
              cell.after(cell.cloneNode(true));
              break;
            case 'swapRows': {
              const other = rows[e.other % rows.length]!;
              if (other !== row && !other.contains(row) && !row.contains(other)) {
                const marker = doc.createComment('');
                row.replaceWith(marker);
                other.replaceWith(row);
                marker.replaceWith(other);
              }
              break;
            }
          }
        }
        checkParsed(doc);
      }),
      { numRuns: runs(200) },
    );
  });
});

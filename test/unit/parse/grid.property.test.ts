// @vitest-environment happy-dom

import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MAX_GRID_SLOTS, tableToGrid } from '../../../utils/parse/grid';

const spanValue = fc.oneof(
  fc.constant<string | null>(null),
  fc.constantFrom('0', '1', '2', '3', '-1', 'abc', '', ' 4px', '+2', '1e3', '99999999999', '65535', '1001'),
  fc.integer({ min: 0, max: 1200 }).map(String),
);
const cell = fc.record({ tag: fc.constantFrom('td', 'th'), rowspan: spanValue, colspan: spanValue, text: fc.string({ maxLength: 4 }) });
const group = fc.record({
  tag: fc.constantFrom('tbody', 'thead', 'tfoot', null),
  rows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }),
});

test('tableToGrid never throws and every slot points at a cell covering it', () => {
  fc.assert(
    fc.property(fc.array(group, { maxLength: 4 }), (groups) => {
      const table = document.createElement('table');
      for (const g of groups) {
        const parent = g.tag ? table.appendChild(document.createElement(g.tag)) : table;
        for (const r of g.rows) {
          const tr = parent.appendChild(document.createElement('tr'));
          for (const c of r) {
            const el = tr.appendChild(document.createElement(c.tag));
            if (c.rowspan !== null) el.setAttribute('rowspan', c.rowspan);
            if (c.colspan !== null) el.setAttribute('colspan', c.colspan);
            el.textContent = c.text;
          }
        }
      }
      const { table: t, elements } = tableToGrid(table, (s) => s, 0);
      expect(elements.length).toBe(t.cells.length);
      expect(t.slots.length).toBe(t.rows);
      expect(t.rows * t.cols).toBeLessThanOrEqual(MAX_GRID_SLOTS);
      const bad: string[] = [];
      for (let r = 0; r < t.rows; r++) {
        if (t.slots[r].length !== t.cols) bad.push(`row ${r} length`);
        for (let c = 0; c < t.cols; c++) {
          const i = t.slots[r][c];
          if (!(Number.isInteger(i) && i >= -1 && i < t.cells.length)) bad.push(`slot ${r},${c} = ${i}`);
          if (i < 0) continue;
          const k = t.cells[i];
          if (!(r >= k.row && r < k.row + k.rowSpan && c >= k.col && c < k.col + k.colSpan)) bad.push(`slot ${r},${c} outside cell ${i}`);
        }
      }
      expect(bad).toEqual([]);
      t.cells.forEach((k, i) => {
        expect(k.rowSpan).toBeGreaterThanOrEqual(1);
        expect(k.colSpan).toBeGreaterThanOrEqual(1);
        expect(k.colSpan).toBeLessThanOrEqual(1000);
        expect(k.row + k.rowSpan).toBeLessThanOrEqual(t.rows);
        expect(k.col + k.colSpan).toBeLessThanOrEqual(t.cols);
        expect(t.slots[k.row][k.col]).toBe(i);
        expect(k.header).toBe(elements[i].localName === 'th');
      });
    }),
    { numRuns: 300 },
  );
});

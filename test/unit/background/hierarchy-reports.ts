/** A district government and three of its bodies for the hierarchy tests, figures chosen by hand. */
import type { Report } from '../../../utils/report/types';
import { makeReport } from '../library/builder';

export const PARENT = '某区人民政府';
export const EDUCATION = '某区教育局';
export const HEALTH = '某区卫生健康局';
export const STREET = '某区城关街道办事处';
export const url = (name: string, year = 2022) => `http://www.example.gov.cn/${encodeURIComponent(name)}/${year}.html`;

/** 表三 总计 column: 一 new, 二 carried over, （七） handled = new + over − forward, 四 carried forward. */
export function child(agency: string, newApps: number, carriedOver: number, carriedForward: number, year = 2022): Report {
  return makeReport({ agency, year, newApps, carriedOver, carriedForward, url: url(agency, year) });
}

/**
 * Children: 教育局 一 12, 二 1, 四 2 (（七） 11); 卫健局 一 9, 二 2, 四 1 (（七） 10); 街道 一 5, 二 0, 四 1 (（七） 4).
 * Sums: 一 26, 二 3, （七） 25, 四 4. The parent below is built with those sums, then its 一 is set to `stated`.
 */
export const CHILDREN = [child(EDUCATION, 12, 1, 2), child(HEALTH, 9, 2, 1), child(STREET, 5, 0, 1)];

export function parent(stated: number): Report {
  const r = makeReport({ agency: PARENT, year: 2022, newApps: 26, carriedOver: 3, carriedForward: 4, url: url(PARENT) });
  const cell = r.standard.applications!.rows.new!.total!;
  r.standard.applications!.rows.new!.total = { ...cell, value: { kind: 'number', value: stated, text: String(stated) } };
  const printed = r.tables[0]!.cells.find((c) => c.row === cell.at.row && c.col === cell.at.col)!;
  printed.text = String(stated);
  return r;
}

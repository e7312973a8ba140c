// @vitest-environment happy-dom
/**
 * The converted-text corpus entries (test/corpus/text/*-md-*): the key figures their hand truth calls
 * doubtful are exactly those whose table cell the text-dump reader marks data-read="position" (on the
 * cell or its row) in the synthetic document. The truth was written by reading each text; this holds the
 * parser's marks to it until the marks become CellValue.read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReportText } from '../../../utils/parse/index';
import type { CellValue } from '../../../utils/report/types';

const DIR = join(__dirname, '../../corpus/text');
const entries = readdirSync(DIR).filter((n) => /-md-.*\.truth\.json$/.test(n));

/** The cells each key figure is read from when it comes from a table. */
function figureCells(standard: ReturnType<typeof parseReportText>['report']['standard']): Record<string, (CellValue | undefined)[]> {
  const a = standard.applications?.rows;
  const g = standard.reviewLitigation?.groups;
  return {
    applicationsNew: [a?.new?.total],
    applicationsCarriedOver: [a?.carriedOver?.total],
    applicationsHandled: [a?.total?.total],
    applicationsCarriedForward: [a?.carriedForward?.total],
    reviewTotal: [g?.review?.total],
    litigationTotal: [g?.litigationDirect?.total, g?.litigationAfterReview?.total],
  };
}

describe('converted-text entries: doubtful figures are the marked cells', () => {
  test('there are converted entries to check', () => {
    expect(entries.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of entries) {
    test(name, () => {
      const truth = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { file: string; doubtful?: string[] };
      document.body.innerHTML = '';
      const { report } = parseReportText(readFileSync(join(DIR, truth.file), 'utf8'), document);
      const elements = [...document.querySelectorAll('table')];
      // every table of these texts is a data table, so the report's table index is the document's
      expect(report.tables.length).toBe(elements.length);
      const marked = (c: CellValue) => {
        const tr = elements[c.at.table]!.querySelectorAll('tr')[c.at.row]!;
        const td = tr.children[c.at.col]!;
        return tr.getAttribute('data-read') === 'position' || td.getAttribute('data-read') === 'position';
      };
      const shown = Object.entries(figureCells(report.standard))
        .filter(([, cells]) => cells.some((c) => c && c.value.kind !== 'missing' && marked(c)))
        .map(([key]) => key)
        .sort();
      expect(shown).toEqual([...(truth.doubtful ?? [])].sort());
    });
  }
});

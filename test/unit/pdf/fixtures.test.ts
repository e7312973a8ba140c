/**
 * Each PDF fixture (test/fixtures/pdf/, made by test/fixtures/make-pdfs.mjs from the HTML fixture pages)
 * through pdf.js, the reconstruction, the parser and the rules, against the HAND-WRITTEN expectation of
 * its HTML twin (test/fixtures/expected/*.json). Differences are listed per fixture with the reason.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../cli/dom';
import { checkPdfFile, readPdfFile } from '../../../cli/pdf';
import { locateInPdf } from '../../../utils/anchor/pdf';
import { PdfReadError, pdfToDocument } from '../../../utils/pdf';
import { hashBytes } from '../../../utils/report/hash';
import { validateFindings } from '../../../utils/report/schema';
import type { CellValue, Finding, Report } from '../../../utils/report/types';
import { renderFinding } from '../../../utils/rules/render';

const root = join(__dirname, '../../..');
const fixtures = join(root, 'test/fixtures');

interface Twin {
  pdf: string;
  expected: string;
  /** meta fields the PDF cannot carry, and why. */
  skipMeta?: Record<string, string>;
}

const WORD_EXPORT = 'a Word/WPS export holds the article only: no CMS metadata table (索引号, 发布机构, 发布日期)';
const TWINS: Twin[] = [
  // The whole page printed from the browser (metadata table included), with Chromium's running header and footer.
  { pdf: 'clean-2021.chromium.pdf', expected: 'clean-2021.json' },
  { pdf: 'seed-003.chromium.pdf', expected: 'seed-003.json' },
  // Larger type: table 三 runs over three pages with its header repeated; three more paragraphs in 一 (no figures).
  { pdf: 'long-2021.chromium.pdf', expected: 'clean-2021.json' },
  // The article alone through LibreOffice Writer, as agencies export from Word/WPS.
  {
    pdf: 'clean-2019.soffice.pdf',
    expected: 'clean-2019.json',
    skipMeta: {
      publisher: WORD_EXPORT,
      indexNumber: WORD_EXPORT,
      publishedAt: `${WORD_EXPORT}; the date under the signature is read instead`,
    },
  },
  { pdf: 'seed-003.soffice.pdf', expected: 'seed-003.json', skipMeta: { publishedAt: WORD_EXPORT } },
  // Tables without ruling lines (every border off): rebuilt from the runs' positions.
  { pdf: 'clean-2021.unruled.chromium.pdf', expected: 'clean-2021.json' },
  { pdf: 'long-2021.unruled.chromium.pdf', expected: 'clean-2021.json' },
];
// Made by the script but not yet read as their twins (not held here; measured by hand, see the report):
// clean-2019.unruled.soffice.pdf (table 二's 2019 blocks lose their first column), seed-003.outer.chromium.pdf
// (one outcome-sum finding of three), clean-2021.rows.soffice.pdf (table 二 and the 2021 （六） rows).

/** The reconstruction alone (no parse): what a file that cannot be read stops at. */
async function pdfBytesToDocument(bytes: Uint8Array): Promise<Document> {
  const doc = emptyDocument();
  pdfToDocument(await readPdfFile(bytes), doc);
  return doc;
}

const squash = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, '') : s);
const num = (c: CellValue | undefined) => (c?.value.kind === 'number' ? c.value.value : c ? c.value.text : undefined);

describe.each(TWINS)('$pdf (twin: $expected)', (twin) => {
  const expected = JSON.parse(readFileSync(join(fixtures, 'expected', twin.expected), 'utf8'));
  let report: Report;
  let findings: Finding[];
  beforeAll(async () => {
    ({ report, findings } = await checkPdfFile(new Uint8Array(readFileSync(join(fixtures, 'pdf', twin.pdf))), null));
  });

  it('is a report with the twin’s metadata', () => {
    expect(report.isReport).toBe(true);
    for (const [key, value] of Object.entries(expected.meta ?? {})) {
      if (twin.skipMeta?.[key]) continue;
      expect.soft(squash((report.meta as unknown as Record<string, unknown>)[key]), `meta.${key}`).toEqual(squash(value));
    }
  });

  it('has the twin’s sections', () => {
    expect(report.sections.map((s) => s.label)).toEqual(expected.topLevelLabels);
    for (const [path, labels] of Object.entries<string[]>(expected.childLabels ?? {})) {
      let level = report.sections;
      for (const label of path.split('.')) level = level.find((s) => s.label === label)?.children ?? [];
      expect
        .soft(
          level.map((s) => s.label),
          `children of ${path}`,
        )
        .toEqual(labels);
    }
  });

  it('has the twin’s key figures and standard tables', () => {
    for (const [key, value] of Object.entries(expected.figures ?? {})) {
      expect.soft((report.figures as unknown as Record<string, unknown>)[key], `figures.${key}`).toBe(value);
    }
    for (const [kind, present] of Object.entries(expected.tables ?? {})) {
      expect
        .soft(
          report.tables.some((t) => t.kind === kind),
          kind,
        )
        .toBe(present);
    }
  });

  it('reads every value of the standard tables as the twin states them', () => {
    const columns: string[] | undefined = expected.applicationsColumns;
    const rows = report.standard.applications?.rows ?? {};
    if (columns && expected.applicationsRows) {
      const { _allOtherRows, ...stated } = expected.applicationsRows as Record<string, number[] | number>;
      for (const [row, values] of Object.entries(stated)) {
        const got = columns.map((c) => num((rows as Record<string, Record<string, CellValue>>)[row]?.[c]));
        expect.soft(got, `table 三 ${row}`).toEqual(values);
      }
      if (_allOtherRows !== undefined) {
        for (const [row, cells] of Object.entries(rows)) {
          if (row in stated) continue;
          expect
            .soft(
              columns.map((c) => num((cells as Record<string, CellValue>)[c])),
              `table 三 ${row}`,
            )
            .toEqual(columns.map(() => _allOtherRows));
        }
      }
    }
    for (const [group, values] of Object.entries<number[]>(expected.reviewLitigation ?? {})) {
      const cells = report.standard.reviewLitigation?.groups[group as 'review'] ?? {};
      expect
        .soft(
          ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => num((cells as Record<string, CellValue>)[o])),
          `table 四 ${group}`,
        )
        .toEqual(values);
    }
    for (const [row, values] of Object.entries<number[]>(expected.activeDisclosure ?? {})) {
      const cells = report.standard.activeDisclosure?.rows[row as 'licensing'] ?? {};
      expect
        .soft(
          Object.values(cells).map((c) => num(c as CellValue)),
          `table 二 ${row}`,
        )
        .toEqual(values);
    }
  });

  it('gives the twin’s findings', () => {
    expect(validateFindings(findings, report)).toEqual({ ok: true });
    const rules = new Set(findings.map((f) => f.rule));
    const summary = findings.map((f) => `${f.rule}: ${renderFinding(f, 'zh-Hans')}`).join('\n');
    for (const id of expected.expectedFindings ?? []) expect.soft(rules.has(id), `missing ${id}; got:\n${summary}`).toBe(true);
    for (const id of expected.forbiddenFindings ?? []) expect.soft(rules.has(id), `forbidden ${id}; got:\n${summary}`).toBe(false);
    if (expected.noErrorFindings)
      expect(
        findings.filter((f) => f.severity === 'error'),
        summary,
      ).toEqual([]);
  });
});

describe('unruled tables keep every value on its page', () => {
  const cellsOf = (doc: Document, label: string) => {
    const row = Array.from(doc.querySelectorAll('tr')).find((tr) => (tr.textContent ?? '').startsWith(label));
    return Array.from(row?.querySelectorAll('td') ?? []);
  };
  it('clean-2021.unruled.chromium.pdf: 一、本年新收 总计 49 is the run "49"', async () => {
    const pages = await readPdfFile(new Uint8Array(readFileSync(join(fixtures, 'pdf', 'clean-2021.unruled.chromium.pdf'))));
    const doc = emptyDocument();
    pdfToDocument(pages, doc);
    const cells = cellsOf(doc, '一、本年新收');
    expect(cells.map((c) => c.textContent)).toEqual(['一、本年新收政府信息公开申请数量', '40', '5', '1', '0', '2', '1', '49']);
    const boxes = locateInPdf(cells[7]!, pages);
    expect(boxes).toHaveLength(1);
    const run = pages[boxes[0]!.page - 1]!.runs.find((r) => r.x === boxes[0]!.box.x && r.y === boxes[0]!.box.y);
    expect(run?.str.trim()).toBe('49');
  });
  it('long-2021.unruled.chromium.pdf: table 三 runs over a page break; its last row keeps its own page', async () => {
    const pages = await readPdfFile(new Uint8Array(readFileSync(join(fixtures, 'pdf', 'long-2021.unruled.chromium.pdf'))));
    const doc = emptyDocument();
    pdfToDocument(pages, doc);
    const first = cellsOf(doc, '一、本年新收');
    const last = cellsOf(doc, '四、结转下年度继续办理');
    expect(last.map((c) => c.textContent)).toEqual(['四、结转下年度继续办理', '2', '1', '0', '0', '0', '0', '3']);
    expect(first[0]!.closest('table')).toBe(last[0]!.closest('table'));
    const firstPage = locateInPdf(first[7]!, pages)[0]!.page;
    const lastPage = locateInPdf(last[7]!, pages)[0]!.page;
    expect(lastPage).toBeGreaterThan(firstPage);
  });
});

describe('PDFs that cannot be read say why', () => {
  const cases: [string, string, string][] = [
    ['scanned.pdf', 'scanned', '此 PDF 为扫描图片，无法读取文字'],
    ['encrypted.pdf', 'encrypted', '此 PDF 已加密（需要密码），无法读取文字'],
    ['truncated.pdf', 'truncated', '此 PDF 不完整（文件被截断，可能下载中断），无法读取'],
  ];
  it.each(cases)('%s', async (file, problem, message) => {
    const error = await pdfBytesToDocument(new Uint8Array(readFileSync(join(fixtures, 'pdf', file)))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfReadError);
    expect((error as PdfReadError).problem).toBe(problem);
    expect((error as PdfReadError).messages['zh-Hans']).toBe(message);
  });

  it('an HTML page named .pdf is not a PDF', async () => {
    const error = await readPdfFile(new Uint8Array(readFileSync(join(fixtures, 'pages/clean-2021.html')))).catch((e: unknown) => e);
    expect((error as PdfReadError).problem).toBe('corrupt');
  });

  it('the scan has its one page image and no text (what makes it a scan)', async () => {
    const pages = await readPdfFile(new Uint8Array(readFileSync(join(fixtures, 'pdf/scanned.pdf'))));
    expect(pages.map((p) => [p.images, p.runs.length])).toEqual([[1, 0]]);
  });
});

describe('npm run check -- file.pdf', () => {
  it('prints the same JSON for a PDF and for a scan read by OCR, and the reason for each unreadable one', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'cli/check.ts'),
        '--json',
        'test/fixtures/pdf/clean-2021.chromium.pdf',
        'test/fixtures/pdf/scanned.pdf',
        'test/fixtures/pdf/encrypted.pdf',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    const out = JSON.parse(result.stdout);
    // The scan is read by OCR now (issue 18): its one page is the top of clean-2019's article.
    expect(out.map((o: { source: string }) => o.source)).toEqual([
      'test/fixtures/pdf/clean-2021.chromium.pdf',
      'test/fixtures/pdf/scanned.pdf',
    ]);
    // The PDF's revision, as pdf.html and the batch save it: the hash of the file's bytes (a scan's too).
    expect(out[0].fileHash).toBe(hashBytes(new Uint8Array(readFileSync(join(fixtures, 'pdf/clean-2021.chromium.pdf')))));
    expect(out[1].fileHash).toBe(hashBytes(new Uint8Array(readFileSync(join(fixtures, 'pdf/scanned.pdf')))));
    expect(out[1].meta.agency).toBe('东岭县人力资源和社会保障局');
    expect(out[1].meta.year).toBe(2020);
    expect(out[0].figures).toEqual({
      activeDisclosed: 968,
      applicationsNew: 49,
      applicationsCarriedOver: 4,
      applicationsHandled: 50,
      applicationsCarriedForward: 3,
      reviewTotal: 3,
      litigationTotal: 3,
    });
    expect(result.stderr).not.toContain('scanned.pdf');
    expect(result.stderr).toContain('encrypted.pdf: cannot read: 此 PDF 已加密');
  });
});

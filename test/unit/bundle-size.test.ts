/**
 * The every-page budget: our detector content script must stay ≤ 5 KB on every built target, must not
 * carry webextension-polyfill, and the heavy report script must never be declared in a manifest (it is
 * injected on demand), and pdf.js stays in the PDF page (and the batch's parse host). Runs against .output/ (npm run build first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = join(process.cwd(), '.output');
const BUDGET_BYTES = 5 * 1024;
/**
 * The report script is parsed and compiled on every report page before the panel can show: 211,754 B
 * at sprint 3 (from 263,120 B), against a target of no more than the 213 KB of release 5694156. The
 * budget leaves a little room for the listing reader joining it; growing past it means moving
 * something out first (see BENCHMARKS.md, "Sprint 3").
 */
const REPORT_BUDGET_BYTES = 215 * 1024;
const targets = existsSync(OUTPUT)
  ? readdirSync(OUTPUT).filter((d) => existsSync(join(OUTPUT, d, 'content-scripts', 'detector.js')))
  : [];

describe('built detector stays within the every-page budget', () => {
  // npm test builds before the unit tests: a missing build is a failure, never a silent skip.
  it('both builds exist (run `npm run build` first)', () => {
    expect(targets.sort()).toEqual(['chrome-mv3', 'firefox-mv2']);
  });
  for (const target of targets) {
    const file = join(OUTPUT, target, 'content-scripts', 'detector.js');
    it(`${target}: detector.js ≤ 5 KB, no polyfill`, () => {
      const size = statSync(file).size;
      const source = readFileSync(file);
      console.info(`${target} detector.js: ${size} B raw, ${gzipSync(source).length} B gzip`);
      expect(size).toBeLessThanOrEqual(BUDGET_BYTES);
      const text = source.toString('utf8');
      expect(text).not.toMatch(/wrapAsyncFunction|webextension-polyfill|This script should only be loaded in a browser extension/);
    });
    it(`${target}: report.js within its budget, without the polyfill, rule docs or opencc's compatibility dictionary`, () => {
      const file = join(OUTPUT, target, 'content-scripts', 'report.js');
      const size = statSync(file).size;
      const text = readFileSync(file, 'utf8');
      console.info(`${target} report.js: ${size} B raw, ${gzipSync(readFileSync(file)).length} B gzip`);
      expect(size).toBeLessThanOrEqual(REPORT_BUDGET_BYTES);
      expect(text).not.toMatch(/This script should only be loaded in a browser extension/);
      // A rule's docs ("why" of truncated-sentence) are gone; its message templates are there.
      expect(text).not.toContain('截断的句子说明发布时内容丢失');
      expect(text).toContain('段落以未闭合的');
      // opencc's CJK_Compatibility_Ideographs entry "豈 豈" (U+F900 → U+8C48) is not shipped; its characters dictionary is.
      expect(text).not.toContain('\uF900 \u8C48');
      expect(text).toMatch(/萬/);
    });
    it(`${target}: only the detector is declared; the report script is injected on demand`, () => {
      const manifest = JSON.parse(readFileSync(join(OUTPUT, target, 'manifest.json'), 'utf8')) as {
        content_scripts?: { js?: string[] }[];
      };
      const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
      expect(declared).toEqual(['content-scripts/detector.js']);
      expect(existsSync(join(OUTPUT, target, 'content-scripts', 'report.js'))).toBe(true);
    });
    it(`${target}: pdf.js only in the PDF page; its worker, CMaps and fonts ship with the extension`, () => {
      // pdf.js's API object names: present in the PDF page's chunk (the control), absent elsewhere.
      const PDFJS = /GlobalWorkerOptions|PDFDocumentProxy|pdfjs-dist/;
      for (const script of ['detector.js', 'report.js']) {
        expect(readFileSync(join(OUTPUT, target, 'content-scripts', script), 'utf8'), script).not.toMatch(PDFJS);
      }
      const chunks = readdirSync(join(OUTPUT, target, 'chunks'));
      const withPdfjs = chunks.filter((c) => PDFJS.test(readFileSync(join(OUTPUT, target, 'chunks', c), 'utf8')));
      // Also the batch's hidden parse page (Chrome's offscreen document, Firefox's iframe of it in the
      // background page), which sets pdf.js's worker up; neither background script carries pdf.js.
      expect(withPdfjs.map((c) => c.replace(/-[\w-]+\.js$/, '')).sort()).toEqual(['offscreen', 'pdf']);
      const background = readFileSync(join(OUTPUT, target, 'background.js'), 'utf8');
      expect(PDFJS.test(background), 'background.js').toBe(false);
      for (const asset of ['pdfjs/pdf.worker.min.mjs', 'pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'pdfjs/standard_fonts/FoxitSerif.pfb']) {
        expect(existsSync(join(OUTPUT, target, asset)), asset).toBe(true);
      }
    });
  }
});

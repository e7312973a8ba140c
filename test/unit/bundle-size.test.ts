/**
 * The every-page budget: our detector content script must stay ≤ 5 KB on every built target, must not
 * carry webextension-polyfill, and the heavy report script must never be declared in a manifest (it is
 * injected on demand), and pdf.js stays in the PDF page. Runs against .output/ (npm run build first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = join(process.cwd(), '.output');
const BUDGET_BYTES = 5 * 1024;
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
      expect(withPdfjs.map((c) => c.replace(/-[\w-]+\.js$/, ''))).toEqual(['pdf']);
      for (const asset of ['pdfjs/pdf.worker.min.mjs', 'pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'pdfjs/standard_fonts/FoxitSerif.pfb']) {
        expect(existsSync(join(OUTPUT, target, asset)), asset).toBe(true);
      }
    });
  }
});

/**
 * One voice (issue 20): every word a user can read comes from the catalogue (utils/i18n), in zh-Hans,
 * zh-Hant and en. This test reads the product's sources (what ships in the extension: entrypoints/,
 * components/, utils/) and fails on user text written anywhere else. The CLI (cli/) is a tool for
 * developers and evaluators, not the extension, and is not read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardCodedText } from './user-text';

const ROOT = join(__dirname, '../../..');
const PRODUCT = ['entrypoints', 'components', 'utils'];

/**
 * Where Chinese in code is the catalogue or data, not UI text. Kept short: each entry says why.
 * A folder ends with '/'; anything else is one file.
 */
const ALLOWED: Record<string, string> = {
  'utils/i18n/': 'the catalogue itself',
  'utils/rules/':
    'rules are ESLint-style: each rule file holds its own meta docs and messages in the three locales (rendered from ids and data)',
  'utils/parse/': 'parser vocabulary: the words reports are written in (表三, 本年新收), matched in pages, never shown as UI',
  'utils/detect/': 'detector vocabulary: the titles and phrases that tell a report or a 年报 listing, matched, never shown',
  'utils/text/': 'text normalisation data (numerals, variant characters), matched, never shown',
  'utils/library/agency.ts': 'agency-name vocabulary (人民政府 → 政府) to compare names, never shown',
  'utils/ocr/recognize.ts': "what OCR reads as a zero ('零', '〇'): vocabulary, never shown",
  'utils/ocr/terms.ts': "the report's fixed terms (行政复议, 主动公开) put back in OCR text: vocabulary, never shown",
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) ? [path] : [];
  });
}

const allowed = (file: string) => Object.keys(ALLOWED).some((a) => (a.endsWith('/') ? file.startsWith(a) : file === a));

describe('user text lives in the catalogue', () => {
  it('no product source outside the allow-list holds user text', () => {
    const files = PRODUCT.flatMap((d) => sources(join(ROOT, d))).map((f) => relative(ROOT, f).split(sep).join('/'));
    expect(files.length).toBeGreaterThan(100);
    const found = files
      .filter((f) => !allowed(f))
      .flatMap((f) => hardCodedText(f, readFileSync(join(ROOT, f), 'utf8')))
      .map((h) => `${h.file}:${h.line} ${h.kind} ${JSON.stringify(h.text)}`);
    expect(found).toEqual([]);
  });

  it('every allow-list entry exists (a moved file must not leave a stale exemption)', () => {
    for (const entry of Object.keys(ALLOWED)) {
      const path = join(ROOT, entry);
      expect(statSync(path).isDirectory(), entry).toBe(entry.endsWith('/'));
    }
  });
});

describe('the scan itself', () => {
  it('finds a hard-coded Chinese string, template and JSX text, with their lines', () => {
    const source = [
      "const a = '保存失败';", // 1
      'const b = `已检查 $' + '{n} 份`;', // 2 (split so the fixture's placeholder is not read as this file's own)
      'export const View = () => (', // 3
      '  <p title="年报">', // 4
      '    已保存', // 5
      '  </p>', // 6
      ');', // 7
    ].join('\n');
    expect(hardCodedText('fixture.tsx', source)).toEqual([
      { file: 'fixture.tsx', line: 1, kind: 'string', text: '保存失败' },
      // A template's parts are each text: its head and its tail.
      { file: 'fixture.tsx', line: 2, kind: 'string', text: '已检查' },
      { file: 'fixture.tsx', line: 2, kind: 'string', text: '份' },
      { file: 'fixture.tsx', line: 4, kind: 'jsx-attribute', text: 'title="年报"' },
      { file: 'fixture.tsx', line: 5, kind: 'jsx-text', text: '已保存' },
    ]);
  });

  it('finds English words in JSX text and in seen attributes, not acronyms, class names or code strings', () => {
    const source = [
      'export const View = () => (',
      '  <div class="panel-body" data-state="open" aria-label="Close the panel">',
      '    <span>PDF</span>',
      '    <option value="en">English</option>',
      "    {label('x')}",
      '  </div>',
      ');',
      "const key = 'saveFailed';",
    ].join('\n');
    expect(hardCodedText('fixture.tsx', source).map((h) => [h.line, h.kind, h.text])).toEqual([
      [2, 'jsx-attribute', 'aria-label="Close the panel"'],
      [4, 'jsx-text', 'English'],
    ]);
  });

  it('reads no comment, no module specifier and no text from the catalogue call', () => {
    const source = [
      '// 年报体检：注释不是界面文字',
      '/** 主要数字 */',
      "import { x } from './年报';",
      "const t = strings(locale).saved; // '已保存'",
      'const re = /本年新收/; // a regular expression is a pattern, not text',
    ].join('\n');
    expect(hardCodedText('fixture.ts', source)).toEqual([]);
  });
});

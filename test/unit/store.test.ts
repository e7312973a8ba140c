/**
 * The store listing (store/) says what the extension says elsewhere: its short description is the manifest's
 * localised description, its permission table names exactly the permissions README.md justifies (which
 * manifest.test.ts holds to the built manifests), and its screenshots exist at the 1280×800 the stores take.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeGrants } from './readme-permissions';

const ROOT = process.cwd();
const LISTINGS = [
  ['zh-Hans', 'zh_CN'],
  ['zh-Hant', 'zh_TW'],
  ['en', 'en'],
] as const;

/** The text of a `## heading` section, up to the next one. */
function section(markdown: string, heading: string): string {
  const parts = markdown.split(/^## /m);
  const found = parts.find((p) => p.split('\n')[0]!.trim() === heading);
  if (found === undefined) throw new Error(`no "## ${heading}" section`);
  return found.slice(found.indexOf('\n') + 1).trim();
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian). */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), path).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const HEADINGS: Record<string, { short: string; permissions: string; screenshots: string }> = {
  'zh-Hans': { short: '简短说明', permissions: '权限及用途', screenshots: '截图' },
  'zh-Hant': { short: '簡短說明', permissions: '權限及用途', screenshots: '截圖' },
  en: { short: 'Short description', permissions: 'Permissions and why', screenshots: 'Screenshots' },
};

describe('store listings', () => {
  const readmeNames = Object.keys(readmeGrants(readFileSync(join(ROOT, 'README.md'), 'utf8')).reasons).sort();

  for (const [lang, locale] of LISTINGS) {
    const listing = () => readFileSync(join(ROOT, 'store', `listing.${lang}.md`), 'utf8');
    const h = HEADINGS[lang]!;

    it(`${lang}: the short description is the manifest's (${locale}), within Chrome's 132 characters`, () => {
      const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'));
      const short = section(listing(), h.short);
      expect(short).toBe(messages.extDescription.message);
      expect(short.length).toBeLessThanOrEqual(132);
    });

    it(`${lang}: every permission the README justifies, and no other, with a reason`, () => {
      const rows = [...section(listing(), h.permissions).matchAll(/^\|\s*(?:optional\s+)?(?:host\s+)?`([^`]+)`\s*\|\s*(.*?)\s*\|\s*$/gm)];
      expect(rows.map((r) => r[1]).sort()).toEqual(readmeNames);
      for (const [, name, why] of rows) expect(why!.length, name).toBeGreaterThan(5);
    });

    it(`${lang}: the screenshots it names exist at 1280×800`, () => {
      const files = [...section(listing(), h.screenshots).matchAll(/`(screenshots\/[^`]+\.png)`/g)].map((m) => m[1]!);
      expect(files.length).toBeGreaterThanOrEqual(3);
      for (const file of files) {
        const path = join(ROOT, 'store', file);
        expect(existsSync(path), file).toBe(true);
        expect(pngSize(path), file).toEqual({ width: 1280, height: 800 });
      }
    });
  }
});

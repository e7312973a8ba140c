/**
 * Least privilege: the README's "Permissions" table is the whole truth about what the built manifests ask
 * for, in both builds (.output/chrome-mv3 and .output/firefox-mv2). Every permission, required or optional,
 * is listed and justified there; nothing else is requested; host access by default is gov.cn only, and the
 * declared content scripts stay within it. Builds the extension first when .output is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Grants, isPattern, readmeGrants } from './readme-permissions';

const ROOT = process.cwd();
const TARGETS = ['chrome-mv3', 'firefox-mv2'] as const;
const manifestPath = (target: string) => join(ROOT, '.output', target, 'manifest.json');

interface Manifest {
  manifest_version: 2 | 3;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: unknown;
  content_security_policy?: unknown;
}

/** What a built manifest asks for, MV2 (hosts inside permissions) and MV3 (host_permissions) alike. */
function manifestGrants(m: Manifest): Grants {
  const perms = m.permissions ?? [];
  const optional = m.optional_permissions ?? [];
  return {
    api: perms.filter((p) => !isPattern(p)),
    hosts: [...perms.filter(isPattern), ...(m.host_permissions ?? [])],
    optionalApi: optional.filter((p) => !isPattern(p)),
    optionalHosts: [...optional.filter(isPattern), ...(m.optional_host_permissions ?? [])],
  };
}

const sorted = (a: string[]) => [...new Set(a)].sort();

describe('README Permissions section', () => {
  it('is parsed into a non-empty table with a reason for every entry', () => {
    const grants = readmeGrants(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(grants.api.length + grants.hosts.length).toBeGreaterThan(0);
    for (const [name, why] of Object.entries(grants.reasons)) expect(why.length, name).toBeGreaterThan(5);
  });

  it('an entry marked for one browser counts for that build only', () => {
    const table =
      '## Permissions\n| permission | why |\n|---|---|\n| `storage` | settings and state |\n| `offscreen` (Chrome only) | parse pages for batch runs |\n';
    expect(readmeGrants(table, 'chrome-mv3').api).toEqual(['storage', 'offscreen']);
    expect(readmeGrants(table, 'firefox-mv2').api).toEqual(['storage']);
  });

  it('the parser reads MV2 and MV3 shapes the same way', () => {
    const mv3 = manifestGrants({
      manifest_version: 3,
      permissions: ['storage'],
      host_permissions: ['*://*.gov.cn/*'],
      optional_host_permissions: ['*://*/*'],
    });
    const mv2 = manifestGrants({ manifest_version: 2, permissions: ['storage', '*://*.gov.cn/*'], optional_permissions: ['*://*/*'] });
    expect(mv2).toEqual(mv3);
  });
});

/**
 * Builds both targets when one is missing (a unit run before any build). Without vitest's NODE_ENV=test, which
 * would otherwise reach Vite and give a test-mode bundle (report.js 156,975 B against 149,859: the byte-budget
 * test then failed on it).
 */
function ensureBuilt(): void {
  if (TARGETS.every((t) => existsSync(manifestPath(t)))) return;
  const { NODE_ENV: _, ...env } = process.env;
  execSync('npm run build', { cwd: ROOT, stdio: 'pipe', env });
}

describe('built manifests match the README', () => {
  beforeAll(ensureBuilt);

  const readme = (target: string) => readmeGrants(readFileSync(join(ROOT, 'README.md'), 'utf8'), target);

  for (const target of TARGETS) {
    const manifest = () => JSON.parse(readFileSync(manifestPath(target), 'utf8')) as Manifest;

    it(`${target}: exactly the permissions the README lists and justifies`, () => {
      const want = readme(target);
      const got = manifestGrants(manifest());
      expect(sorted(got.api), 'API permissions').toEqual(sorted(want.api));
      expect(sorted(got.hosts), 'host permissions').toEqual(sorted(want.hosts));
      expect(sorted(got.optionalApi), 'optional API permissions').toEqual(sorted(want.optionalApi));
      expect(sorted(got.optionalHosts), 'optional host permissions').toEqual(sorted(want.optionalHosts));
    });

    it(`${target}: host access by default is gov.cn only; broad access is optional; no remote code`, () => {
      const m = manifest();
      const got = manifestGrants(m);
      for (const host of got.hosts) expect(host).toMatch(/^\*:\/\/\*\.gov\.cn\/\*$/);
      expect(got.hosts).not.toContain('<all_urls>');
      for (const cs of m.content_scripts ?? []) {
        for (const match of cs.matches ?? []) expect(got.hosts, `content script match ${match}`).toContain(match);
      }
      // The extension-page policy is the default one plus 'wasm-unsafe-eval' (the OCR runtime's WebAssembly):
      // scripts from the package only, no eval of strings, no inline script, no remote host.
      const csp =
        m.manifest_version === 3
          ? (m.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages
          : m.content_security_policy;
      expect(csp).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
      if (m.manifest_version === 3) expect(Object.keys(m.content_security_policy as object)).toEqual(['extension_pages']);
    });
  }
});

/**
 * The stores show the manifest's name and description in the browser's language: both come from
 * public/_locales through __MSG_…__ keys, Simplified Chinese by default, with Traditional and English.
 */
describe('built manifests: name and description localised', () => {
  beforeAll(ensureBuilt);

  const LOCALES = ['zh_CN', 'zh_TW', 'en'] as const;
  type Messages = Record<string, { message: string }>;
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

  for (const target of TARGETS) {
    const raw = () => readFileSync(manifestPath(target), 'utf8');
    const messages = (locale: string): Messages =>
      JSON.parse(readFileSync(join(ROOT, '.output', target, '_locales', locale, 'messages.json'), 'utf8'));

    it(`${target}: name and description are message keys, Simplified Chinese by default`, () => {
      const m = JSON.parse(raw()) as { name: string; description: string; default_locale?: string };
      expect(m.name).toBe('__MSG_extName__');
      expect(m.description).toBe('__MSG_extDescription__');
      expect(m.default_locale).toBe('zh_CN');
    });

    it(`${target}: every __MSG_ key of the manifest has a message in zh_CN, zh_TW and en, within the stores' limits`, () => {
      const keys = [...new Set([...raw().matchAll(/__MSG_(\w+)__/g)].map((k) => k[1]!))];
      expect(keys.sort()).toEqual(['extDescription', 'extName']);
      for (const locale of LOCALES) {
        const catalogue = messages(locale);
        for (const key of keys) expect(catalogue[key]?.message.trim(), `${locale} ${key}`).toBeTruthy();
        // Chrome refuses a name over 75 characters and a description over 132.
        expect(catalogue.extName!.message.length, `${locale} name`).toBeLessThanOrEqual(75);
        expect(catalogue.extDescription!.message.length, `${locale} description`).toBeLessThanOrEqual(132);
        expect(catalogue.extName!.message, `${locale} name`).toContain('Report Lens');
      }
    });

    it(`${target}: each locale speaks its own script`, () => {
      const cn = messages('zh_CN').extDescription!.message;
      const tw = messages('zh_TW').extDescription!.message;
      const en = messages('en').extDescription!.message;
      expect(toSimplified(cn), 'zh_CN is Simplified').toBe(cn);
      expect(toTraditional(cn), 'zh_CN is not already Traditional').not.toBe(cn);
      expect(toTraditional(tw), 'zh_TW is Traditional').toBe(tw);
      expect(en, 'en has no Chinese').not.toMatch(/\p{Script=Han}/u);
      expect(messages('zh_TW').extName!.message).toBe(toTraditional(messages('zh_CN').extName!.message));
    });
  }
});

#!/usr/bin/env node
/**
 * The Firefox store's rule, checked here: the sources zip rebuilds the add-on to the same bytes.
 *
 *   node cli/verify-source-zip.mjs [--zip] [--keep]
 *
 * Unpacks .output/<name>-<version>-sources.zip into an empty temporary folder, runs `npm ci --prefer-offline`
 * and `npm run zip` there, and compares the Chrome zip, the Firefox package and the sources zip rebuilt there
 * with the ones in .output, byte for byte (and entry by entry, to name what differs). `--zip` runs
 * `npm run zip` here first; `--keep` leaves the temporary folder in place. Exit code 0 only when all match.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// JSZip is WXT's own dependency (WXT zips with it): resolved from WXT, no extra package.
const JSZip = createRequire(createRequire(join(ROOT, 'package.json')).resolve('wxt'))('jszip');

/** The three zips `npm run zip` writes into `dir` (.output), by role. */
export function zipNames(pkg) {
  return {
    chrome: `${pkg.name}-${pkg.version}-chrome.zip`,
    firefox: `${pkg.name}-${pkg.version}-firefox.zip`,
    sources: `${pkg.name}-${pkg.version}-sources.zip`,
  };
}

/**
 * What differs between two zips: entries only in one, entries whose bytes differ, and whether the archives
 * themselves differ (order, dates, attributes) though every entry matches. Empty list: identical.
 */
export async function compareZips(expected, actual) {
  const problems = [];
  const a = await JSZip.loadAsync(expected);
  const b = await JSZip.loadAsync(actual);
  const files = (zip) =>
    Object.keys(zip.files)
      .filter((n) => !zip.files[n].dir)
      .sort();
  const fa = files(a);
  const fb = files(b);
  for (const n of fa) if (!b.files[n]) problems.push(`missing from the rebuild: ${n}`);
  for (const n of fb) if (!a.files[n]) problems.push(`only in the rebuild: ${n}`);
  for (const n of fa) {
    if (!b.files[n]) continue;
    const [x, y] = await Promise.all([a.files[n].async('nodebuffer'), b.files[n].async('nodebuffer')]);
    if (!x.equals(y)) problems.push(`different bytes: ${n} (${x.length} B vs ${y.length} B)`);
  }
  if (problems.length === 0 && !Buffer.from(expected).equals(Buffer.from(actual))) {
    problems.push('every entry matches, but the zip archives differ (entry order, dates or attributes)');
  }
  return problems;
}

/** Writes every file of a zip under `dir`, refusing paths that would leave it. */
async function unpack(zipBytes, dir) {
  const zip = await JSZip.loadAsync(zipBytes);
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    if (name.startsWith('/') || name.split('/').includes('..')) throw new Error(`unsafe path in the sources zip: ${name}`);
    const target = join(dir, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
}

function run(cmd, args, cwd) {
  const started = Date.now();
  process.stderr.write(`$ ${cmd} ${args.join(' ')}   (in ${cwd})\n`);
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: '1' } });
  process.stderr.write(`  ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (args.has('--zip')) run(npm, ['run', 'zip'], ROOT);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const names = zipNames(pkg);
  const out = join(ROOT, '.output');
  for (const file of Object.values(names)) {
    if (!existsSync(join(out, file))) throw new Error(`.output/${file} is missing: run \`npm run zip\` first (or pass --zip)`);
  }
  const temp = mkdtempSync(join(tmpdir(), 'report-lens-rebuild-'));
  let failed = false;
  try {
    await unpack(readFileSync(join(out, names.sources)), temp);
    run(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], temp);
    run(npm, ['run', 'zip'], temp);
    for (const [role, file] of Object.entries(names)) {
      const problems = await compareZips(readFileSync(join(out, file)), readFileSync(join(temp, '.output', file)));
      if (problems.length === 0) console.log(`identical: ${file} (${readFileSync(join(out, file)).length} B)`);
      else {
        failed = true;
        console.log(`DIFFERENT: ${file} (${role})`);
        for (const p of problems) console.log(`  ${p}`);
      }
    }
  } finally {
    if (args.has('--keep')) console.log(`rebuild left in ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

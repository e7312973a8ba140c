/**
 * Bytes: every script the manifest declares for gov.cn pages (what runs on EVERY gov.cn page, report or
 * not), the on-demand report script, and how much of the report script is opencc.
 *
 * opencc's share: WXT/Vite minify the report script into one IIFE, so the built file cannot be split by
 * module. We re-bundle the report script's engine (utils/pipeline.ts, which is what pulls opencc in) with
 * esbuild, minified, and read esbuild's metafile: `bytesInOutput` per input module. The opencc-js modules'
 * bytes (core + the t2cn preset = its dictionaries) are then an exact count for that bundle; the built
 * report.js is minified by a different minifier, so its opencc bytes are within a few per cent of this.
 * We also check the dictionary is really in report.js by finding one of its entries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { compactDictionaryModule } from '../../wxt-plugins/compact-opencc';
import { ROOT } from './browser';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

const size = (path: string, label: string): FileSize => {
  const buf = readFileSync(path);
  return { file: label, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

export interface TargetSizes {
  target: string;
  everyPage: FileSize[];
  everyPageRaw: number;
  everyPageGzip: number;
  report: FileSize;
}

export function targetSizes(): TargetSizes[] {
  const out = join(ROOT, '.output');
  return readdirSync(out)
    .filter((d) => existsSync(join(out, d, 'manifest.json')))
    .map((target) => {
      const dir = join(out, target);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
        content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
      };
      // Scripts declared for gov.cn pages run on every one of them.
      const declared = (manifest.content_scripts ?? [])
        .filter((c) => c.matches.some((m) => /gov\.cn|<all_urls>|\*:\/\/\*\/\*/.test(m)))
        .flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
      const everyPage = [...new Set(declared)].map((f) => size(join(dir, f), f));
      return {
        target,
        everyPage,
        everyPageRaw: everyPage.reduce((a, f) => a + f.raw, 0),
        everyPageGzip: everyPage.reduce((a, f) => a + f.gzip, 0),
        report: size(join(dir, 'content-scripts/report.js'), 'content-scripts/report.js'),
      };
    });
}

export interface OpenccShare {
  method: string;
  bundleBytes: number;
  openccBytes: number;
  dictionaryBytes: number;
  openccCoreBytes: number;
  share: number;
  /** opencc bytes as a share of the BUILT report.js (estimate). */
  shareOfReportJs: number;
  dictionaryFoundInReportJs: boolean;
  modules: { path: string; bytes: number }[];
}

export async function openccShare(reportJsBytes: number, reportJsPath: string): Promise<OpenccShare> {
  const result = await build({
    entryPoints: [join(ROOT, 'utils/pipeline.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    metafile: true,
    outfile: 'pipeline.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const modules = Object.entries(output.inputs).map(([path, v]) => ({ path, bytes: v.bytesInOutput }));
  const opencc = modules.filter((m) => m.path.includes('node_modules/opencc-js/'));
  const dictionary = opencc.filter((m) => /preset|dict/.test(m.path));
  const openccBytes = opencc.reduce((a, m) => a + m.bytes, 0);
  const dictionaryBytes = dictionary.reduce((a, m) => a + m.bytes, 0);
  // A dictionary entry that only opencc would carry: the opening pairs of the largest dictionary module.
  const biggest = [...dictionary].sort((a, b) => b.bytes - a.bytes)[0];
  const dictSource = biggest ? readFileSync(join(ROOT, biggest.path), 'utf8') : '';
  // The build ships TSCharacters compact (wxt-plugins/compact-opencc.ts): look for its keys as shipped.
  const shipped = /TSCharacters/.test(biggest?.path ?? '')
    ? compactDictionaryModule(JSON.parse(/export default ("(?:[^"\\]|\\.)*")/.exec(dictSource)![1]!) as string)
    : dictSource;
  const sample = /(?:export default|const keys =) "([^"\\]{12})/.exec(shipped)?.[1];
  const reportJs = readFileSync(reportJsPath, 'utf8');
  return {
    method: 'esbuild metafile bytesInOutput of node_modules/opencc-js/* in a minified bundle of utils/pipeline.ts',
    bundleBytes: output.bytes,
    openccBytes,
    dictionaryBytes,
    openccCoreBytes: openccBytes - dictionaryBytes,
    share: openccBytes / output.bytes,
    shareOfReportJs: openccBytes / reportJsBytes,
    dictionaryFoundInReportJs: sample ? reportJs.includes(sample) : false,
    modules: opencc.map((m) => ({ path: m.path.replace(/^.*node_modules\//, ''), bytes: m.bytes })),
  };
}

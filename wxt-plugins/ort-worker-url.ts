import type { Plugin } from 'vite';

/**
 * onnxruntime-web starts its proxy worker (inference off the page's main thread) from its own module's URL,
 * `import.meta.url`. WXT defines `import.meta.url` as `self.location.href` everywhere (for its service workers,
 * wxt-dev/wxt#392), which in the runtime's chunk names the page instead (pdf.html?src=…): the worker then
 * loads the page's HTML as a script and fails. In the runtime's module alone, `import.meta.url` is written so
 * that the define does not match it, and stays the chunk's own URL (an extension file: a same-origin worker).
 */
const ORT_MODULE = /\/onnxruntime-web\/dist\/ort\.wasm\.min\.mjs$/;

export function ortWorkerUrl(): Plugin {
  return {
    name: 'report-lens:ort-worker-url',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!ORT_MODULE.test(id.split('?')[0]!)) return null;
      if (!code.includes('import.meta.url')) throw new Error(`unexpected shape of ${id}: no import.meta.url`);
      return { code: code.replaceAll('import.meta.url', 'import.meta["url"]'), map: null };
    },
  };
}

/**
 * The bench's "pipeline in Chromium" part alone (checkDocument in the page: a first call on a fresh page, the mean
 * of the 5 after it, and of calls 21–40), on the built Chromium extension's browser (.output/chrome-mv3: `npx wxt build` first):
 *
 *   npx tsx cli/bench/pipeline-part.ts [repetitions=7] [page,page,…=seed-003]
 *
 * SRC_ROOT=<another checkout> times that checkout's source, to alternate two versions in the same minutes.
 * HANS=1 also times each page converted to Simplified (served as <page>-hans, never written to disk) in the same
 * browser and minutes, and prints what the page's own script costs over it: on a Traditional page, the converter's
 * share (sprint 11).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { toSimplified } from '../../utils/text/convert';
import { PAGES } from './browser';
import { browserPipelineBench, withChromium } from './chromium';

const reps = Number(process.argv[2] ?? 7);
const names = (process.argv[3] ?? 'seed-003').split(',');
const hans = process.env.HANS === '1';
const extra: Record<string, string> = {};
if (hans) {
  for (const name of names) {
    const html = readFileSync(join(PAGES, `${name}.html`), 'utf8');
    extra[`/${name}-hans.html`] = toSimplified(html).replace(/lang="zh-(Hant|TW|HK)"/, 'lang="zh-Hans"');
  }
}
const pages = names.flatMap((name) => [name, ...(hans ? [`${name}-hans`] : [])]).map((name) => ({ name, path: `/${name}.html` }));
const load = () => loadavg()[0]!.toFixed(1);
const start = load();
const results = await withChromium((b, server) => browserPipelineBench(b, server, pages, reps), extra);
for (const p of results)
  console.log(
    `${p.page}\tfirst ${p.first.median} (p10 ${p.first.p10}, p90 ${p.first.p90}) ms\twarm ${p.warm.median} (p10 ${p.warm.p10}, p90 ${p.warm.p90}) ms\tsteady ${p.steady.median} ms`,
  );
for (const p of hans ? results.filter((r) => !r.page.endsWith('-hans')) : []) {
  const s = results.find((r) => r.page === `${p.page}-hans`)!;
  const over = (a: number, b: number) => (a - b).toFixed(2);
  console.log(
    `${p.page} over its Simplified copy\tfirst ${over(p.first.median, s.first.median)} ms\twarm ${over(p.warm.median, s.warm.median)} ms\tsteady ${over(p.steady.median, s.steady.median)} ms`,
  );
}
console.log(`load ${start} → ${load()}`);

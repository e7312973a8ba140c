/**
 * The bench's "pipeline in Chromium" part alone (checkDocument in the page: a first call on a fresh page, the mean
 * of the 5 after it, and of calls 21–40), on the built Chromium extension's browser (.output/chrome-mv3: `npx wxt build` first):
 *
 *   npx tsx cli/bench/pipeline-part.ts [repetitions=7] [page,page,…=seed-003]
 *
 * SRC_ROOT=<another checkout> times that checkout's source, to alternate two versions in the same minutes.
 */
import { loadavg } from 'node:os';
import { browserPipelineBench, withChromium } from './chromium';

const reps = Number(process.argv[2] ?? 7);
const pages = (process.argv[3] ?? 'seed-003').split(',').map((name) => ({ name, path: `/${name}.html` }));
const load = () => loadavg()[0]!.toFixed(1);
const start = load();
const results = await withChromium((b, server) => browserPipelineBench(b, server, pages, reps));
for (const p of results)
  console.log(
    `${p.page}\tfirst ${p.first.median} (p10 ${p.first.p10}, p90 ${p.first.p90}) ms\twarm ${p.warm.median} (p10 ${p.warm.p10}, p90 ${p.warm.p90}) ms\tsteady ${p.steady.median} ms`,
  );
console.log(`load ${start} → ${load()}`);

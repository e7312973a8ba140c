/**
 * The bench's panel and in-Chromium pipeline parts alone (the same functions `npm run bench` calls, with its
 * repeats), on this checkout's build or another one:
 *
 *   npx tsx cli/bench/panel-part.ts [build dir=.output/chrome-mv3] [reps=7]
 *
 * Prints, per seed, the panel after document_idle (inserted / painted, medians) and checkDocument's first call and
 * warm call in Chromium; the worst seed's panel is the bench's figure. For two builds, use panel-ab.ts instead
 * (alternated in the same minutes); this is the bench's own figure without the rest of the bench.
 */
import { CHROME_BUILD, launch, startServer } from './browser';
import { browserPipelineBench, instrumentedExtension, panelBench } from './chromium';
import { SEEDS } from './pipeline';

const [buildDir = CHROME_BUILD, repsArg = '7'] = process.argv.slice(2);
const reps = Number(repsArg);
const pages = SEEDS.map((f) => f.replace('.html', ''));
const server = await startServer();
const b = await launch(instrumentedExtension(buildDir, 'chrome-mv3-panel-part'));
try {
  const panel = await panelBench(b, server, pages, reps);
  const pipeline = await browserPipelineBench(
    b,
    server,
    SEEDS.map((f) => ({ name: f.replace('.html', ''), path: `/${f}` })),
    Math.max(2, Math.round((reps * 5) / 7)),
  );
  const f = (x: number) => x.toFixed(1);
  console.log('page\tpanel inserted / painted after idle (median ms, missed)\tpipeline first / warm (median ms)');
  for (const p of panel) {
    const q = pipeline.find((x) => x.page === p.page);
    console.log(
      `${p.page}\t${f(p.fromIdle.median)} / ${f(p.paintedFromIdle.median)} (${p.missed})\t${q ? `${f(q.first.median)} / ${f(q.warm.median)}` : '-'}`,
    );
  }
  const worst = panel.reduce((a, p) => (p.fromIdle.median > a.fromIdle.median ? p : a));
  console.log(`worst seed: ${worst.page} ${f(worst.fromIdle.median)} ms`);
} finally {
  await b.close();
  await server.close();
}

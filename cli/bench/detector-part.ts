/**
 * The bench's detector part alone (the every-page script's trace and its test against Readability), on the built
 * Chromium extension (.output/chrome-mv3: `npx wxt build` first):
 *
 *   npx tsx cli/bench/detector-part.ts [repetitions] [page,page,…]
 *
 * Prints per page the plain ratio (ours ÷ isProbablyReaderable, first calls: the figure) beside the floor's
 * (a test that only reads what any title test reads) and what ours adds over the floor, ÷ Readability. See
 * BENCHMARKS.md "Sprint 8: library at scale (branch library4)" for how to read them.
 */
import { loadavg } from 'node:os';
import { detectorBench, withChromium } from './chromium';

const reps = Number(process.argv[2] ?? 7);
const pages = (process.argv[3] ?? 'large-listing,news,guide,seed-003').split(',');
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`load at start ${load()}; ${reps} repetitions, 3 fresh pages per duel and repetition`);
const results = await withChromium((b, server) => detectorBench(b, server, pages, reps));
console.log(
  'page\tours 1st med/trimmed mean\tfloor 1st med/trimmed mean\tReadability 1st med/trimmed mean\tours÷R (median per page)\tfloor÷R\t(ours−floor)÷R',
);
for (const d of results)
  console.log(
    [
      d.page,
      `${d.detectFirstCall.median.toFixed(2)} / ${d.means.detect.toFixed(3)}`,
      `${d.floorFirstCall.median.toFixed(2)} / ${d.means.floor.toFixed(3)}`,
      `${d.readabilityFirstCall.median.toFixed(2)} / ${d.means.readability.toFixed(3)}`,
      d.ratioToReadability.median.toFixed(2),
      d.floorRatio.toFixed(2),
      d.overFloorRatio.toFixed(2),
    ].join('\t'),
  );
console.log(`load at end ${load()}`);

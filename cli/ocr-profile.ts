/**
 * npx tsx cli/ocr-profile.ts [--runs N] picture...
 * Where a picture's reading spends its time: each picture read N times (default 2: the first pays the
 * recogniser's warm-up) with this process's CPU time as the clock, so the stages add up to CPU time,
 * not to a shared machine's wall time. For a sampled profile of the same run:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx cli/ocr-profile.ts picture
 * (on a loaded machine the profiler's time deltas are wall time, so prefer these stage figures).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readTablePicture } from '../utils/ocr';
import { decodePicture, nodeOcrEngine } from './ocr';

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function main(argv: string[]) {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv.splice(at, 2)[1]) : 2;
  const engine = await nodeOcrEngine();
  for (const file of argv) {
    const picture = decodePicture(readFileSync(file));
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      const read = await readTablePicture(engine, picture, { now: cpuNow });
      const stages = Object.entries(read.timings.stages)
        .map(([s, ms]) => `${s} ${Math.round(ms)}`)
        .join(', ');
      console.log(
        `${basename(file)} #${k + 1} ${picture.width}×${picture.height}: ${Math.round(read.timings.prepare + read.timings.recognise)} ms CPU, ${Math.round(performance.now() - t0)} ms wall | ${stages} | ${read.crops} crops${read.ruled ? '' : ', unruled'}`,
      );
    }
  }
}

void main(process.argv.slice(2));

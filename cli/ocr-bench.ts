/**
 * A 25-row table picture read by OCR in Node (issue 18 goal: ≤ 3 s on this 2-core machine): table 三 of
 * clean-2021 (test/fixtures/pictures, 1100×777 px), decoded once, then read `runs` times in one process with
 * the engine loaded (the first read, which loads it, is timed apart). Wall time and this process's CPU time
 * per read, and the load average before and after: the machine is shared, so a wall time means little
 * without it. Run by `tsx cli/bench/node-part.ts ocr '' N` (cli/bench.ts's separate-process parts), or alone:
 *   npx tsx cli/ocr-bench.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTablePicture } from '../utils/ocr';
import { type Stat, stat } from './bench/stats';
import { decodePicture, nodeOcrEngine } from './ocr';

const PICTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'pictures', 'clean-2021.applications.clean.png');

export interface OcrNodeBench {
  picture: string;
  width: number;
  height: number;
  /** First read: the engine's load (runtime, recogniser session) and the read, wall ms. */
  first: number;
  /** Reads with the engine loaded: wall and CPU ms each. */
  wall: Stat;
  cpu: Stat;
  /** 1-minute load average before the first read and after the last. */
  loadBefore: number;
  loadAfter: number;
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

export async function ocrNodeBench(runs: number): Promise<OcrNodeBench> {
  const picture = decodePicture(readFileSync(PICTURE));
  const loadBefore = loadavg()[0]!;
  let t = performance.now();
  const engine = await nodeOcrEngine();
  await readTablePicture(engine, picture);
  const first = performance.now() - t;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const c = cpuNow();
    await readTablePicture(engine, picture);
    wall.push(performance.now() - t);
    cpu.push(cpuNow() - c);
  }
  return {
    picture: 'clean-2021.applications.clean.png',
    width: picture.width,
    height: picture.height,
    first: Math.round(first),
    wall: stat(wall, 0),
    cpu: stat(cpu, 0),
    loadBefore: Math.round(loadBefore * 100) / 100,
    loadAfter: Math.round(loadavg()[0]! * 100) / 100,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void ocrNodeBench(Number(process.argv[2] ?? 5)).then((r) => console.log(JSON.stringify(r)));
}

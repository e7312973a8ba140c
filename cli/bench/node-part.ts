/**
 * One Node measurement in its own process (run by cli/bench.ts): `tsx cli/bench/node-part.ts <part> [arg] [runs]`
 * prints its result as JSON on stdout. Separate processes so that one part's heap and JIT state never
 * skew another's timings: each part starts from a clean heap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ocrNodeBench } from '../ocr-bench';
import { batchBench } from './batch';
import { PAGES } from './browser';
import { libraryNodeBench } from './library';
import {
  cliBench,
  cliPoolBench,
  domParseBench,
  largeListingCli,
  longReport,
  openccBench,
  pipelinePage,
  profileCli,
  profileHtml,
} from './pipeline';

const [part, arg = '', runsText = '5'] = process.argv.slice(2);
const runs = Number(runsText);

async function run(): Promise<unknown> {
  switch (part) {
    case 'page':
      return pipelinePage(arg, runs);
    case 'profile':
      return profileHtml(arg === 'long' ? longReport().html : readFileSync(join(PAGES, arg), 'utf8'), runs);
    case 'profile-cli':
      return profileCli(runs, Number(arg) || 25);
    case 'opencc':
      return openccBench(runs);
    case 'cli':
      return cliBench(runs);
    case 'cli-pool':
      return cliPoolBench(runs, Number(arg) || undefined);
    case 'dom-parse':
      return domParseBench(runs);
    case 'large-listing':
      return largeListingCli();
    case 'batch':
      return batchBench(Number(arg) || 1000);
    case 'library':
      return libraryNodeBench(10_000, Number(arg) || 3, runs);
    case 'ocr':
      return ocrNodeBench(runs);
    default:
      throw new Error(`unknown part ${part}`);
  }
}

run().then(
  (r) => {
    process.stdout.write(JSON.stringify(r));
    process.exit(0);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

/**
 * The CLI of several source trees, alternated in the same minutes, in CPU time (the machine is shared: wall time
 * says more about the neighbours than about the code):
 *   npx tsx cli/bench/cli-ab.ts <rounds> <tree A> <tree B> [tree C …]
 * Each round runs every tree once, in its own fresh process, in an order rotated every round. A process checks
 * the 19 fixture pages once to warm up, then PAGES pages cycling them with the tree's own checkFile (as the
 * bench's `cli` part does), then parses the same number of pages with the tree's own DOM parse (cli/dom.ts), and
 * reports the CPU milliseconds per page of each and their ratio (the bench's "× the DOM parse", in CPU time).
 * Give the first tree twice (a copy: `git archive <commit> | tar -x -C dir`, node_modules linked,
 * `npx wxt prepare`) for the A/A of the moment. PAGES (env) defaults to 400.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Child {
  cliMs: number;
  domMs: number;
  ratio: number;
}

const pages = Number(process.env.PAGES ?? 400);

async function child(tree: string): Promise<Child> {
  const root = resolve(tree);
  const dir = join(root, 'test/fixtures/pages');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html') && f !== 'large-listing.html')
    .sort()
    .map((f) => join(dir, f));
  const { checkFile } = await import(join(root, 'cli/check.ts'));
  const { htmlToDocument } = await import(join(root, 'cli/dom.ts'));
  for (const f of files) await checkFile(f);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t = cpu();
  for (let i = 0; i < pages; i++) await checkFile(files[i % files.length]!);
  const cliMs = (cpu() - t) / pages;
  // The DOM parse alone, as the bench's dom-parse part measures it: the text already read.
  const htmls = files.map((f) => readFileSync(f, 'utf8'));
  for (const h of htmls) htmlToDocument(h);
  t = cpu();
  for (let i = 0; i < pages; i++) htmlToDocument(htmls[i % htmls.length]!);
  const domMs = (cpu() - t) / pages;
  return { cliMs, domMs, ratio: cliMs / domMs };
}

const med = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1]!;
const load = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await child(process.argv[3]!)));
} else {
  const [roundsText = '5', ...trees] = process.argv.slice(2);
  const self = fileURLToPath(import.meta.url);
  const runs: Child[][] = trees.map(() => []);
  const loads: number[] = [];
  for (let r = 0; r < Number(roundsText); r++) {
    for (let k = 0; k < trees.length; k++) {
      const i = (k + r) % trees.length;
      loads.push(load());
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', trees[i]!], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      runs[i]!.push(JSON.parse(out.slice(out.lastIndexOf('{"cliMs"'))));
    }
    process.stderr.write(`round ${r + 1}: ${runs.map((x) => x.at(-1)!.cliMs.toFixed(2)).join(' / ')} ms CPU per page\n`);
  }
  const summary = trees.map((tree, i) => ({
    tree,
    cliMs: runs[i]!.map((x) => +x.cliMs.toFixed(2)),
    cliMedian: +med(runs[i]!.map((x) => x.cliMs)).toFixed(2),
    domMedian: +med(runs[i]!.map((x) => x.domMs)).toFixed(2),
    ratioMedian: +med(runs[i]!.map((x) => x.ratio)).toFixed(2),
    // Against the first tree: ratio of the medians, and the median of the per-round ratios.
    vsFirst: +(med(runs[i]!.map((x) => x.cliMs)) / med(runs[0]!.map((x) => x.cliMs))).toFixed(3),
    vsFirstPerRound: +med(runs[i]!.map((x, r) => x.cliMs / runs[0]![r]!.cliMs)).toFixed(3),
  }));
  console.log(JSON.stringify({ pages, rounds: Number(roundsText), load: [Math.min(...loads), Math.max(...loads)], summary }, null, 1));
}

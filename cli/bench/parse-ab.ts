/**
 * The parser of two source trees, alternated in one process on the same fresh linkedom documents (the CLI's DOM):
 *   npx tsx cli/bench/parse-ab.ts <rounds=40> <tree A> <tree B> [page-text|article|check]
 * Each round builds the fixture pages' documents once and runs A's and B's function over all of them, in turn
 * (the order swapped every round), so both meet the same load at the same moment: on this shared machine two runs
 * minutes apart say nothing. Prints the medians of the round totals, their ratio and the median per-round ratio.
 * A tree is a checkout with node_modules linked and `npx wxt prepare` run (`git archive <commit> | tar -x -C dir`).
 * Run A against a copy of itself first: the distance of that ratio from 1 is the noise of the moment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { htmlToDocument } from '../dom';
import { PAGES } from './browser';

const [roundsText = '40', treeA = '.', treeB = '.', what = 'page-text'] = process.argv.slice(2);
const files = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html') && f !== 'large-listing.html')
  .sort();
const htmls = files.map((f) => readFileSync(join(PAGES, f), 'utf8'));
const url = 'http://www.example.gov.cn/x';

async function load(tree: string): Promise<(doc: Document) => unknown> {
  const root = resolve(tree);
  if (what === 'article') return (await import(join(root, 'utils/parse/article.ts'))).findArticleRoot;
  if (what === 'check') {
    const { checkDocument } = await import(join(root, 'utils/pipeline.ts'));
    return (doc) => checkDocument(doc, { url });
  }
  return (await import(join(root, 'utils/parse/page-text.ts'))).readPageText;
}

const a = await load(treeA);
const b = await load(treeB);
// checkDocument may change its document (never today; the others only read): each side gets its own copies.
const fresh = () => htmls.map((h) => htmlToDocument(h));
const pass = (f: (doc: Document) => unknown, docs: Document[]) => {
  const t = performance.now();
  for (const d of docs) f(d);
  return performance.now() - t;
};
for (let i = 0; i < 8; i++) {
  pass(a, fresh());
  pass(b, fresh());
}
const ta: number[] = [];
const tb: number[] = [];
for (let r = 0; r < Number(roundsText); r++) {
  const docsA = fresh();
  const docsB = what === 'check' ? fresh() : docsA;
  if (r % 2) {
    ta.push(pass(a, docsA));
    tb.push(pass(b, docsB));
  } else {
    tb.push(pass(b, docsB));
    ta.push(pass(a, docsA));
  }
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1]!;
const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
console.log(
  JSON.stringify({
    what,
    pages: files.length,
    rounds: ta.length,
    msA: +med(ta).toFixed(2),
    msB: +med(tb).toFixed(2),
    ratioOfMedians: +(med(tb) / med(ta)).toFixed(3),
    medianRoundRatio: +med(tb.map((x, i) => x / ta[i]!)).toFixed(3),
    load: Number(load1),
  }),
);

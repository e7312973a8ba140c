/**
 * npx tsx cli/ocr-measure.ts [--json] [name-filter...]
 * Reads every picture of test/fixtures/pictures/manifest.json with the OCR module, rebuilds its table
 * with the PDF reconstruction, and compares each value cell with the truth grid written from the
 * source html (`<source>.<kind>.truth.json`): per-cell exact accuracy on clean and degraded forms,
 * wrong readings the recogniser was sure of (what could become a false error), and time per table.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyDocument } from './dom';
import { readPictureBytes } from './ocr';
import { reconstructDocument } from '../utils/pdf/reconstruct';
import { OCR_CERTAIN } from '../utils/report/read';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'pictures');

interface TruthCell {
  row: number;
  col: number;
  text: string;
}

export interface PictureScore {
  file: string;
  form: string;
  kind: string;
  values: number;
  exact: number;
  /** Wrong values read with confidence ≥ OCR_CERTAIN. */
  sureWrong: number;
  /** Right values read below OCR_CERTAIN (shown as doubtful, not checked as errors). */
  doubtfulRight: number;
  /** Wall time, and this process's CPU time (user + system): on a shared machine the CPU time is the fairer figure. */
  ms: number;
  cpuMs: number;
  rows: number;
  misses: string[];
}

const NUMBER = /^\d+(?:\.\d+)?$/;

/** The reconstructed table's cells by top-left slot: text and the least confidence of its runs. */
function readGrid(table: Element): Map<string, { text: string; confidence: number }> {
  const out = new Map<string, { text: string; confidence: number }>();
  const taken: boolean[][] = [];
  [...table.querySelectorAll('tr')].forEach((tr, r) => {
    let c = 0;
    for (const td of tr.querySelectorAll('td')) {
      while (taken[r]?.[c]) c++;
      const rs = Number(td.getAttribute('rowspan') || 1);
      const cs = Number(td.getAttribute('colspan') || 1);
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) ((taken[r + i] ??= [])[c + j] = true);
      const conf = td.getAttribute('data-read-confidence');
      out.set(`${r},${c}`, { text: (td.textContent ?? '').replace(/\s+/g, ''), confidence: conf === null ? 1 : Number(conf) });
      c += cs;
    }
  });
  return out;
}

export async function measurePicture(entry: { file: string; source: string; kind: string; form: string }): Promise<PictureScore> {
  const truth = JSON.parse(readFileSync(join(DIR, `${entry.source}.${entry.kind}.truth.json`), 'utf8')) as { rows: number; cells: TruthCell[] };
  const bytes = readFileSync(join(DIR, entry.file));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const read = await readPictureBytes(bytes);
  const doc = emptyDocument();
  const result = reconstructDocument([read.page], doc);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const table = result.root.querySelector('table');
  const grid = table ? readGrid(table) : new Map();
  const score: PictureScore = { file: entry.file, form: entry.form, kind: entry.kind, values: 0, exact: 0, sureWrong: 0, doubtfulRight: 0, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), rows: truth.rows, misses: [] };
  for (const cell of truth.cells) {
    if (!NUMBER.test(cell.text)) continue;
    score.values++;
    const got = grid.get(`${cell.row},${cell.col}`);
    if (got?.text === cell.text) {
      score.exact++;
      if (got.confidence < OCR_CERTAIN) score.doubtfulRight++;
    } else {
      score.misses.push(`r${cell.row}c${cell.col} ${cell.text}→${got ? JSON.stringify(got.text) + '@' + got.confidence : 'none'}`);
      if (got && got.confidence >= OCR_CERTAIN) score.sureWrong++;
    }
  }
  return score;
}

async function main(argv: string[]) {
  const json = argv.includes('--json');
  const filters = argv.filter((a) => a !== '--json');
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { file: string; source: string; kind: string; form: string }[];
  const scores: PictureScore[] = [];
  for (const entry of manifest.filter((e) => !filters.length || filters.some((f) => e.file.includes(f)))) {
    const s = await measurePicture(entry);
    scores.push(s);
    if (!json) console.log(`${s.file.padEnd(48)} ${s.exact}/${s.values} exact, sure-wrong ${s.sureWrong}, doubtful-right ${s.doubtfulRight}, ${s.ms} ms wall, ${s.cpuMs} ms CPU${s.misses.length ? '\n    ' + s.misses.slice(0, 12).join('  ') : ''}`);
  }
  const group = (pred: (s: PictureScore) => boolean) => {
    const g = scores.filter(pred);
    const values = g.reduce((n, s) => n + s.values, 0);
    const exact = g.reduce((n, s) => n + s.exact, 0);
    return { pictures: g.length, values, exact, share: values ? exact / values : null, sureWrong: g.reduce((n, s) => n + s.sureWrong, 0) };
  };
  const clean = (s: PictureScore) => s.form === 'clean' || s.form === 'clean-2x';
  const summary = {
    clean: group(clean),
    degraded: group((s) => !clean(s) && s.form !== 'unruled'),
    // Unruled pictures are read by position (the text-table reader): their rows and columns are not the
    // source's grid (no header rows, no spans), so a cell-by-cell score is not meaningful; listed apart.
    unruled: group((s) => s.form === 'unruled'),
    applicationsMs: scores.filter((s) => s.kind === 'applications').map((s) => s.ms),
    applicationsCpuMs: scores.filter((s) => s.kind === 'applications').map((s) => s.cpuMs),
  };
  if (json) console.log(JSON.stringify({ scores, summary }, null, 1));
  else console.log(JSON.stringify(summary));
}

if (import.meta.url === `file://${process.argv[1]}`) void main(process.argv.slice(2));

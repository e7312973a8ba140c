/**
 * npx tsx cli/ocr-measure.ts [--json] [--model] [--scan] [name-filter...]
 * Reads every picture of test/fixtures/pictures/manifest.json with the OCR module, rebuilds its table
 * with the PDF reconstruction, and compares each value cell with the truth grid written from the
 * source html (`<source>.<kind>.truth.json`): per-cell exact accuracy on clean and degraded forms,
 * wrong readings the recogniser was sure of (what could become a false error), and time per table.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableToGrid } from '../utils/parse/grid';
import { reconstructDocument } from '../utils/pdf/reconstruct';
import type { CheckResult } from '../utils/pipeline';
import { isCertain, OCR_CERTAIN } from '../utils/report/read';
import { APPLICANT_COLUMNS, type CellValue, REVIEW_GROUPS, REVIEW_OUTCOMES, type StandardTables } from '../utils/report/types';
import { emptyDocument } from './dom';
import { checkPictureFile, readPictureBytes } from './ocr';
import { checkPdfFile } from './pdf';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'pictures');

export interface TruthCell {
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

/** A value cell as read: its text without spaces, and the least confidence of its runs (1 when none is stated). */
export interface ReadCell {
  text: string;
  confidence: number;
}

/**
 * The reconstructed table's cells by top-left slot ("row,col"), laid out as the parser lays a table out
 * (utils/parse/grid.ts), so a truth grid's row and column name the same cell here as in the report.
 */
export function readGrid(table: Element): Map<string, ReadCell> {
  const { table: grid, elements } = tableToGrid(table as HTMLTableElement, (s) => s, 0);
  const out = new Map<string, ReadCell>();
  grid.cells.forEach((cell, i) => {
    const confidence = elements[i]?.getAttribute('data-read-confidence');
    out.set(`${cell.row},${cell.col}`, {
      text: cell.text.replace(/\s+/g, ''),
      confidence: confidence === null || confidence === undefined ? 1 : Number(confidence),
    });
  });
  return out;
}

/** The truth grid's number cells against the cells read: how many, how many exact, and how the others went. */
export function scoreGrid(
  grid: ReadonlyMap<string, ReadCell>,
  truth: readonly TruthCell[],
): { values: number; exact: number; sureWrong: number; doubtfulRight: number; misses: string[] } {
  const score = { values: 0, exact: 0, sureWrong: 0, doubtfulRight: 0, misses: [] as string[] };
  for (const cell of truth) {
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

export async function measurePicture(entry: { file: string; source: string; kind: string; form: string }): Promise<PictureScore> {
  const truth = JSON.parse(readFileSync(join(DIR, `${entry.source}.${entry.kind}.truth.json`), 'utf8')) as {
    rows: number;
    cells: TruthCell[];
  };
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
  return {
    file: entry.file,
    form: entry.form,
    kind: entry.kind,
    ...scoreGrid(grid, truth.cells),
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rows: truth.rows,
  };
}

/**
 * The model's keys of each table's value rows, in the order the standard forms print them (2021 format):
 * the truth grid's rows holding numbers are matched to these in order, each row's numbers to the columns
 * left to right. Written from the forms, not from the parser.
 */
const MODEL_ROWS: Record<string, [string, string[]][]> = {
  'active-disclosure': [
    ['regulations', ['issued', 'repealed', 'inForce']],
    ['normativeDocuments', ['issued', 'repealed', 'inForce']],
    ['licensing', ['decisions']],
    ['penalty', ['decisions']],
    ['enforcement', ['decisions']],
    ['fees', ['feeAmount']],
  ],
  applications: [
    'new',
    'carriedOver',
    'granted',
    'partial',
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `refused.${i}`),
    ...[1, 2, 3].map((i) => `unable.${i}`),
    ...[1, 2, 3, 4, 5].map((i) => `notProcessed.${i}`),
    ...[1, 2, 3].map((i) => `other.${i}`),
    'total',
    'carriedForward',
  ].map((row) => [row, [...APPLICANT_COLUMNS]]),
  // Table 四 prints its 15 values on one row: 复议, 直接起诉, 复议后起诉, each 维持 纠正 其他 尚未审结 总计.
  'review-litigation': [['all', REVIEW_GROUPS.flatMap((g) => REVIEW_OUTCOMES.map((o) => `${g}.${o}`))]],
};

function modelCell(tables: StandardTables, kind: string, row: string, col: string): CellValue | undefined {
  if (kind === 'active-disclosure')
    return (tables.activeDisclosure?.rows as Record<string, Record<string, CellValue>> | undefined)?.[row]?.[col];
  if (kind === 'applications') return (tables.applications?.rows as Record<string, Record<string, CellValue>> | undefined)?.[row]?.[col];
  const [g, o] = col.split('.');
  return (tables.reviewLitigation?.groups as Record<string, Record<string, CellValue>> | undefined)?.[g!]?.[o!];
}

export interface ModelScore {
  file: string;
  kind: string;
  rows: number;
  rowsRight: number;
  values: number;
  right: number;
  /** Right values the check shows doubtful (not certain: a low confidence or a guessed column). */
  doubtfulRight: number;
  /** Wrong or missing values the check holds certain: what could become a false error. */
  sureWrong: number;
  misses: string[];
}

/**
 * A picture through the CLI's whole path (read, rebuilt, parsed): each value of the truth grid compared
 * with the value the parser puts at its row and column of the model. This is how pictures without ruling
 * lines are scored (their rebuilt grid is not the source's grid, so cell-by-cell positions mean nothing).
 */
export async function measureModel(
  entry: { file: string; source: string; kind: string },
  checked?: Pick<CheckResult, 'report'>,
): Promise<ModelScore> {
  const truth = JSON.parse(readFileSync(join(DIR, `${entry.source}.${entry.kind}.truth.json`), 'utf8')) as {
    rows: number;
    cells: TruthCell[];
  };
  const result = checked ?? (await checkPictureFile(readFileSync(join(DIR, entry.file)), null));
  const tables = result.report.standard;
  const byRow = new Map<number, TruthCell[]>();
  for (const c of truth.cells) if (NUMBER.test(c.text)) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const truthRows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells.sort((a, b) => a.col - b.col));
  const model = MODEL_ROWS[entry.kind]!;
  const score: ModelScore = {
    file: entry.file,
    kind: entry.kind,
    rows: model.length,
    rowsRight: 0,
    values: 0,
    right: 0,
    doubtfulRight: 0,
    sureWrong: 0,
    misses: [],
  };
  model.forEach(([row, cols], i) => {
    const cells = truthRows[i] ?? [];
    let whole = cells.length === cols.length;
    cols.forEach((col, j) => {
      const want = cells[j]?.text;
      if (want === undefined) return;
      score.values++;
      const got = modelCell(tables, entry.kind, row, col);
      const text = got?.value.kind === 'number' ? got.value.text.replace(/\s+/g, '') : undefined;
      if (got?.value.kind === 'number' && Number(text) === Number(want)) {
        score.right++;
        if (!isCertain(got)) score.doubtfulRight++;
      } else {
        whole = false;
        score.misses.push(
          `${row}.${col} ${want}→${got ? JSON.stringify(got.value.text) + (isCertain(got) ? ' sure' : ' doubtful') : 'none'}`,
        );
        if (got && isCertain(got)) score.sureWrong++;
      }
    });
    if (whole) score.rowsRight++;
  });
  return score;
}

async function main(argv: string[]) {
  const json = argv.includes('--json');
  const filters = argv.filter((a) => a !== '--json' && a !== '--model' && a !== '--scan');
  const models: ModelScore[] = [];
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
    file: string;
    source: string;
    kind: string;
    form: string;
  }[];
  const scores: PictureScore[] = [];
  for (const entry of manifest.filter((e) => !filters.length || filters.some((f) => e.file.includes(f)))) {
    const s = entry.form === 'unruled' ? null : await measurePicture(entry);
    if (s) scores.push(s);
    if (entry.form === 'unruled' || argv.includes('--model')) {
      const m = await measureModel(entry);
      models.push(m);
      if (!json)
        console.log(
          `${m.file.padEnd(48)} model: ${m.rowsRight}/${m.rows} rows whole, ${m.right}/${m.values} values right, sure-wrong ${m.sureWrong}, doubtful-right ${m.doubtfulRight}${m.misses.length ? '\n    ' + m.misses.slice(0, 12).join('  ') : ''}`,
        );
      if (entry.form === 'unruled') continue;
    }
    if (!s) continue;
    if (!json)
      console.log(
        `${s.file.padEnd(48)} ${s.exact}/${s.values} exact, sure-wrong ${s.sureWrong}, doubtful-right ${s.doubtfulRight}, ${s.ms} ms wall, ${s.cpuMs} ms CPU${s.misses.length ? '\n    ' + s.misses.slice(0, 12).join('  ') : ''}`,
      );
  }
  // The scanned PDF (seed 004 as grey JPEG q40 page images): its three tables as the whole PDF path reads
  // them (pages rendered, read, rebuilt, the table cut by the page break joined), scored value by value
  // against the seed 004 truth grids. `--scan` runs it (about 20 s of CPU).
  const scanned: ModelScore[] = [];
  if (argv.includes('--scan')) {
    const checked = await checkPdfFile(readFileSync(join(DIR, 'seed-004-scanned.pdf')), null);
    for (const kind of ['active-disclosure', 'applications', 'review-litigation']) {
      const m = await measureModel({ file: `seed-004-scanned.pdf#${kind}`, source: 'seed-004', kind }, checked);
      scanned.push(m);
      if (!json)
        console.log(
          `${m.file.padEnd(48)} model: ${m.rowsRight}/${m.rows} rows whole, ${m.right}/${m.values} values right, sure-wrong ${m.sureWrong}, doubtful-right ${m.doubtfulRight}${m.misses.length ? '\n    ' + m.misses.slice(0, 12).join('  ') : ''}`,
        );
    }
  }
  const group = (pred: (s: PictureScore) => boolean) => {
    const g = scores.filter(pred);
    const values = g.reduce((n, s) => n + s.values, 0);
    const exact = g.reduce((n, s) => n + s.exact, 0);
    return { pictures: g.length, values, exact, share: values ? exact / values : null, sureWrong: g.reduce((n, s) => n + s.sureWrong, 0) };
  };
  const clean = (s: PictureScore) => s.form === 'clean' || s.form === 'clean-2x';
  const scan = (s: PictureScore) => s.form.startsWith('scan');
  const summary = {
    clean: group(clean),
    degraded: group((s) => !clean(s) && !scan(s) && s.form !== 'unruled'),
    // Tables as a scanned page shows them (12 px text, JPEG q40, resampled): the scan forms.
    scan: group(scan),
    scannedPdf: scanned.length ? scanned : undefined,
    // Unruled pictures are read by position: their rebuilt grid is not the source's, so they are scored
    // through the parser (value by value at its model row and column), apart.
    unruled: {
      pictures: models.filter((m) => m.file.includes('.unruled.')).length,
      rows: models.filter((m) => m.file.includes('.unruled.')).reduce((n, m) => n + m.rows, 0),
      rowsWhole: models.filter((m) => m.file.includes('.unruled.')).reduce((n, m) => n + m.rowsRight, 0),
      values: models.filter((m) => m.file.includes('.unruled.')).reduce((n, m) => n + m.values, 0),
      right: models.filter((m) => m.file.includes('.unruled.')).reduce((n, m) => n + m.right, 0),
      sureWrong: models.filter((m) => m.file.includes('.unruled.')).reduce((n, m) => n + m.sureWrong, 0),
    },
    applicationsMs: scores.filter((s) => s.kind === 'applications').map((s) => s.ms),
    applicationsCpuMs: scores.filter((s) => s.kind === 'applications').map((s) => s.cpuMs),
  };
  if (json) console.log(JSON.stringify({ scores, models, summary }, null, 1));
  else console.log(JSON.stringify(summary));
}

if (import.meta.url === `file://${process.argv[1]}`) void main(process.argv.slice(2));

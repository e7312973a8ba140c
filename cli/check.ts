/**
 * npm run check -- [--json] <file.html|file.txt|file.pdf|file.png|file.jpg>...
 * The page pipeline in Node: .html through linkedom, .txt through the text-dump path, .pdf through
 * pdf.js and the PDF reconstruction (cli/pdf.ts; scanned pages read by OCR), .png/.jpg as a picture of a
 * table (cli/ocr.ts).
 * Each file is answered (stdout) or refused by name with its reason (stderr: `report-lens: FILE: cannot read:
 * REASON`); one bad file never stops the others (guardFile: a damaged PDF's stray pdf.js rejection, a file
 * stuck in pdf.js, an error of ours). The exit code is 1 if any was refused.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { type CheckResult, checkDocument, checkText } from '../utils/pipeline';
import type { FigureKey, Finding, Report, Section } from '../utils/report/types';
import { renderFinding } from '../utils/rules';
import { answerFilesPooled, poolJobs } from './check-pool';
import { emptyDocument, htmlToDocument } from './dom';
import { checkPictureFile, pictureCells, withPictureTables } from './ocr';
import { guardFile } from './parse-host';
import { checkPdfFile } from './pdf';

export interface CheckOutput {
  source: string;
  /** A PDF's revision: the hash of its bytes (report.source.fileHash), as pdf.html and the batch save it. */
  fileHash?: string;
  isReport: boolean;
  meta: Report['meta'];
  sections: SectionOut[];
  figures: Report['figures'];
  /** The key figures read from a table cell whose column is a guess (Report.doubtfulFigures); [] when none. */
  doubtfulFigures: FigureKey[];
  tables: { kind: string; index: number; rows: number; cols: number; section: number[]; format?: string }[];
  facts: Report['facts'];
  /** Findings as the rules report them, plus the Simplified text so a reader of the JSON needs no renderer. */
  findings: (Finding & { message: string })[];
  /** Table values read from pictures by OCR (none when the tables were typed): cell, text, confidence, alternatives, box. */
  pictureCells?: ReturnType<typeof pictureCells>;
  /** The parsed Report itself (not printed by --json): the corpus scorer reads its tables and passes it to cross-year rules. */
  report: Report;
}

interface SectionOut {
  number: number;
  label: string;
  level: number;
  title: string;
  children: SectionOut[];
}

const sectionOut = (s: Section): SectionOut => ({
  number: s.number,
  label: s.label,
  level: s.level,
  title: s.title,
  children: s.children.map(sectionOut),
});

/** UTF-8, or GB 18030 (many gov.cn pages are still GBK/GB2312); anything else is refused. */
export function decodeReport(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new Error('not UTF-8 or GB18030 text (binary file?)');
    }
  }
}

/** Text bytes (HTML or a text dump) as a string; binary files are refused. */
function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new Error('binary file (contains NUL bytes), expected .html or .txt');
  return decodeReport(bytes);
}

/** Input kind → pipeline: the one place a new kind of file joins the CLI. */
type InputKind = 'html' | 'text' | 'pdf' | 'picture';
const inputKind = (path: string): InputKind =>
  /\.txt$/i.test(path) ? 'text' : /\.pdf$/i.test(path) ? 'pdf' : /\.(png|jpe?g)$/i.test(path) ? 'picture' : 'html';
const PIPELINES: Record<InputKind, (bytes: Uint8Array, url: string, path: string) => Promise<CheckResult>> = {
  html: async (bytes, url, path) => {
    const content = decodeText(bytes);
    if (!/<\w/.test(content)) throw new Error('not an HTML document (no tags); use a .txt name for text dumps');
    const doc = htmlToDocument(content);
    // Standard tables published as pictures (<img src> relative to the file, or data: URIs) are read by OCR.
    return withPictureTables(doc, checkDocument(doc, { url }), path, url);
  },
  text: async (bytes, url) => checkText(decodeText(bytes), emptyDocument(), { url }),
  pdf: (bytes, url) => checkPdfFile(bytes, url),
  picture: (bytes, url) => checkPictureFile(bytes, url),
};

/** `url`: the address the file is checked under (the corpus gives each page its published address); default: the file's own URL. */
export async function checkFile(path: string, options: { url?: string } = {}): Promise<CheckOutput> {
  const bytes = readFileSync(path);
  const { report, findings } = await PIPELINES[inputKind(path)](bytes, options.url ?? pathToFileURL(path).href, path);
  const formats: Record<string, string | undefined> = {
    applications: report.standard.applications?.format,
    'active-disclosure': report.standard.activeDisclosure?.format,
  };
  return {
    source: path,
    ...(report.source.fileHash ? { fileHash: report.source.fileHash } : {}),
    isReport: report.isReport,
    meta: report.meta,
    sections: report.sections.map(sectionOut),
    figures: report.figures,
    doubtfulFigures: report.doubtfulFigures ?? [],
    tables: report.tables.map((t) => ({
      kind: t.kind,
      index: t.index,
      rows: t.rows,
      cols: t.cols,
      section: t.section,
      ...(formats[t.kind] ? { format: formats[t.kind] } : {}),
    })),
    facts: report.facts,
    findings: findings.map((f) => ({ ...f, message: renderFinding(f, 'zh-Hans') })),
    ...(pictureCells(report).length ? { pictureCells: pictureCells(report) } : {}),
    report,
  };
}

function summary(out: CheckOutput): string {
  const lines = [`# ${basename(out.source)}`];
  if (!out.isReport) return `${lines[0]}\n  不是政府信息公开工作年度报告 (not a report)\n`;
  const m = out.meta;
  lines.push(`  ${m.title ?? '(无标题)'}`);
  lines.push(
    `  机关 ${m.agency ?? '—'} · 年度 ${m.year ?? '—'} · 发布 ${m.publishedAt ?? '—'} · 格式 ${m.format ?? '—'} · ${m.script === 'hant' ? '繁体' : '简体'}`,
  );
  lines.push(`  章节 ${out.sections.map((s) => s.label).join(' ') || '—'}`);
  const tableKinds = out.tables.filter((t) => t.kind !== 'other').map((t) => t.kind);
  lines.push(`  表格 ${tableKinds.join(', ') || '无标准表格'}`);
  const f = out.figures;
  lines.push(
    `  主动公开 ${f.activeDisclosed ?? '—'} · 新收申请 ${f.applicationsNew ?? '—'} · 上年结转 ${f.applicationsCarriedOver ?? '—'} · 办理 ${f.applicationsHandled ?? '—'} · 结转下年 ${f.applicationsCarriedForward ?? '—'} · 复议 ${f.reviewTotal ?? '—'} · 诉讼 ${f.litigationTotal ?? '—'}`,
  );
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of out.findings) counts[finding.severity]++;
  lines.push(`  问题 错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}`);
  for (const finding of out.findings) lines.push(`    [${finding.severity}] ${finding.rule}: ${finding.message}`);
  return lines.join('\n') + '\n';
}

function refusal(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** One file's answer as `main` prints it: its JSON entry (and summary), or why it was refused. */
export type FileAnswer = { printed: Omit<CheckOutput, 'report'>; summary: string | null; strays: string[] } | { refused: string };

/** checkFile under the per-file guard, as printed: the same in this thread and in a pool's worker (check-pool.ts). */
export async function answerFile(file: string, json: boolean): Promise<FileAnswer> {
  try {
    const { value: out, strays } = await guardFile(() => checkFile(file));
    const { report: _report, ...printed } = out;
    return { printed, summary: json ? null : summary(out), strays };
  } catch (error) {
    return { refused: refusal(error) };
  }
}

async function* answerFiles(files: string[], json: boolean): AsyncGenerator<FileAnswer> {
  for (const file of files) yield await answerFile(file, json);
}

const JOBS_FLAG = /^--jobs=(\d+|auto)$/;

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const jobsArg = argv.map((a) => JOBS_FLAG.exec(a)?.[1]).find((j) => j !== undefined);
  const files = argv.filter((a) => a !== '--json' && !JOBS_FLAG.test(a));
  if (files.length === 0) {
    process.stderr.write('usage: npm run check -- [--json] [--jobs=N|auto] <file.html|file.txt|file.pdf|file.png|file.jpg>...\n');
    return 2;
  }
  const jobs = jobsArg === 'auto' ? poolJobs() : Math.max(1, Number(jobsArg ?? 1));
  const printed: Omit<CheckOutput, 'report'>[] = [];
  let failed = 0;
  let i = 0;
  // Answers come in input order either way; a pool checks files on other threads meanwhile.
  for await (const answer of jobs > 1 ? answerFilesPooled(files, jobs, json) : answerFiles(files, json)) {
    const file = files[i++]!;
    if ('refused' in answer) {
      failed++;
      process.stderr.write(`report-lens: ${file}: cannot read: ${answer.refused}\n`);
      continue;
    }
    printed.push(answer.printed);
    if (answer.summary !== null) process.stdout.write(answer.summary + '\n');
    // pdf.js recovered and answered, but left an error of its own behind: said, not hidden.
    for (const stray of answer.strays)
      process.stderr.write(`report-lens: ${file}: note: pdf.js left an internal error unhandled (${stray}); the answer stands\n`);
  }
  if (json) process.stdout.write(JSON.stringify(printed, null, 2) + '\n');
  return failed ? 1 : 0;
}

// A pool's worker imports this module with the same argv: only the main thread runs the command.
if (isMainThread && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`report-lens: ${refusal(error)}\n`);
      process.exitCode = 2;
    },
  );
}

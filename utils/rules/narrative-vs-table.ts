import type {
  ApplicantColumn,
  ApplicationRow,
  CellValue,
  Fact,
  FactKind,
  LocalizedText,
  Location,
  Report,
  ReviewGroup,
} from '../report/types';
import { doubtNote, withDoubt } from './lib/doubt';
import { COLUMN_LABELS, GROUP_LABELS, localized, rowLabel } from './lib/labels';
import { otherYearFigure, sentenceAround } from './lib/prose';
import { textLocation } from './lib/report';
import { APPLICANT_TERMS, cellLocation, formatNumber, inFailingRelation, numberOf } from './lib/tables';
import { defineRule, type MessageData, type TermData } from './types';

/** A table cell added into a reading, with what it is. */
interface Term {
  cell: CellValue | undefined;
  label: LocalizedText;
}

/**
 * One reading of a prose figure: the table 三 rows whose 总计 it should equal (a row whose 总计 is blank or
 * absent is added up from its six applicant cells, as a reader does), or table 四 cells.
 */
interface Reading {
  name: LocalizedText;
  rows?: ApplicationRow[];
  cells?: Term[];
  /** "收到/受理/共…N件" read as new + carried over (一 + 二). */
  withCarriedOver?: boolean;
}

const apps = (r: Report) => r.standard.applications?.rows;
/** Every numbered item of a group present in the table (（三）1–8, （四）1–3, （五）1–5). */
const items = (r: Report, head: string) => (Object.keys(apps(r) ?? {}) as ApplicationRow[]).filter((row) => row.startsWith(`${head}.`));
const reviewCell = (r: Report, group: ReviewGroup): Term => ({
  cell: r.standard.reviewLitigation?.groups[group]?.total,
  label: localized(`${GROUP_LABELS[group]['zh-Hans']}·总计`, `${GROUP_LABELS[group]['zh-Hant']}·總計`, `${GROUP_LABELS[group].en} / total`),
});

const t = localized;
const NEW = t('一、本年新收', '一、本年新收', 'I. new');
const WITH_CARRIED = t('一+二（含上年结转）', '一+二（含上年結轉）', 'I + II (with carried over)');
/**
 * What each prose figure is compared with. A figure with several readings is consistent with any of them
 * ("无法提供N件" may be （四）1 or all of （四））: an error only when it matches none. A count of applications
 * received that equals new + carried over only is a warning naming both readings (see check).
 */
const QUANTITIES: Partial<Record<FactKind, { label: LocalizedText; readings: (r: Report) => Reading[] }>> = {
  applicationsNew: {
    label: t('本年新收申请', '本年新收申請', 'new applications'),
    readings: () => [
      { name: NEW, rows: ['new'] },
      { name: WITH_CARRIED, rows: ['new', 'carriedOver'], withCarriedOver: true },
    ],
  },
  applicationsCarriedOver: {
    label: t('上年结转申请', '上年結轉申請', 'applications carried over'),
    readings: () => [{ name: t('二、上年结转', '二、上年結轉', 'II. carried over'), rows: ['carriedOver'] }],
  },
  applicationsHandled: {
    label: t('办结申请', '辦結申請', 'applications handled'),
    readings: () => [{ name: t('（七）总计', '（七）總計', '(7) total'), rows: ['total'] }],
  },
  applicationsCarriedForward: {
    label: t('结转下年申请', '結轉下年申請', 'applications carried forward'),
    readings: () => [{ name: t('四、结转下年度', '四、結轉下年度', 'IV. carried forward'), rows: ['carriedForward'] }],
  },
  applicationsGrantedOrPartial: {
    label: t('予以公开及部分公开', '予以公開及部分公開', 'disclosed in full or in part'),
    readings: () => [{ name: t('（一）+（二）', '（一）+（二）', '(1) + (2)'), rows: ['granted', 'partial'] }],
  },
  applicationsGranted: {
    label: t('予以公开', '予以公開', 'disclosed'),
    readings: () => [
      { name: t('（一）予以公开', '（一）予以公開', '(1) disclosed'), rows: ['granted'] },
      { name: t('（一）+（二）', '（一）+（二）', '(1) + (2)'), rows: ['granted', 'partial'] },
    ],
  },
  applicationsPartial: {
    label: t('部分公开', '部分公開', 'disclosed in part'),
    readings: () => [{ name: t('（二）部分公开', '（二）部分公開', '(2) in part'), rows: ['partial'] }],
  },
  applicationsRefused: {
    label: t('不予公开', '不予公開', 'refused'),
    readings: (r) => [{ name: t('（三）不予公开合计', '（三）不予公開合計', '(3) refused, all items'), rows: items(r, 'refused') }],
  },
  applicationsUnable: {
    label: t('无法提供', '無法提供', 'unable to provide'),
    readings: (r) => [
      { name: t('（四）1 本机关不掌握', '（四）1 本機關不掌握', '(4) item 1'), rows: ['unable.1'] },
      { name: t('（四）无法提供合计', '（四）無法提供合計', '(4) all items'), rows: items(r, 'unable') },
    ],
  },
  applicationsNotProcessed: {
    label: t('不予处理', '不予處理', 'not processed'),
    readings: (r) => [{ name: t('（五）不予处理合计', '（五）不予處理合計', '(5) all items'), rows: items(r, 'notProcessed') }],
  },
  reviewTotal: {
    label: t('行政复议', '行政復議', 'administrative reviews'),
    readings: (r) => [{ name: t('行政复议总计', '行政復議總計', 'review total'), cells: [reviewCell(r, 'review')] }],
  },
  litigationTotal: {
    label: t('行政诉讼', '行政訴訟', 'lawsuits'),
    readings: (r) => [
      {
        name: t('两类行政诉讼总计之和', '兩類行政訴訟總計之和', 'both litigation totals'),
        cells: [reviewCell(r, 'litigationDirect'), reviewCell(r, 'litigationAfterReview')],
      },
    ],
  },
};

/** A reading's value as a reader gets it. */
interface Sum {
  reading: Reading;
  value: number;
  /** The cells added (numbers, and blank 总计 cells read as 0), with what each is. */
  terms: Term[];
  /** Some row's 总计 was blank or absent, so its applicant cells were added instead. */
  summed: boolean;
  /** Blank cells read as 0. */
  blanks: number;
  /** Some row has no 总计 cell at all: the column was not found, so where its numbers went is not certain. */
  totalAbsent: boolean;
  /** How the sum was made, "（一）予以公开 自然人 5 + 商业企业 2 = 7", for a finding when `summed`. */
  expression: LocalizedText;
}

const cellTerm = (row: ApplicationRow, col: ApplicantColumn, cell: CellValue | undefined): Term => ({
  cell,
  label: t(
    `${rowLabel(row)['zh-Hans']}·${COLUMN_LABELS[col]['zh-Hans']}`,
    `${rowLabel(row)['zh-Hant']}·${COLUMN_LABELS[col]['zh-Hant']}`,
    `${rowLabel(row).en} / ${COLUMN_LABELS[col].en}`,
  ),
});

/** A reading's sum, or null when a row or cell is absent, or no cell holds a number (not checkable). */
function sumOf(report: Report, reading: Reading): Sum | null {
  const terms: Term[] = [];
  let value = 0;
  let blanks = 0;
  let summed = false;
  let totalAbsent = false;
  let anyNumber = false;
  // Printed parts per locale: one per row (or cell) that adds something.
  const printed: Record<keyof LocalizedText, string[]> = { 'zh-Hans': [], 'zh-Hant': [], en: [] };
  const print = (label: LocalizedText, parts: Array<[LocalizedText, number]>) => {
    for (const l of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      printed[l].push(`${label[l]} ${parts.map(([col, n]) => `${col[l]} ${formatNumber(n)}`).join(' + ')}`);
    }
  };
  if (reading.rows) {
    const table = apps(report);
    if (!table || reading.rows.length === 0) return null;
    for (const row of reading.rows) {
      const cols = table[row];
      if (!cols) return null;
      const total = numberOf(cols.total);
      if (total !== null) {
        anyNumber = true;
        value += total;
        terms.push(cellTerm(row, 'total', cols.total));
        if (total !== 0) print(rowLabel(row), [[COLUMN_LABELS.total, total]]);
        continue;
      }
      // 总计 blank or absent: a reader adds the six applicant cells (blank ones as 0, said so).
      if (!APPLICANT_TERMS.some((col) => numberOf(cols[col]) !== null)) {
        // Nothing in the row: its 总计 reads as 0 beside the other rows' numbers.
        blanks++;
        if (cols.total) terms.push(cellTerm(row, 'total', cols.total));
        continue;
      }
      summed = anyNumber = true;
      if (!cols.total) totalAbsent = true;
      const parts: Array<[LocalizedText, number]> = [];
      for (const col of APPLICANT_TERMS) {
        const cell = cols[col];
        const n = numberOf(cell);
        if (n === null) {
          if (cell) blanks++;
          continue;
        }
        value += n;
        terms.push(cellTerm(row, col, cell));
        if (n !== 0) parts.push([COLUMN_LABELS[col], n]);
      }
      if (parts.length) print(rowLabel(row), parts);
    }
  } else {
    const cells = reading.cells ?? [];
    if (cells.length === 0 || cells.some((c) => !c.cell)) return null;
    for (const c of cells) {
      const n = numberOf(c.cell);
      if (n === null) blanks++;
      else anyNumber = true;
      value += n ?? 0;
      terms.push(c);
    }
  }
  if (!anyNumber) return null;
  const blankNote = (l: keyof LocalizedText) =>
    blanks === 0
      ? ''
      : l === 'en'
        ? ` (${blanks} blank cell(s) read as 0)`
        : l === 'zh-Hant'
          ? `（${blanks} 個空白儲存格按 0 計）`
          : `（${blanks} 个空白单元格按 0 计）`;
  const expr = (l: keyof LocalizedText) => `${printed[l].join(' + ') || '0'} = ${formatNumber(value)}${blankNote(l)}`;
  return { reading, value, terms, summed, blanks, totalAbsent, expression: t(expr('zh-Hans'), expr('zh-Hant'), expr('en')) };
}

/**
 * A table read without any 总计 cell in a row may have its 总计 column misread as an applicant column (laid-out
 * text): a sum over the applicant cells is then doubtful.
 */
const NO_TOTAL_COLUMN = t(
  '总计栏可能被读成了某个申请人栏，各栏的数字可能错位',
  '總計欄可能被讀成了某個申請人欄，各欄的數字可能錯位',
  'the 总计 column may have been read as an applicant column, so the numbers may be misplaced',
);

function joinNotes(a: LocalizedText | null, b: LocalizedText | null): LocalizedText | null {
  if (!a || !b) return a ?? b;
  return t(`${a['zh-Hans']}；${b['zh-Hans']}`, `${a['zh-Hant']}；${b['zh-Hant']}`, `${a.en}; ${b.en}`);
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * "共受理申请13件（含上年结转1件）", "238件（其中本年新收225件，上年结转13件）": the sentence itself says the
 * count includes the carried-over ones, as many as table 二 has. Nothing is left to doubt.
 */
function saysCarriedIncluded(report: Report, fact: Fact, carried: number): boolean {
  const sentence = sentenceAround(report, fact.at);
  const after = report.text.slice(fact.at.end, sentence.end).replace(/\s+/g, '');
  const m = /^.{0,30}?(?:含|包括|包含|其中)[^。；]{0,16}?上年(?:度)?结转[^。；，,\d]{0,8}?(\d+)件/.exec(after);
  return !!m && Number(m[1]) === carried;
}

const MISMATCH = t(
  '正文称{quantity} {stated} 件，而表格中为 {table} 件',
  '正文稱{quantity} {stated} 件，而表格中為 {table} 件',
  'The text gives {stated} {quantity}, the table {table}',
);
const SUMMED = t(
  '正文称{quantity} {stated} 件，而表三{why}，按申请人各栏相加为 {table} 件：{expression}',
  '正文稱{quantity} {stated} 件，而表三{why}，按申請人各欄相加為 {table} 件：{expression}',
  'The text gives {stated} {quantity}; {why} in table 三, and its applicant columns add up to {table}: {expression}',
);
const TOTAL_BLANK = t('总计栏空白', '總計欄空白', 'the 总计 column is blank');
const TOTAL_NOT_READ = t('没有读到总计栏', '沒有讀到總計欄', 'no 总计 column was read');
const WITH_CARRIED_OVER = t(
  '正文所称申请 {stated} 件与表三“本年新收” {new} 件不符，但等于新收 {new} 件加上年结转 {carried} 件：可能包含上年结转',
  '正文所稱申請 {stated} 件與表三「本年新收」 {new} 件不符，但等於新收 {new} 件加上年結轉 {carried} 件：可能包含上年結轉',
  'The text’s {stated} applications are not the {new} new ones of table 三 but {new} new plus {carried} carried over: they may include the carried-over',
);

export default defineRule({
  id: 'narrative-vs-table',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文中的数字（新收、上年结转、办结、结转下年、予以公开及部分公开、不予公开、无法提供、不予处理、行政复议、行政诉讼的件数）必须与统计表中对应的总计一致。一个说法有两种读法时（“无法提供N件”可指（四）1 或（四）合计，“予以公开N件”可含部分公开），与任一读法相符即不报错。收到/受理/共…申请的件数等于新收加上年结转（而不等于新收）时，提示两种读法；句中写明“含上年结转K件”且 K 与表三相符时不提示。表三某行总计栏空白（或没有总计列）时，按读者的做法把该行六个申请人栏相加后比较，并在结果中写出各项。句中写明其他年份（“2022年收到…”）的数字不作本年数字比较。',
      en: 'Counts stated in the prose (new, carried over, handled, carried forward, disclosed in full or in part, refused, unable to provide, not processed, reviews, lawsuits) must equal the matching totals of the tables. A phrase with two readings ("无法提供N件": item 1 of (4) or all of (4); "予以公开N件" may include partial disclosure) is consistent with either. A count of applications received (收到, 受理, 共…) that equals new + carried over, but not new alone, is a warning naming both readings; none when the sentence says "含上年结转K件" with table 三’s K. Where a row’s 总计 is blank (or the column is missing), its six applicant cells are added up as a reader would, and the finding writes the sum out. A figure the sentence gives for another year ("2022年收到…") is not compared as this year’s.',
      why: {
        'zh-Hans': '同一份报告里正文和表格数字打架，是年报最常见的数据质量问题之一。',
        en: 'Prose figures that contradict the report’s own tables are among the most common data-quality defects.',
      },
      fix: {
        'zh-Hans': '以统计表和台账为准，核对正文中的数字，改正正文或表格中错的一处，使两者一致。',
        en: 'Take the table and the register as reference, check the figure in the text, and correct whichever of the two is wrong so that they agree.',
      },
      severity: {
        'zh-Hans':
          '正文数字与任何一种读法都不符、而表格各格读取确定且表格自身勾稽成立时为错误（总计栏空白时由确定读取的申请人栏相加，空白按 0 计并写明）。以下情形只作警告：收到/受理的件数等于新收加上年结转（细心的读者会认为可能包含上年结转，而不是写错）；表格自身加总不成立（无法判断哪个数字错了，或表格被误读）；所比较的单元格读取存疑（列按位置推定、无确定位置或图片识别置信度低），此时说明存疑原因。',
        en: 'An error when the prose matches no reading while every cell compared was read with certainty and the table’s own sums hold (a blank 总计 is replaced by the certain applicant cells, blanks read as 0 and said so). Only a warning when: a count received equals new + carried over (a careful reader takes it as possibly including the carried-over, not as wrong); the table fails its own sums (which figure is wrong cannot be told, or the table was misread); a cell compared was read with doubt (column guessed by position, no certain place, or a low-confidence picture read), the reason being given.',
      },
      example: '正文“全年共收到政府信息公开申请15件”，表三“一、本年新收”总计为 12、“二、上年结转”为 0。',
    },
    messages: {
      mismatch: MISMATCH,
      mismatchDoubtful: withDoubt(MISMATCH),
      summed: SUMMED,
      summedDoubtful: withDoubt(SUMMED),
      withCarriedOver: WITH_CARRIED_OVER,
      withCarriedOverDoubtful: withDoubt(WITH_CARRIED_OVER),
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    for (const fact of report.facts) {
      const q = QUANTITIES[fact.kind];
      if (!q || fact.approximate) continue;
      // Another year's figure is not this year's (narrative-year says so when it stands in for it).
      if (otherYearFigure(report, fact)) continue;
      const all = q.readings(report).flatMap((reading) => {
        const sum = sumOf(report, reading);
        return sum ? [sum] : [];
      });
      // new + carried over is another reading only when something was carried over.
      const carriedOver = all.some((s) => s.reading.withCarriedOver) ? sumOf(report, { name: NEW, rows: ['carriedOver'] }) : null;
      const sums = all.filter((s) => !s.reading.withCarriedOver || (carriedOver !== null && carriedOver.value !== 0));
      if (sums.length === 0) continue;
      emit.checked?.();
      const plain = sums.filter((s) => !s.reading.withCarriedOver);
      if (plain.some((s) => same(s.value, fact.value))) continue;
      const doubt = joinNotes(
        doubtNote(
          sums.flatMap((s) => s.terms),
          report,
        ),
        sums.some((s) => s.totalAbsent) ? NO_TOTAL_COLUMN : null,
      );
      const related = unique(
        report,
        sums.flatMap((s) => s.terms),
      );
      const withCarried = sums.find((s) => s.reading.withCarriedOver && same(s.value, fact.value));
      if (withCarried) {
        if (saysCarriedIncluded(report, fact, carriedOver!.value)) continue;
        const fresh = withCarried.value - carriedOver!.value;
        const data = { stated: formatNumber(fact.value), new: formatNumber(fresh), carried: formatNumber(carriedOver!.value) };
        if (doubt) emit('withCarriedOverDoubtful', { ...data, doubt }, textLocation(report, fact.at), related, 'warning');
        else emit('withCarriedOver', data, textLocation(report, fact.at), related, 'warning');
        continue;
      }
      const single = sums.length === 1;
      const table = (l: keyof LocalizedText, or: string) =>
        single
          ? formatNumber(sums[0]!.value)
          : sums
              .map((s) =>
                l === 'en' ? `${formatNumber(s.value)} (${s.reading.name.en})` : `${formatNumber(s.value)}（${s.reading.name[l]}）`,
              )
              .join(or);
      const data: MessageData = {
        quantity: q.label,
        stated: formatNumber(fact.value),
        table: localized(table('zh-Hans', ' 或 '), table('zh-Hant', ' 或 '), table('en', ' or ')),
      };
      const summed = sums.some((s) => s.summed);
      if (summed) {
        const expr = (l: keyof LocalizedText) =>
          single
            ? sums[0]!.expression[l]
            : sums.map((s) => `${s.reading.name[l]}${l === 'en' ? ': ' : '：'}${s.expression[l]}`).join(l === 'en' ? '; ' : '；');
        data.expression = localized(expr('zh-Hans'), expr('zh-Hant'), expr('en'));
        data.why = sums.some((s) => s.totalAbsent) ? TOTAL_NOT_READ : TOTAL_BLANK;
        data.terms = termData(sums.flatMap((s) => s.terms));
      }
      if (doubt) {
        // A cell read with doubt: the prose may be right and the reading wrong.
        emit(summed ? 'summedDoubtful' : 'mismatchDoubtful', { ...data, doubt }, textLocation(report, fact.at), related, 'warning');
        continue;
      }
      emit(
        summed ? 'summed' : 'mismatch',
        data,
        textLocation(report, fact.at),
        related,
        // A table that fails its own sums cannot say which figure is right: a warning, not an error.
        sums.some((s) => s.terms.some((c) => c.cell && inFailingRelation(report, c.cell.at))) ? 'warning' : undefined,
      );
    }
  },
});

/** Distinct locations of the terms' cells. */
function unique(report: Report, terms: Term[]): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const { cell } of terms) {
    if (!cell) continue;
    const k = `${cell.at.table}:${cell.at.row}:${cell.at.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(cellLocation(report, cell));
  }
  return out;
}

/** The terms with a number as finding data (data.terms), each cell once: a view highlights each cell from it. */
function termData(terms: Term[]): TermData[] {
  const seen = new Set<string>();
  return terms.flatMap((x) => {
    if (!x.cell || numberOf(x.cell) === null) return [];
    const k = `${x.cell.at.table}:${x.cell.at.row}:${x.cell.at.col}`;
    if (seen.has(k)) return [];
    seen.add(k);
    return [{ label: x.label, value: numberOf(x.cell), text: x.cell.value.text, cell: { ...x.cell.at }, side: 'right' as const }];
  });
}

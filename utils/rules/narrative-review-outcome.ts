import type { CellValue, Fact, LocalizedText, Report, ReviewOutcome } from '../report/types';
import { doubtNote, withDoubt } from './lib/doubt';
import { GROUP_LABELS, localized, OUTCOME_LABELS } from './lib/labels';
import { otherYearFigure } from './lib/prose';
import { textLocation } from './lib/report';
import { cellLocation, formatNumber, inFailingRelation, numberOf } from './lib/tables';
import { defineRule, type MessageData, type ReportFunction } from './types';

type Group = 'review' | 'litigation';

const GROUP_NAMES: Record<Group, LocalizedText> = {
  review: localized('行政复议', '行政復議', 'administrative reviews'),
  litigation: localized('行政诉讼', '行政訴訟', 'lawsuits'),
};

/** The table 四 cells of a prose group: review is one group, litigation both (direct and after review). */
function cells(report: Report, group: Group, outcome: ReviewOutcome): CellValue[] {
  const g = report.standard.reviewLitigation?.groups;
  if (!g) return [];
  const list = group === 'review' ? [g.review?.[outcome]] : [g.litigationDirect?.[outcome], g.litigationAfterReview?.[outcome]];
  return list.filter((c): c is CellValue => !!c);
}

/** Why some of the cells were read with doubt ("行政复议·尚未审结：…"), or null when all are certain. */
function doubtOf(report: Report, list: CellValue[]): LocalizedText | null {
  const groups = report.standard.reviewLitigation?.groups ?? {};
  return doubtNote(
    list.map((cell) => {
      for (const [g, outcomes] of Object.entries(groups)) {
        for (const [o, c] of Object.entries(outcomes ?? {})) {
          if (c !== cell) continue;
          const gl = GROUP_LABELS[g as keyof typeof GROUP_LABELS];
          const ol = OUTCOME_LABELS[o as ReviewOutcome];
          return {
            cell,
            label: localized(`${gl['zh-Hans']}·${ol['zh-Hans']}`, `${gl['zh-Hant']}·${ol['zh-Hant']}`, `${gl.en} / ${ol.en}`),
          };
        }
      }
      return { cell, label: localized('表四', '表四', 'table 四') };
    }),
    report,
  );
}

const ALL_UPHELD = localized(
  '正文称{group}{count}均获维持，而表四{group}有{others}',
  '正文稱{group}{count}均獲維持，而表四{group}有{others}',
  'The text says all {group}{count} were upheld, but table 四 shows {others}',
);
const COUNT = localized(
  '正文称{group}{outcome} {stated} 件，而表四为 {table} 件',
  '正文稱{group}{outcome} {stated} 件，而表四為 {table} 件',
  'The text gives {stated} {group} {outcome}, table 四 {table}',
);

/** Sum of the cells, null when none holds a number. */
function sum(list: CellValue[]): number | null {
  return list.some((c) => numberOf(c) !== null) ? list.reduce((a, c) => a + (numberOf(c) ?? 0), 0) : null;
}

const COUNTED: Record<string, { group: Group; outcome: ReviewOutcome }> = {
  reviewUpheld: { group: 'review', outcome: 'upheld' },
  reviewCorrected: { group: 'review', outcome: 'corrected' },
  reviewPending: { group: 'review', outcome: 'pending' },
  litigationUpheld: { group: 'litigation', outcome: 'upheld' },
  litigationCorrected: { group: 'litigation', outcome: 'corrected' },
  litigationPending: { group: 'litigation', outcome: 'pending' },
};

export default defineRule({
  id: 'narrative-review-outcome',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文对行政复议、行政诉讼结果的说法必须与表四一致：“均获维持”时表四不得有结果纠正、其他结果或尚未审结；“维持/纠错/尚未审结N件”“无被纠错”须等于表四对应格（行政诉讼为两类之和）。表四该组本身加总不成立时只作警告。',
      en: 'What the prose says of review and litigation outcomes must agree with table 四: "均获维持" (all upheld) allows no corrected, other or pending case there; "维持/纠错/尚未审结 N 件" and "无被纠错" (none corrected) must equal the matching cells (litigation: both groups together). Against a group whose own sum fails, the finding is a warning.',
      why: {
        'zh-Hans': '“均获维持”是报告常用的结论句，表四却显示有案件被纠正或尚未审结，说明结论或表格有一处不实。',
        en: 'A report often concludes "all upheld" while its own table shows a corrected or pending case: either the claim or the table is untrue.',
      },
      fix: {
        'zh-Hans': '按表四的行政复议、行政诉讼结果改写正文的说法，或改正表四中填错的格。',
        en: 'Reword the text to match the review and litigation outcomes of table 四, or correct the wrong cell of table 四.',
      },
      example: '正文“收到行政复议申请3件，均获维持”，表四行政复议：结果维持 2，尚未审结 1。',
      severity: {
        'zh-Hans':
          '表四各格读取确定、该组自身加总成立时为错误：结论句与表格只能有一处属实。表四该组加总不成立（无法判断哪个数字错了）或所比较的单元格读取存疑（列按位置推定、图片识别置信度低）时只作警告，并写明存疑原因。',
        en: 'An error when the table 四 cells were read with certainty and the group’s own sum holds: the claim and the table cannot both be true. A warning when the group’s sum fails (which figure is wrong cannot be told) or a cell compared was read with doubt (column guessed by position, low-confidence picture read), the reason being given.',
      },
    },
    messages: {
      allUpheld: ALL_UPHELD,
      allUpheldDoubtful: withDoubt(ALL_UPHELD),
      count: COUNT,
      countDoubtful: withDoubt(COUNT),
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    if (!report.standard.reviewLitigation) return;
    for (const fact of report.facts) {
      if (fact.approximate || otherYearFigure(report, fact)) continue;
      if (fact.kind === 'reviewAllUpheld' || fact.kind === 'litigationAllUpheld') allUpheld(report, fact, emit);
      const counted = COUNTED[fact.kind];
      if (!counted) continue;
      const list = cells(report, counted.group, counted.outcome);
      const table = sum(list);
      if (table === null) continue;
      emit.checked?.();
      if (Math.abs(table - fact.value) < 1e-9) continue;
      const data: MessageData = {
        group: GROUP_NAMES[counted.group],
        outcome: OUTCOME_LABELS[counted.outcome],
        stated: formatNumber(fact.value),
        table: formatNumber(table),
      };
      const doubt = doubtOf(report, list);
      const related = list.map((c) => cellLocation(report, c));
      if (doubt) emit('countDoubtful', { ...data, doubt }, textLocation(report, fact.at), related, 'warning');
      else emit('count', data, textLocation(report, fact.at), related, severityFor(report, list));
    }
  },
});

function allUpheld(report: Report, fact: Fact, emit: ReportFunction<'allUpheld' | 'allUpheldDoubtful' | 'count' | 'countDoubtful'>): void {
  const group: Group = fact.kind === 'reviewAllUpheld' ? 'review' : 'litigation';
  const parts = (['corrected', 'other', 'pending'] as const).flatMap((outcome) => {
    const list = cells(report, group, outcome);
    const n = sum(list);
    return n ? [{ outcome, n, list }] : [];
  });
  if (parts.length === 0) return;
  const others = (l: keyof LocalizedText) =>
    parts
      .map((p) => (l === 'en' ? `${p.n} ${OUTCOME_LABELS[p.outcome].en}` : `${OUTCOME_LABELS[p.outcome][l]} ${p.n} 件`))
      .join(l === 'en' ? ', ' : '、');
  const n = formatNumber(fact.value);
  const data: MessageData = {
    group: GROUP_NAMES[group],
    count: fact.value > 0 ? localized(` ${n} 件`, ` ${n} 件`, ` (${n})`) : localized('', '', ''),
    stated: n,
    others: localized(others('zh-Hans'), others('zh-Hant'), others('en')),
  };
  const list = parts.flatMap((p) => p.list);
  const related = list.map((c) => cellLocation(report, c));
  const doubt = doubtOf(report, list);
  if (doubt) emit('allUpheldDoubtful', { ...data, doubt }, textLocation(report, fact.at), related, 'warning');
  else emit('allUpheld', data, textLocation(report, fact.at), related, severityFor(report, list));
}

/** Against a table 四 group whose own sum fails, which figure is wrong cannot be told: a warning. */
function severityFor(report: Report, list: CellValue[]): 'warning' | undefined {
  return list.some((c) => inFailingRelation(report, c.at)) ? 'warning' : undefined;
}

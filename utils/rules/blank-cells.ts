import type { CellValue, LocalizedText, Location, Report } from '../report/types';
import { defineRule } from './types';
import { localized, TABLE_LABELS } from './lib/labels';
import {
  APPLICANT_TERMS,
  applicationRelations,
  cellLocation,
  evaluate,
  relatedLocations,
  reviewRelations,
} from './lib/tables';

type Key = keyof typeof TABLE_LABELS;

function standardCells(report: Report): Array<{ key: Key; cells: CellValue[] }> {
  const out: Array<{ key: Key; cells: CellValue[] }> = [];
  const { activeDisclosure, applications, reviewLitigation } = report.standard;
  const collect = (rows: Record<string, Record<string, CellValue | undefined> | undefined>) =>
    Object.values(rows).flatMap((r) => Object.values(r ?? {}).filter((c): c is CellValue => !!c));
  if (activeDisclosure) out.push({ key: 'activeDisclosure', cells: collect(activeDisclosure.rows as never) });
  if (applications) out.push({ key: 'applications', cells: collect(applications.rows as never) });
  if (reviewLitigation) out.push({ key: 'reviewLitigation', cells: collect(reviewLitigation.groups as never) });
  return out;
}

const KIND_NAMES = {
  balance: localized('一+二 = （七）+四', '一+二 = （七）+四', 'I + II = (7) + IV'),
  outcome: localized('（七）总计 = 各项办理结果之和', '（七）總計 = 各項辦理結果之和', '(7) total = sum of outcomes'),
  row: localized('总计 = 六类申请人之和', '總計 = 六類申請人之和', 'total = six applicant columns'),
  review: localized('总计 = 四项结果之和', '總計 = 四項結果之和', 'total = four outcomes'),
} satisfies Record<string, LocalizedText>;

export default defineRule({
  id: 'blank-cells',
  meta: {
    severity: 'info',
    category: 'tables',
    docs: {
      'zh-Hans':
        '列出标准表格中空白或填“/”“-”“无”等占位符的单元格；所有项都空白的勾稽关系报告为“无法核对”；只填总计列或总计列空白的表格单独提示。',
      en: 'Lists the blank or placeholder cells ("/", "-", "无") of the standard tables; a relation whose terms are all blank is reported as not checkable; a table with only the total column filled, or with the total column blank, is flagged.',
      why: {
        'zh-Hans': '空白不等于 0：核对时可以按 0 计算，但必须说明；全空的关系不能当作“成立”。',
        en: 'A blank is not a stated zero: sums may read it as 0 but must say so, and an all-blank relation must never count as holding.',
      },
      example: '行政复议一行全部留空：无法核对“总计 = 四项结果之和”。',
    },
    messages: {
      blank: {
        'zh-Hans': '{table}有 {count} 个空白或占位单元格（如“{sample}”），核对时按 0 计算',
        'zh-Hant': '{table}有 {count} 個空白或佔位儲存格（如「{sample}」），核對時按 0 計算',
        en: '{table} has {count} blank or placeholder cell(s) (e.g. "{sample}"); sums read them as 0',
      },
      notCheckable: {
        'zh-Hans': '无法核对 {relation}（{label}）：所有项都空白或为占位符',
        'zh-Hant': '無法核對 {relation}（{label}）：所有項都空白或為佔位符',
        en: 'Cannot check {relation} ({label}): every term is blank or a placeholder',
      },
      totalBlank: {
        'zh-Hans': '{relation}（{label}）：总计空白，而其他项填有数字，无法核对',
        'zh-Hant': '{relation}（{label}）：總計空白，而其他項填有數字，無法核對',
        en: '{relation} ({label}): the total is blank while other terms hold numbers; cannot check',
      },
      tableNotCheckable: {
        'zh-Hans': '{table}没有任何数字（全部空白或占位符），无法核对',
        'zh-Hant': '{table}沒有任何數字（全部空白或佔位符），無法核對',
        en: '{table} holds no number at all (all blank or placeholders); nothing can be checked',
      },
      onlyTotals: {
        'zh-Hans': '申请情况表只填了总计列，六类申请人各列均空白',
        'zh-Hant': '申請情況表只填了總計列，六類申請人各列均空白',
        en: 'The applications table fills only the total column; the six applicant columns are blank',
      },
      totalsColumnBlank: {
        'zh-Hans': '申请情况表的总计列全部空白',
        'zh-Hant': '申請情況表的總計列全部空白',
        en: 'The total column of the applications table is blank throughout',
      },
    },
  },
  check(report, _context, emit) {
    const empty = new Set<Key>();
    for (const { key, cells } of standardCells(report)) {
      if (cells.length > 0 && !cells.some((c) => c.value.kind === 'number')) {
        empty.add(key);
        emit('tableNotCheckable', { table: TABLE_LABELS[key] }, cellLocation(report, cells[0]!), [], 'warning');
        continue;
      }
      const blanks = cells.filter((c) => c.value.kind === 'missing');
      if (blanks.length === 0) continue;
      const [first, ...rest] = blanks;
      emit(
        'blank',
        { table: TABLE_LABELS[key], count: blanks.length, sample: first!.value.text || '　' },
        cellLocation(report, first!),
        rest.map((c) => cellLocation(report, c)),
      );
    }

    const apps = report.standard.applications;
    let tableLevel = false;
    if (apps && !empty.has('applications')) {
      const rows = Object.values(apps.rows);
      const totals = rows.map((r) => r?.total).filter((c): c is CellValue => !!c);
      const terms = rows.flatMap((r) => APPLICANT_TERMS.map((c) => r?.[c]).filter((c): c is CellValue => !!c));
      const isNum = (c: CellValue) => c.value.kind === 'number';
      const firstTotal = totals[0];
      if (firstTotal && totals.some(isNum) && terms.length > 0 && !terms.some(isNum)) {
        emit('onlyTotals', {}, cellLocation(report, firstTotal), [], 'warning');
        tableLevel = true;
      } else if (firstTotal && !totals.some(isNum) && terms.some(isNum)) {
        emit('totalsColumnBlank', {}, cellLocation(report, firstTotal), [], 'warning');
        tableLevel = true;
      }
    }

    const relations = [
      ...(tableLevel || empty.has('applications') ? [] : applicationRelations(report)),
      ...(empty.has('reviewLitigation') ? [] : reviewRelations(report)),
    ];
    for (const relation of relations) {
      const terms = [...relation.left, ...relation.right];
      const at: Location | undefined = relation.anchor.cell
        ? cellLocation(report, relation.anchor.cell)
        : terms.filter((t) => t.cell).map((t) => cellLocation(report, t.cell!))[0];
      if (!at) continue;
      const ev = evaluate(relation);
      const data = { relation: KIND_NAMES[relation.kind], label: relation.label };
      const others = [...relation.left, ...relation.right].filter((t) => t !== relation.anchor);
      if (ev.anchorMissing && others.some((t) => t.cell?.value.kind === 'number')) {
        emit('totalBlank', data, at, relatedLocations(report, relation), 'warning');
      } else if (!ev.checkable) {
        emit('notCheckable', data, at, relatedLocations(report, relation));
      }
    }
  },
});

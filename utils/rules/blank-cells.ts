import type {
  ApplicantColumn,
  ApplicationRow,
  CellValue,
  DisclosureColumn,
  DisclosureRow,
  LocalizedText,
  Location,
  Report,
  ReviewGroup,
  ReviewOutcome,
} from '../report/types';
import {
  COLUMN_LABELS,
  DISCLOSURE_COLUMN_LABELS,
  DISCLOSURE_ROW_LABELS,
  GROUP_LABELS,
  listOf,
  localized,
  OUTCOME_LABELS,
  rowLabel,
  TABLE_LABELS,
} from './lib/labels';
import {
  APPLICANT_TERMS,
  applicationRelations,
  cellLocation,
  dedupeLocations,
  evaluate,
  type Relation,
  relatedLocations,
  reviewRelations,
  termCertain,
} from './lib/tables';
import { defineRule } from './types';

type Key = keyof typeof TABLE_LABELS;

/** Blank cells of one block: a column of the applications table, a group of table 四, a row of table 二. */
interface Block {
  key: Key;
  name: LocalizedText;
  cells: Array<{ cell: CellValue; item: LocalizedText }>;
}

/** Per standard table: its first present cell, whether any cell is a number, and its blank blocks. */
function standardCells(report: Report): Array<{ key: Key; first?: CellValue; number: boolean; blocks: Block[] }> {
  const out: Array<{ key: Key; first?: CellValue; number: boolean; blocks: Block[] }> = [];
  const { activeDisclosure, applications, reviewLitigation } = report.standard;
  // outer → inner → cell; `byOuter` says whether blocks follow the outer key (else the inner one). Loops over the
  // keys, not Object.entries and filter/map copies: this runs for every page, and most rows have no blank.
  const collect = (
    key: Key,
    nested: Record<string, Record<string, CellValue | undefined> | undefined>,
    outerLabel: (k: string) => LocalizedText,
    innerLabel: (k: string) => LocalizedText,
    byOuter: boolean,
  ) => {
    let first: CellValue | undefined;
    let number = false;
    const blocks = new Map<string, Block>();
    const add = (blockKey: string, name: LocalizedText, cell: CellValue, item: LocalizedText) => {
      let block = blocks.get(blockKey);
      if (!block) blocks.set(blockKey, (block = { key, name, cells: [] }));
      block.cells.push({ cell, item });
    };
    for (const outer in nested) {
      const inner = nested[outer];
      if (!inner) continue;
      let present = 0;
      let blank = 0;
      for (const k in inner) {
        const c = inner[k];
        if (!c) continue;
        first ??= c;
        present++;
        if (c.value.kind === 'missing') blank++;
        else if (c.value.kind === 'number') number = true;
      }
      // An outer line blank throughout is one block of its own, whatever the grouping.
      const wholeLine = present > 1 && blank === present;
      if (blank)
        for (const innerKey in inner) {
          const cell = inner[innerKey];
          if (cell?.value.kind !== 'missing') continue;
          if (byOuter || wholeLine) add(`o:${outer}`, outerLabel(outer), cell, innerLabel(innerKey));
          else add(`i:${innerKey}`, innerLabel(innerKey), cell, outerLabel(outer));
        }
    }
    out.push({ key, first, number, blocks: [...blocks.values()] });
  };
  if (activeDisclosure)
    collect(
      'activeDisclosure',
      activeDisclosure.rows as never,
      (r) => DISCLOSURE_ROW_LABELS[r as DisclosureRow],
      (c) => DISCLOSURE_COLUMN_LABELS[c as DisclosureColumn],
      true,
    );
  if (applications)
    collect(
      'applications',
      applications.rows as never,
      (r) => rowLabel(r as ApplicationRow),
      (c) => COLUMN_LABELS[c as ApplicantColumn],
      false,
    );
  if (reviewLitigation)
    collect(
      'reviewLitigation',
      reviewLitigation.groups as never,
      (g) => GROUP_LABELS[g as ReviewGroup],
      (o) => OUTCOME_LABELS[o as ReviewOutcome],
      true,
    );
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
        'zh-Hans':
          '空白不等于 0：核对时可以按 0 计算，但必须说明；全空的关系不能当作“成立”。提示（info）：空白本身不一定是错误；只有总计空白而其他项有数字、或全表没有数字时升为警告（warning），因为这些关系无从核对；从不报错误。',
        en: 'A blank is not a stated zero: sums may read it as 0 but must say so, and an all-blank relation must never count as holding. Info: a blank is not in itself wrong; a blank total beside filled terms, or a table with no number at all, is a warning because nothing can be checked; never an error.',
      },
      fix: {
        'zh-Hans': '空白格填 0 或实际数字，不要留空或填“/”“-”“无”；这样各项加总才能核对。',
        en: 'Fill blank cells with 0 or the real number, never blank, "/", "-" or "无", so that the sums can be checked.',
      },
      example: '行政复议一行全部留空：无法核对“总计 = 四项结果之和”。',
    },
    messages: {
      blank: {
        'zh-Hans': '{table}“{block}”有 {count} 个空白或占位单元格（{items}），核对时按 0 计算',
        'zh-Hant': '{table}「{block}」有 {count} 個空白或佔位儲存格（{items}），核對時按 0 計算',
        en: '{table}, {block}: {count} blank or placeholder cell(s) ({items}); sums read them as 0',
      },
      notCheckable: {
        'zh-Hans': '{table}：{count} 项关系一侧的各项均为空白或占位符，无法核对：{list}',
        'zh-Hant': '{table}：{count} 項關係一側的各項均為空白或佔位符，無法核對：{list}',
        en: '{table}: cannot check {count} relation(s), one side is all blank or placeholders: {list}',
      },
      totalBlank: {
        'zh-Hans': '{table}：{count} 处总计空白，而其他项填有数字，无法核对：{list}',
        'zh-Hant': '{table}：{count} 處總計空白，而其他項填有數字，無法核對：{list}',
        en: '{table}: {count} total(s) blank while other terms hold numbers; cannot check: {list}',
      },
      blanksUnplaced: {
        'zh-Hans': '{table}有 {count} 行的数字少于列数：原表在这些行有空白格，但文本未保留空白，无法确定是哪几列：{list}',
        'zh-Hant': '{table}有 {count} 行的數字少於欄數：原表在這些行有空白格，但文字未保留空白，無法確定是哪幾欄：{list}',
        en: '{table}: {count} row(s) hold fewer numbers than columns: the printed table has blank cells there, but the text dropped them, so which columns are blank is not known: {list}',
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
    const standard = standardCells(report);
    const isNum = (c: CellValue) => c.value.kind === 'number';
    const apps = report.standard.applications;
    let tableLevel = false;
    if (apps && standard.some((t) => t.key === 'applications' && t.number)) {
      const rows = Object.values(apps.rows);
      const totals = rows.map((r) => r?.total).filter((c): c is CellValue => !!c);
      const terms: CellValue[] = [];
      for (const r of rows) for (const c of APPLICANT_TERMS) if (r?.[c]) terms.push(r[c]);
      const [firstTotal, ...otherTotals] = totals;
      // One finding for the whole table, listing the blank column's cells as related.
      if (firstTotal && totals.some(isNum) && terms.length > 0 && !terms.some(isNum)) {
        emit(
          'onlyTotals',
          {},
          cellLocation(report, firstTotal),
          terms.map((c) => cellLocation(report, c)),
          'warning',
        );
        tableLevel = true;
      } else if (firstTotal && !totals.some(isNum) && terms.some(isNum)) {
        emit(
          'totalsColumnBlank',
          {},
          cellLocation(report, firstTotal),
          otherTotals.map((c) => cellLocation(report, c)),
          'warning',
        );
        tableLevel = true;
      }
    }

    for (const { key, first, number, blocks } of standard) {
      if (first && !number) {
        empty.add(key);
        emit('tableNotCheckable', { table: TABLE_LABELS[key] }, cellLocation(report, first), [], 'warning');
        continue;
      }
      // One finding per blank block (a column, a group, a row), listing its blank cells; a table-level
      // finding (only totals filled, totals blank) already covers the applications table's blanks.
      if (key === 'applications' && tableLevel) continue;
      for (const block of blocks) {
        const [first, ...rest] = block.cells;
        emit(
          'blank',
          { table: TABLE_LABELS[key], block: block.name, count: block.cells.length, items: listOf(block.cells.map((c) => c.item)) },
          cellLocation(report, first!.cell),
          rest.map((c) => cellLocation(report, c.cell)),
        );
      }
    }

    // Rows that came with fewer numbers than columns: the printed table has blank cells there, but the text
    // does not say which columns they were in, so they are named as such (never as a blank of a given column).
    for (const { key, rows } of shortRows(report)) {
      const [first, ...rest] = rows;
      emit(
        'blanksUnplaced',
        { table: TABLE_LABELS[key], count: rows.length, list: listOf(rows.map((r) => r.label)) },
        cellLocation(report, first!.cell),
        rest.map((r) => cellLocation(report, r.cell)),
      );
    }

    // Relations that cannot be checked, said once per table and reason: a blank total shared by two
    // relations (（七） of a column is in both the balance and the outcome sum) is one entry.
    const tables: Array<[Key, Relation[]]> = [
      ['applications', tableLevel || empty.has('applications') ? [] : applicationRelations(report)],
      ['reviewLitigation', empty.has('reviewLitigation') ? [] : reviewRelations(report)],
    ];
    for (const [key, relations] of tables) {
      const groups: Record<'totalBlank' | 'notCheckable', Map<string, { at: Location; items: LocalizedText[]; related: Location[] }>> = {
        totalBlank: new Map(),
        notCheckable: new Map(),
      };
      for (const relation of relations) {
        const ev = evaluate(relation);
        // The anchor is no number: any number is another term's.
        const reason = ev.anchorMissing && ev.anyNumber ? 'totalBlank' : !ev.checkable ? 'notCheckable' : null;
        const anchorCell = reason && (relation.anchor.cell ?? [...relation.left, ...relation.right].find((t) => t.cell)?.cell);
        if (!anchorCell) continue;
        const id = `${anchorCell.at.row}:${anchorCell.at.col}`;
        const item = localized(
          `${relation.label['zh-Hans']}（${KIND_NAMES[relation.kind]['zh-Hans']}）`,
          `${relation.label['zh-Hant']}（${KIND_NAMES[relation.kind]['zh-Hant']}）`,
          `${relation.label.en} (${KIND_NAMES[relation.kind].en})`,
        );
        const entry = groups[reason].get(id);
        if (entry) {
          // Same blank total, another relation: name the relation, keep one entry.
          entry.items.push(item);
        } else {
          groups[reason].set(id, { at: cellLocation(report, anchorCell), items: [item], related: relatedLocations(report, relation) });
        }
      }
      for (const reason of ['totalBlank', 'notCheckable'] as const) {
        const entries = [...groups[reason].values()];
        if (entries.length === 0) continue;
        const [first, ...rest] = entries;
        const related = dedupeLocations([...first!.related, ...rest.flatMap((e) => [e.at, ...e.related])], first!.at);
        emit(
          reason,
          { table: TABLE_LABELS[key], count: entries.length, list: listOf(entries.flatMap((e) => e.items)) },
          first!.at,
          related,
          reason === 'totalBlank' ? 'warning' : 'info',
        );
      }
    }
  },
});

/** Per table, the rows read with fewer numbers than columns ('short-row'), each with its first cell. */
function shortRows(report: Report): Array<{ key: Key; rows: Array<{ cell: CellValue; label: LocalizedText }> }> {
  const { activeDisclosure, applications, reviewLitigation } = report.standard;
  const out: Array<{ key: Key; rows: Array<{ cell: CellValue; label: LocalizedText }> }> = [];
  const collect = (
    key: Key,
    nested: Record<string, Record<string, CellValue | undefined> | undefined>,
    label: (k: string) => LocalizedText,
  ) => {
    const rows = new Map<string, { cell: CellValue; label: LocalizedText }>();
    for (const outer in nested) {
      const inner = nested[outer];
      for (const k in inner) {
        const cell = inner[k];
        if (!cell || termCertain(report, cell) || (cell.read && cell.read.reason !== 'short-row')) continue;
        const id = `${cell.at.table}:${cell.at.row}`;
        if (!rows.has(id)) rows.set(id, { cell, label: label(outer) });
      }
    }
    if (rows.size) out.push({ key, rows: [...rows.values()] });
  };
  if (activeDisclosure) collect('activeDisclosure', activeDisclosure.rows as never, (r) => DISCLOSURE_ROW_LABELS[r as DisclosureRow]);
  if (applications) collect('applications', applications.rows as never, (r) => rowLabel(r as ApplicationRow));
  if (reviewLitigation) collect('reviewLitigation', reviewLitigation.groups as never, (g) => GROUP_LABELS[g as ReviewGroup]);
  return out;
}

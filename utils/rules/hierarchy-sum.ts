import type { LocalizedText } from '../report/types';
import { compareWithChildren } from './lib/hierarchy';
import { localized } from './lib/labels';
import { cellLocation, formatNumber } from './lib/tables';
import { defineRule, type NeighbourReport } from './types';

const TABLE_NAMES = {
  applications: localized('表三（收到和处理申请）', '表三（收到和處理申請）', 'table III (applications)'),
  reviewLitigation: localized('表四（复议、诉讼）', '表四（復議、訴訟）', 'table IV (review and litigation)'),
} as const;

function list(parts: Array<{ label: string; value: number }>): LocalizedText {
  const join = (sep: string) => parts.map((p) => `${p.label} ${formatNumber(p.value)}`).join(sep);
  return localized(join('、'), join('、'), join('; '));
}

export default defineRule({
  id: 'hierarchy-sum',
  meta: {
    severity: 'warning',
    category: 'cross-report',
    docs: {
      'zh-Hans':
        '用户在资料库中标出上下级（一级政府与其部门、乡镇街道）后，同一年度上级报告的表三、表四总计应等于各下级报告之和；每个对不上的数字都列出各下级的数值。',
      en: 'Once the user marks a parent (a government) and its children (its departments, towns and streets) in the library, the parent’s table III and IV totals for a year should equal the sum of the children’s; each figure that does not add up names the children’s values.',
      why: {
        'zh-Hans':
          '督查和评估按地区汇总数据；上级报告的总数与下级之和不符，说明有报告漏报、重报或抄错。也可能上级只报本级数据：因此是警告，由用户判断。',
        en: 'Supervisors add figures up by region; a parent total that differs from its children’s sum means a report left something out, counted twice or copied wrongly. The parent may also report only its own office: hence a warning for the user to judge.',
      },
      fix: {
        'zh-Hans': '核对上级报告的数字是否应包含下级的数字：应包含的，改正合计；不应包含的，在资料库中取消这个上下级标记。',
        en: "Check whether the parent's figures should include its children's: if so, correct the totals; if not, remove the parent–child mark in the library.",
      },
      example: '某县报告“一、本年新收申请”总计 120 件，其 3 个下级报告合计 112 件（县教育局 60、县卫健局 40、某镇 12）。',
      severity: {
        'zh-Hans':
          '只作警告：上级机关的报告可能只统计本级（办公室）而不含下级，上下级关系也是用户标记的；下级缺少当年报告、年份不同或表格无法读取时只作提示，不计算部分之和。',
        en: 'A warning: a parent’s report may count only its own office and not its children, and the parent–child links are the user’s marks; a child without that year’s report, of another year, or with an unreadable table is only a note, and no partial sum is made.',
      },
    },
    messages: {
      mismatch: {
        'zh-Hans': '“{figure}”：本报告为 {parent}，{count} 个下级报告合计 {sum}（{children}）',
        'zh-Hant': '「{figure}」：本報告為 {parent}，{count} 個下級報告合計 {sum}（{children}）',
        en: '"{figure}": {parent} in this report, but its {count} children add up to {sum} ({children})',
      },
      childUnreadable: {
        'zh-Hans': '无法与下级报告 {child} 相加：其{table}未能读出，相关合计不核对',
        'zh-Hant': '無法與下級報告 {child} 相加：其{table}未能讀出，相關合計不核對',
        en: 'Cannot add up child report {child}: its {table} could not be read, so those totals are not checked',
      },
      childMissing: {
        'zh-Hans': '已标出的下级 {children} 在资料库中没有 {year} 年的报告：各项合计无法核对',
        'zh-Hant': '已標出的下級 {children} 在資料庫中沒有 {year} 年的報告：各項合計無法核對',
        en: 'Marked children without a {year} report in the library ({count}): {children}; the totals cannot be checked',
      },
      otherYear: {
        'zh-Hans': '下级报告 {child} 是 {childYear} 年的，本报告是 {year} 年的：未计入合计',
        'zh-Hant': '下級報告 {child} 是 {childYear} 年的，本報告是 {year} 年的：未計入合計',
        en: 'Child report {child} is of {childYear}, this report of {year}: left out of the sums',
      },
    },
  },
  check(report, context, emit) {
    const all = context.children ?? [];
    const missing = context.missingChildren ?? [];
    if (all.length === 0 && missing.length === 0) return;
    const year = report.meta.year;
    const children: NeighbourReport[] = [];
    for (const child of all) {
      const childYear = child.report.meta.year;
      if (year !== null && childYear !== null && childYear !== year) {
        emit('otherYear', { child: child.label, childYear, year }, { kind: 'report' }, undefined, 'info');
      } else children.push(child);
    }
    // A marked child without a report of the year: any sum would be partial, so nothing is compared (not checkable, not an error).
    if (missing.length) {
      const names = (sep: string) => missing.join(sep);
      emit(
        'childMissing',
        { children: localized(names('、'), names('、'), names(', ')), count: missing.length, year: year ?? '?' },
        { kind: 'report' },
        undefined,
        'info',
      );
      return;
    }
    if (children.length === 0) return;
    const unreadable = new Set<string>();
    for (const c of compareWithChildren(report, children)) {
      if (!c.cell || c.parent === null) continue;
      for (const part of c.children) {
        if (part.value !== null) continue;
        const key = `${part.label}\u0000${c.figure.table}`;
        if (unreadable.has(key)) continue;
        unreadable.add(key);
        emit('childUnreadable', { child: part.label, table: TABLE_NAMES[c.figure.table] }, { kind: 'report' }, undefined, 'info');
      }
      if (c.sum === null || Math.abs(c.sum - c.parent) < 1e-9) continue;
      emit(
        'mismatch',
        {
          figure: c.figure.label,
          parent: formatNumber(c.parent),
          count: c.children.length,
          sum: formatNumber(c.sum),
          children: list(c.children.map((p) => ({ label: p.label, value: p.value ?? 0 }))),
        },
        cellLocation(report, c.cell),
      );
    }
  },
});

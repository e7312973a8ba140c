/**
 * A parent report's totals against the sum of its children's (rule hierarchy-sum, and the library's
 * 上下级 table, which must show the same figures the rule checks). Pure: Reports in, numbers out.
 */
import type { ApplicationRow, CellValue, LocalizedText, Report, ReviewGroup } from '../../report/types';
import { GROUP_LABELS, localized, rowLabel } from './labels';
import { numberOf } from './tables';

/** The figures a region's totals are made of: 表三's 总计 column and 表四's three 总计. */
const APPLICATION_FIGURES: readonly ApplicationRow[] = ['new', 'carriedOver', 'granted', 'partial', 'total', 'carriedForward'];
const REVIEW_FIGURES: readonly ReviewGroup[] = ['review', 'litigationDirect', 'litigationAfterReview'];

type HierarchyTable = 'applications' | 'reviewLitigation';

interface HierarchyFigure {
  /** Stable id: `applications.new`, `reviewLitigation.review` … */
  id: string;
  label: LocalizedText;
  table: HierarchyTable;
  read(report: Report): CellValue | undefined;
}

function withTotal(label: LocalizedText): LocalizedText {
  return localized(`${label['zh-Hans']}·总计`, `${label['zh-Hant']}·總計`, `${label.en} / total`);
}

const HIERARCHY_FIGURES: readonly HierarchyFigure[] = [
  ...APPLICATION_FIGURES.map(
    (row): HierarchyFigure => ({
      id: `applications.${row}`,
      label: withTotal(rowLabel(row)),
      table: 'applications',
      read: (r) => r.standard.applications?.rows[row]?.total,
    }),
  ),
  ...REVIEW_FIGURES.map(
    (group): HierarchyFigure => ({
      id: `reviewLitigation.${group}`,
      label: withTotal(GROUP_LABELS[group]),
      table: 'reviewLitigation',
      read: (r) => r.standard.reviewLitigation?.groups[group]?.total,
    }),
  ),
];

interface ChildFigure {
  label: string;
  /** The child's cell read as a number (a blank cell reads 0, as the arithmetic rules do); null when its table could not be read. */
  value: number | null;
}

export interface FigureComparison {
  figure: HierarchyFigure;
  /** The parent's own cell, if its table has it. */
  cell: CellValue | undefined;
  /** The parent's number; null when the cell is absent or not a number. */
  parent: number | null;
  children: ChildFigure[];
  /** The children's sum; null when it is not checkable (a child's table unreadable, or a marked child without a report). */
  sum: number | null;
  /** parent − sum; null when either side is null. */
  difference: number | null;
}

/**
 * Every hierarchy figure of the parent beside its children's values and their sum. `missing` names marked
 * children without a report of the year: with any of them the sum is not checkable (never a partial sum).
 */
export function compareWithChildren(
  parent: Report,
  children: ReadonlyArray<{ report: Report; label: string }>,
  missing: readonly string[] = [],
): FigureComparison[] {
  return HIERARCHY_FIGURES.map((figure) => {
    const cell = figure.read(parent);
    const own = numberOf(cell);
    const parts: ChildFigure[] = children.map((child) => {
      const c = figure.read(child.report);
      return { label: child.label, value: c ? (numberOf(c) ?? 0) : null };
    });
    const complete = missing.length === 0 && children.length > 0 && parts.every((p) => p.value !== null);
    const sum = complete ? parts.reduce((a, p) => a + (p.value ?? 0), 0) : null;
    const difference = own !== null && sum !== null ? own - sum : null;
    return { figure, cell, parent: own, children: parts, sum, difference };
  });
}

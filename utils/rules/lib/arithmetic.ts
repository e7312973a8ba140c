import type { Report } from '../../report/types';
import type { ReportFunction } from '../types';
import { blankNote, cellLocation, evaluate, expression, formatNumber, numberOf, relatedLocations, termData, type Relation } from './tables';

/**
 * Reports every relation that fails, at its anchor (the total that disagrees), with the other terms as
 * related locations, and in data the written-out sum ({expression}), the stated total, the sum and every term
 * with its value and cell (views highlight a term's cell from it). Relations with a blank
 * total, or whose terms are all missing, are left to blank-cells.
 */
export function checkRelations(report: Report, relations: Relation[], emit: ReportFunction<'mismatch' | 'sum'>): void {
  for (const relation of relations) {
    const ev = evaluate(relation);
    if (!ev.checkable || ev.anchorMissing || ev.holds) continue;
    const anchor = relation.anchor.cell!;
    emit(
      'sum',
      {
        label: relation.label,
        left: formatNumber(ev.left),
        right: formatNumber(ev.right),
        difference: formatNumber(Math.abs(ev.left - ev.right)),
        blanks: blankNote(ev.blanks),
        expression: expression(relation),
        stated: formatNumber(numberOf(anchor) ?? 0),
        sum: formatNumber(relation.left.length === 1 ? ev.right : ev.left),
        terms: termData(relation),
      },
      cellLocation(report, anchor),
      relatedLocations(report, relation),
    );
  }
}

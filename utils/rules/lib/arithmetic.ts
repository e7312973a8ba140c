import type { Report } from '../../report/types';
import type { ReportFunction } from '../types';
import { blankNote, cellLocation, evaluate, formatNumber, relatedLocations, type Relation } from './tables';

/**
 * Reports every relation that fails, at its anchor (the total that disagrees), with the other terms as
 * related locations. Relations with a blank total, or whose terms are all missing, are left to blank-cells.
 */
export function checkRelations(report: Report, relations: Relation[], emit: ReportFunction<'mismatch'>): void {
  for (const relation of relations) {
    const ev = evaluate(relation);
    if (!ev.checkable || ev.anchorMissing || ev.holds) continue;
    const anchor = relation.anchor.cell!;
    emit(
      'mismatch',
      {
        label: relation.label,
        left: formatNumber(ev.left),
        right: formatNumber(ev.right),
        difference: formatNumber(Math.abs(ev.left - ev.right)),
        blanks: blankNote(ev.blanks),
      },
      cellLocation(report, anchor),
      relatedLocations(report, relation),
    );
  }
}

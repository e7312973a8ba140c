import type { LocalizedText, Report } from '../../report/types';
import type { ReportFunction } from '../types';
import { blankNote, cellLocation, evaluate, expression, formatNumber, numberOf, type Relation, relatedLocations, termData } from './tables';

/**
 * Reports every relation that fails, at its anchor (the total that disagrees), with the other terms as
 * related locations, and in data the written-out sum ({expression}), the stated total, the sum and every term
 * with its value and cell (views highlight a term's cell from it). Relations with a blank
 * total, or whose terms are all missing, are left to blank-cells.
 */
export function checkRelations(report: Report, relations: Relation[], emit: ReportFunction<'mismatch' | 'sum' | 'pictureSum'>): void {
  for (const relation of relations) {
    const ev = evaluate(relation);
    if (!ev.checkable || ev.anchorMissing) continue;
    emit.checked?.();
    if (ev.holds) continue;
    const anchor = relation.anchor.cell!;
    emit(
      readFromPicture(relation) ? 'pictureSum' : 'sum',
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

/** A relation any of whose cells was read from a picture (every one confidently, or it would not be checked here). */
function readFromPicture(relation: Relation): boolean {
  return [relation.anchor, ...relation.left, ...relation.right].some((t) => t.cell?.read?.placed === 'picture');
}

/**
 * A sum's message when the table was read from a picture (issue 18): the same words, then that the table was
 * read from a picture, every term with confidence, so the reader can look at the picture.
 */
export function pictureSum(template: LocalizedText): LocalizedText {
  return {
    'zh-Hans': `${template['zh-Hans']}（此表格为图片，由图片识别读出，各项识别把握充足）`,
    'zh-Hant': `${template['zh-Hant']}（此表格為圖片，由圖片辨識讀出，各項辨識把握充足）`,
    en: `${template.en} (the table is a picture, read by OCR, every term with confidence)`,
  };
}

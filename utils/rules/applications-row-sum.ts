import { checkRelations, pictureSum } from './lib/arithmetic';
import { applicationRelations } from './lib/tables';
import { defineRule } from './types';

/** A failed sum's message (also read from a picture: pictureSum). */
const SUM = {
  'zh-Hans': '申请情况表“{label}”行：总计为 {left}，而六类申请人之和为 {right}，相差 {difference}：{expression}{blanks}',
  'zh-Hant': '申請情況表「{label}」行：總計為 {left}，而六類申請人之和為 {right}，相差 {difference}：{expression}{blanks}',
  en: 'Applications table, row "{label}": total is {left} but the six applicant columns add up to {right}, off by {difference}: {expression}{blanks}',
};

export default defineRule({
  id: 'applications-row-sum',
  meta: {
    severity: 'error',
    category: 'tables',
    docs: {
      'zh-Hans': '申请情况表每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。',
      en: 'Applications table, every row: total = natural persons + the five kinds of organisation.',
      why: {
        'zh-Hans':
          '总计列是六类申请人之和；不一致说明某一格或总计填错。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。',
        en: 'The total column is the sum of the six applicant columns; a difference means a cell or the total is wrong. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead.',
      },
      fix: {
        'zh-Hans': '把该行各申请人栏相加，与“总计”栏对照，改正错的那一格。',
        en: 'Add up the applicant columns of the row, compare the sum with the total column, and correct the wrong cell.',
      },
      example: '一、本年新收：自然人 3，商业企业 1，其他为 0，总计 3。',
    },
    messages: {
      // Saved findings of earlier versions (no written-out sum in their data).
      mismatch: {
        'zh-Hans': '申请情况表“{label}”行：总计为 {left}，而六类申请人之和为 {right}，相差 {difference}{blanks}',
        'zh-Hant': '申請情況表「{label}」行：總計為 {left}，而六類申請人之和為 {right}，相差 {difference}{blanks}',
        en: 'Applications table, row "{label}": total is {left} but the six applicant columns add up to {right}, off by {difference}{blanks}',
      },
      sum: SUM,
      pictureSum: pictureSum(SUM),
    },
  },
  check(report, _context, emit) {
    checkRelations(
      report,
      applicationRelations(report).filter((r) => r.kind === 'row'),
      emit,
    );
  },
});

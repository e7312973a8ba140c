import { checkRelations, pictureSum } from './lib/arithmetic';
import { applicationRelations } from './lib/tables';
import { defineRule } from './types';

/** A failed sum's message (also read from a picture: pictureSum). */
const SUM = {
  'zh-Hans': '申请情况表“{label}”列：（七）总计为 {left}，而各项办理结果之和为 {right}，相差 {difference}：{expression}{blanks}',
  'zh-Hant': '申請情況表「{label}」列：（七）總計為 {left}，而各項辦理結果之和為 {right}，相差 {difference}：{expression}{blanks}',
  en: 'Applications table, column "{label}": (7) total is {left} but the outcomes add up to {right}, off by {difference}: {expression}{blanks}',
};

export default defineRule({
  id: 'applications-outcome-sum',
  meta: {
    severity: 'error',
    category: 'tables',
    docs: {
      'zh-Hans':
        '申请情况表每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）1–8 + （四）1–3 + （五）1–5 + （六）（2021 版为（六）1–3）。',
      en: 'Applications table, every column: (7) total = (1) + (2) + (3)1–8 + (4)1–3 + (5)1–5 + (6) (in the 2021 format (6)1–3).',
      why: {
        'zh-Hans':
          '办理结果各项之和必须等于总计，否则总计或某项结果填错。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。',
        en: 'The outcomes must add up to the total handled; otherwise the total or one outcome is wrong. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead.',
      },
      fix: {
        'zh-Hans': '把（一）至（六）各项办理结果逐项加总，与（七）总计对照；找出漏填、重填或填错行的格并改正。',
        en: 'Add up outcomes (1) to (6) item by item and compare them with (7) total; find the cell left out, counted twice or entered on the wrong row, and correct it.',
      },
      example: '（三）不予公开 2. 其他法律行政法规禁止公开 填 1，（七）总计 填 0。',
    },
    messages: {
      // Saved findings of earlier versions (no written-out sum in their data).
      mismatch: {
        'zh-Hans': '申请情况表“{label}”列：（七）总计为 {left}，而各项办理结果之和为 {right}，相差 {difference}{blanks}',
        'zh-Hant': '申請情況表「{label}」列：（七）總計為 {left}，而各項辦理結果之和為 {right}，相差 {difference}{blanks}',
        en: 'Applications table, column "{label}": (7) total is {left} but the outcomes add up to {right}, off by {difference}{blanks}',
      },
      sum: SUM,
      pictureSum: pictureSum(SUM),
    },
  },
  check(report, _context, emit) {
    checkRelations(
      report,
      applicationRelations(report).filter((r) => r.kind === 'outcome'),
      emit,
    );
  },
});

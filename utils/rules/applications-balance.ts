import { checkRelations, pictureSum } from './lib/arithmetic';
import { applicationRelations } from './lib/tables';
import { defineRule } from './types';

/** A failed sum's message (also read from a picture: pictureSum). */
const SUM = {
  'zh-Hans': '申请情况表“{label}”列：一+二 = {left}，而（七）总计+四 = {right}，相差 {difference}：{expression}{blanks}',
  'zh-Hant': '申請情況表「{label}」列：一+二 = {left}，而（七）總計+四 = {right}，相差 {difference}：{expression}{blanks}',
  en: 'Applications table, column "{label}": I + II = {left} but (7) total + IV = {right}, off by {difference}: {expression}{blanks}',
};

export default defineRule({
  id: 'applications-balance',
  meta: {
    severity: 'error',
    category: 'tables',
    docs: {
      'zh-Hans': '申请情况表每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。',
      en: 'Applications table, every column: I (new) + II (carried over) = (7) total handled + IV (carried forward).',
      why: {
        'zh-Hans':
          '这是表格表头自己写明的勾稽关系；不成立说明有申请“凭空出现”或“下落不明”。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。',
        en: 'The table header states this relation itself; when it fails, applications appear from nowhere or go missing. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead.',
      },
      fix: {
        'zh-Hans':
          '对照申请台账逐列核对：本年新收与上年结转之和，应等于本年办结（（七）总计）与结转下年度之和；改正填错的单元格后重新发布年报。',
        en: 'Check each column against the register of applications: new plus carried over must equal handled ((7) total) plus carried forward; correct the wrong cell and republish the report.',
      },
      example: '一、本年新收 1 件，二、上年结转 0 件，（七）总计 0 件，四、结转下年度 0 件：1 + 0 ≠ 0 + 0。',
    },
    messages: {
      // Saved findings of earlier versions (no written-out sum in their data).
      mismatch: {
        'zh-Hans': '申请情况表“{label}”列：一+二 = {left}，而（七）总计+四 = {right}，相差 {difference}{blanks}',
        'zh-Hant': '申請情況表「{label}」列：一+二 = {left}，而（七）總計+四 = {right}，相差 {difference}{blanks}',
        en: 'Applications table, column "{label}": I + II = {left} but (7) total + IV = {right}, off by {difference}{blanks}',
      },
      sum: SUM,
      pictureSum: pictureSum(SUM),
    },
  },
  check(report, _context, emit) {
    checkRelations(
      report,
      applicationRelations(report).filter((r) => r.kind === 'balance'),
      emit,
    );
  },
});

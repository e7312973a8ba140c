import { checkRelations, pictureSum } from './lib/arithmetic';
import { reviewRelations } from './lib/tables';
import { defineRule } from './types';

/** A failed sum's message (also read from a picture: pictureSum). */
const SUM = {
  'zh-Hans': '{label}：总计为 {left}，而维持、纠正、其他、尚未审结之和为 {right}，相差 {difference}：{expression}{blanks}',
  'zh-Hant': '{label}：總計為 {left}，而維持、糾正、其他、尚未審結之和為 {right}，相差 {difference}：{expression}{blanks}',
  en: '{label}: total is {left} but upheld + corrected + other + pending = {right}, off by {difference}: {expression}{blanks}',
};

export default defineRule({
  id: 'review-litigation-sum',
  meta: {
    severity: 'error',
    category: 'tables',
    docs: {
      'zh-Hans': '行政复议、行政诉讼情况表每一组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。',
      en: 'Review and litigation table, each group: upheld + corrected + other + pending = total.',
      why: {
        'zh-Hans':
          '每一起复议或诉讼必有一种结果或尚未审结；总计与四项之和不符说明数据有误。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。',
        en: 'Every case has one outcome or is pending, so the four must add up to the total. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead.',
      },
      fix: {
        'zh-Hans': '把结果维持、结果纠正、其他结果、尚未审结四项相加，与该组“总计”对照并改正。',
        en: "Add up upheld, corrected, other and pending, compare the sum with the group's total, and correct it.",
      },
      example: '行政诉讼（未经复议直接起诉）：结果维持 2，其他均为 0，总计 0。',
    },
    messages: {
      // Saved findings of earlier versions (no written-out sum in their data).
      mismatch: {
        'zh-Hans': '{label}：总计为 {left}，而维持、纠正、其他、尚未审结之和为 {right}，相差 {difference}{blanks}',
        'zh-Hant': '{label}：總計為 {left}，而維持、糾正、其他、尚未審結之和為 {right}，相差 {difference}{blanks}',
        en: '{label}: total is {left} but upheld + corrected + other + pending = {right}, off by {difference}{blanks}',
      },
      sum: SUM,
      pictureSum: pictureSum(SUM),
    },
  },
  check(report, _context, emit) {
    checkRelations(report, reviewRelations(report), emit);
  },
});

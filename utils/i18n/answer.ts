/**
 * The answer line and the plain categories of findings (issue 21.7), part of the one catalogue (utils/i18n): kept
 * apart from STRINGS because the report script takes them with its later part (components/shared/answer.ts).
 */
import type { Locale } from '../report/types';

/** Plain categories of findings (components/shared/answer.ts maps rules to them). */
export type FindingCategory = 'sums' | 'proseTable' | 'missing' | 'form' | 'copied' | 'unchecked';

export interface AnswerStrings {
  categories: Record<FindingCategory, string>;
  categoryCount: (n: number, label: string) => string;
  listSeparator: string;
  answerClean: string;
  answerChecked: (n: number) => string;
}

export const ANSWER_STRINGS: Record<Locale, AnswerStrings> = {
  'zh-Hans': {
    categories: {
      sums: '数字对不上',
      proseTable: '表格与正文不一致',
      missing: '缺少内容',
      form: '格式与期限',
      copied: '照搬往年',
      unchecked: '无法核对',
    },
    categoryCount: (n, label) => `${n} 处${label}`,
    listSeparator: '、',
    answerClean: '未发现数字问题',
    answerChecked: (n) => `已核对 ${n} 项`,
  },
  'zh-Hant': {
    categories: {
      sums: '數字對不上',
      proseTable: '表格與正文不一致',
      missing: '缺少內容',
      form: '格式與期限',
      copied: '照搬往年',
      unchecked: '無法核對',
    },
    categoryCount: (n, label) => `${n} 處${label}`,
    listSeparator: '、',
    answerClean: '未發現數字問題',
    answerChecked: (n) => `已核對 ${n} 項`,
  },
  en: {
    categories: {
      sums: 'Figures that do not add up',
      proseTable: 'Text and table disagree',
      missing: 'Missing content',
      form: 'Format and deadlines',
      copied: 'Copied from another year',
      unchecked: 'Could not be checked',
    },
    categoryCount: (n, label) => `${label}: ${n}`,
    listSeparator: ' · ',
    answerClean: 'No number problems found',
    answerChecked: (n) => `${n} checked`,
  },
};

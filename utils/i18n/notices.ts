/**
 * What the background answers when an action cannot be done, by id (utils/i18n/said.ts), worded by the panel,
 * the popup and pdf.html. Part of the
 * one catalogue (utils/i18n), kept apart from STRINGS so the report script does not carry it.
 */
import type { Locale } from '../report/types';

export interface Notices {
  nothingToSave: string;
  notSaved: string;
  nothingToReview: string;
  noFindingToReview: string;
  invalidReview: string;
  reviewNotSaved: string;
  saveFailed: string;
  /** The background did not answer a save (its worker stopped mid-save). */
  saveUnanswered: string;
  removeFailed: string;
}

export const NOTICES: Record<Locale, Notices> = {
  'zh-Hans': {
    nothingToSave: '没有可保存的年报。',
    notSaved: '此报告未保存。',
    nothingToReview: '没有可审核的年报。',
    noFindingToReview: '没有可审核的问题。',
    invalidReview: '无效的审核。',
    reviewNotSaved: '审核未保存：',
    saveFailed: '保存失败：',
    saveUnanswered: '未能保存：扩展的后台没有回应，年报库未写入，请再点一次保存',
    removeFailed: '移除失败：',
  },
  'zh-Hant': {
    nothingToSave: '沒有可保存的年報。',
    notSaved: '此報告未保存。',
    nothingToReview: '沒有可審核的年報。',
    noFindingToReview: '沒有可審核的問題。',
    invalidReview: '無效的審核。',
    reviewNotSaved: '審核未保存：',
    saveFailed: '保存失敗：',
    saveUnanswered: '未能保存：擴充功能的後台沒有回應，年報庫未寫入，請再點一次保存',
    removeFailed: '移除失敗：',
  },
  en: {
    nothingToSave: 'There is no report to save.',
    notSaved: 'This report is not saved.',
    nothingToReview: 'There is no report to review.',
    noFindingToReview: 'There is no finding to review.',
    invalidReview: 'Invalid review.',
    reviewNotSaved: 'The review was not saved: ',
    saveFailed: 'Saving failed: ',
    saveUnanswered: 'Not saved: the extension did not answer and nothing was written to the library; press Save again',
    removeFailed: 'Removing failed: ',
  },
};

/**
 * Why a library or batch action failed, in the three locales: part of the one catalogue (utils/i18n).
 * A LibraryError (utils/library/errors.ts) and a batch answer's error (utils/batch/protocol.ts) carry a
 * message id and its data, never words; the page that shows one renders the words here, in the reader's
 * language, when it shows them.
 */
import type { Locale } from '../report/types';

export type ErrorMessageId =
  | 'quota'
  | 'open-failed'
  | 'save-failed'
  | 'write-failed'
  | 'not-found'
  | 'no-finding-to-review'
  | 'invalid-review'
  | 'hierarchy-pair'
  | 'not-library-page'
  | 'not-extension-page'
  | 'unknown-operation'
  | 'import-malformed'
  | 'import-foreign'
  | 'import-newer'
  | 'import-oversized'
  | 'import-hostile'
  | 'import-huge-string'
  | 'import-invalid'
  // The batch service's refusals (utils/batch/protocol.ts BatchError).
  | 'batch-no-address'
  | 'batch-no-listing-links'
  | 'batch-too-many'
  | 'batch-no-run'
  | 'batch-unknown-action'
  | 'batch-retry-failed-only'
  // A message to the background that nobody answered (its service not running, the extension reloading).
  | 'no-answer';

export interface ErrorMessageData {
  /** 'import-oversized': the limit ("256 MB"); absent when the upload itself grew too large. */
  size?: string;
  /** 'import-newer': the file's format version. */
  version?: number | string;
  /** 'import-hostile': the forbidden key. */
  key?: string;
  /** 'import-huge-string': the longest string allowed, in characters. */
  chars?: number;
  /** 'import-invalid': where in the file it failed (a path of keys). */
  path?: string;
  /** 'batch-too-many': the most addresses one run takes. */
  max?: number;
}

/** A library message as it is kept and sent: an id and its data, rendered when shown. */
export interface ErrorMessage {
  id: ErrorMessageId;
  data?: ErrorMessageData;
}

type Messages = Record<ErrorMessageId, (d: ErrorMessageData) => string>;

export const ERROR_MESSAGES: Record<Locale, Messages> = {
  'zh-Hans': {
    quota: () => '存储空间不足，报告未保存。请在报告库中删除一些报告或导出后清理，再重试。已保存的内容没有丢失。',
    'open-failed': () => '无法打开报告库（浏览器可能处于隐私模式或禁用了本地存储）。报告可以照常检查，但不能保存。',
    'save-failed': () => '保存失败，报告库没有任何改动。请重试。',
    'write-failed': () => '写入报告库失败，报告库没有任何改动。请重试。',
    'not-found': () => '报告不存在或已删除。',
    'no-finding-to-review': () => '没有可审核的问题。',
    'invalid-review': () => '无效的审核。',
    'hierarchy-pair': () => '请选择两个不同的机关作为上级和下级。',
    'not-library-page': () => '只有年报库页面可以修改年报库。',
    'not-extension-page': () => '只有扩展页面可以发起批量检查。',
    'unknown-operation': () => '未知操作。',
    'import-malformed': () => '文件不是有效的 JSON（可能已损坏或被截断），未导入任何内容。',
    'import-foreign': () => '这不是“年报体检”导出的报告库文件，未导入任何内容。',
    'import-newer': (d) => `此文件来自更新版本的“年报体检”（格式版本 ${d.version ?? '?'}），请先升级扩展。未导入任何内容。`,
    'import-oversized': (d) => (d.size ? `文件过大（超过 ${d.size}），未导入任何内容。` : '文件过大，未导入任何内容。'),
    'import-hostile': (d) => `文件含有不允许的键名（${d.key ?? ''}），可能是恶意文件，未导入任何内容。`,
    'import-huge-string': (d) => `文件中有超长文本（超过 ${d.chars ?? '?'} 个字符），未导入任何内容。`,
    'import-invalid': (d) => `文件内容不符合报告库格式（${d.path ?? ''}），未导入任何内容。`,
    'batch-no-address': () => '没有可检查的地址（只接受 http 或 https 开头的网址）。',
    'batch-no-listing-links': () => '列表的其他页中没有找到年报链接。',
    'batch-too-many': (d) => `一次最多检查 ${d.max ?? '?'} 个地址。`,
    'batch-no-run': () => '没有这次批量检查。',
    'batch-unknown-action': () => '未知操作。',
    'batch-retry-failed-only': () => '只能重试失败的项目。',
    'no-answer': () => '扩展的后台没有回应，请重试。',
  },
  'zh-Hant': {
    quota: () => '儲存空間不足，報告未儲存。請在報告庫中刪除一些報告或匯出後清理，再重試。已儲存的內容沒有遺失。',
    'open-failed': () => '無法開啟報告庫（瀏覽器可能處於隱私模式或停用了本機儲存）。報告可以照常檢查，但不能儲存。',
    'save-failed': () => '儲存失敗，報告庫沒有任何變動。請重試。',
    'write-failed': () => '寫入報告庫失敗，報告庫沒有任何變動。請重試。',
    'not-found': () => '報告不存在或已刪除。',
    'no-finding-to-review': () => '沒有可審核的問題。',
    'invalid-review': () => '無效的審核。',
    'hierarchy-pair': () => '請選擇兩個不同的機關作為上級和下級。',
    'not-library-page': () => '只有年報庫頁面可以修改年報庫。',
    'not-extension-page': () => '只有擴充功能頁面可以發起批量檢查。',
    'unknown-operation': () => '未知操作。',
    'import-malformed': () => '檔案不是有效的 JSON（可能已損壞或被截斷），未匯入任何內容。',
    'import-foreign': () => '這不是「年報體檢」匯出的報告庫檔案，未匯入任何內容。',
    'import-newer': (d) => `此檔案來自更新版本的「年報體檢」（格式版本 ${d.version ?? '?'}），請先升級擴充功能。未匯入任何內容。`,
    'import-oversized': (d) => (d.size ? `檔案過大（超過 ${d.size}），未匯入任何內容。` : '檔案過大，未匯入任何內容。'),
    'import-hostile': (d) => `檔案含有不允許的鍵名（${d.key ?? ''}），可能是惡意檔案，未匯入任何內容。`,
    'import-huge-string': (d) => `檔案中有超長文字（超過 ${d.chars ?? '?'} 個字元），未匯入任何內容。`,
    'import-invalid': (d) => `檔案內容不符合報告庫格式（${d.path ?? ''}），未匯入任何內容。`,
    'batch-no-address': () => '沒有可檢查的網址（只接受 http 或 https 開頭的網址）。',
    'batch-no-listing-links': () => '列表的其他頁中沒有找到年報連結。',
    'batch-too-many': (d) => `一次最多檢查 ${d.max ?? '?'} 個網址。`,
    'batch-no-run': () => '沒有這次批量檢查。',
    'batch-unknown-action': () => '未知操作。',
    'batch-retry-failed-only': () => '只能重試失敗的項目。',
    'no-answer': () => '擴充功能的背景程式沒有回應，請重試。',
  },
  en: {
    quota: () =>
      'Storage is full: the report was not saved. Delete or export some reports in the library, then retry. Nothing already saved was lost.',
    'open-failed': () =>
      'The library could not be opened (the browser may be in private mode or block local storage). Reports can still be checked but not saved.',
    'save-failed': () => 'Saving failed; the library was not changed. Please retry.',
    'write-failed': () => 'Writing to the library failed; it was not changed. Please retry.',
    'not-found': () => 'The report does not exist or was already deleted.',
    'no-finding-to-review': () => 'There is no finding to review.',
    'invalid-review': () => 'Invalid review.',
    'hierarchy-pair': () => 'Choose two different agencies as parent and child.',
    'not-library-page': () => 'Only the library page may change the library.',
    'not-extension-page': () => 'Only the extension’s pages may run batch checks.',
    'unknown-operation': () => 'Unknown operation.',
    'import-malformed': () => 'The file is not valid JSON (corrupt or truncated); nothing was imported.',
    'import-foreign': () => 'This is not a Report Lens library export; nothing was imported.',
    'import-newer': (d) =>
      `This file comes from a newer Report Lens (format version ${d.version ?? '?'}); update the extension first. Nothing was imported.`,
    'import-oversized': (d) =>
      d.size ? `The file is too large (over ${d.size}); nothing was imported.` : 'The file is too large; nothing was imported.',
    'import-hostile': (d) => `The file contains a forbidden key (${d.key ?? ''}) and may be hostile; nothing was imported.`,
    'import-huge-string': (d) => `The file contains an over-long string (over ${d.chars ?? '?'} characters); nothing was imported.`,
    'import-invalid': (d) => `The file does not match the library format (${d.path ?? ''}); nothing was imported.`,
    'batch-no-address': () => 'No address to check (only http and https addresses are accepted).',
    'batch-no-listing-links': () => 'No report links were found on the listing’s other pages.',
    'batch-too-many': (d) => `At most ${d.max ?? '?'} addresses can be checked in one run.`,
    'batch-no-run': () => 'There is no such batch run.',
    'batch-unknown-action': () => 'Unknown action.',
    'batch-retry-failed-only': () => 'Only a failed item can be retried.',
    'no-answer': () => 'The extension’s background did not answer; please retry.',
  },
};

const ids = new Set(Object.keys(ERROR_MESSAGES.en));

/** The message an error means: a LibraryError, its wire copy, or the code of one whose message id is unknown. */
export function messageOf(error: object): ErrorMessage | null {
  const e = error as { text?: unknown; code?: unknown };
  const text = e.text as { id?: unknown; data?: unknown } | undefined;
  if (text && typeof text.id === 'string' && ids.has(text.id)) {
    const data = text.data && typeof text.data === 'object' ? (text.data as ErrorMessageData) : {};
    return { id: text.id as ErrorMessageId, data };
  }
  return null;
}

/**
 * A library error in the reader's language. Reads every shape it may meet: a LibraryError or its wire copy
 * ({ code, text: { id, data } }); the older wire shape with ready words ({ code, zh, en }), which a library
 * page may still receive from a background not yet updated; any other error, as its own words.
 */
export function errorText(error: unknown, locale: Locale): string {
  if (error && typeof error === 'object') {
    const message = messageOf(error);
    if (message) return (ERROR_MESSAGES[locale] ?? ERROR_MESSAGES['zh-Hans'])[message.id](message.data ?? {});
    const old = error as { zh?: unknown; en?: unknown };
    if (typeof old.zh === 'string' || typeof old.en === 'string') {
      const zh = typeof old.zh === 'string' ? old.zh : String(old.en);
      return locale === 'en' && typeof old.en === 'string' ? old.en : zh;
    }
    // A LibraryError-like object with a known kind but no message: the kind's own words.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && ids.has(code)) return (ERROR_MESSAGES[locale] ?? ERROR_MESSAGES['zh-Hans'])[code as ErrorMessageId]({});
    if (error instanceof Error) return error.message;
  }
  return String(error);
}

/** A batch answer's error ({ text, detail }) in the reader's language, its technical detail after it. */
export function batchErrorText(error: { text?: unknown; detail?: unknown } | null | undefined, locale: Locale): string {
  const text = error ? errorText(error, locale) : ERROR_MESSAGES[locale]['no-answer']({});
  const detail = error && typeof error.detail === 'string' && error.detail ? error.detail : '';
  return detail ? `${text} (${detail})` : text;
}

/** The error of a message nobody answered: the plain message, the exception's words as the detail. */
export function noAnswer(e: unknown): { text: ErrorMessage; detail?: string } {
  const detail = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return { text: { id: 'no-answer' }, ...(detail ? { detail } : {}) };
}

/**
 * Library and batch errors carry a message id and data; the page words them when it shows them, in the
 * reader's language. Older shapes (ready words, { code, zh, en }) still render and never throw.
 */
import { describe, expect, it } from 'vitest';
import { batchErrorText, errorText, noAnswer } from '../../../utils/i18n/errors';
import { LibraryError, wireError } from '../../../utils/library/errors';

describe('a library error is worded when shown', () => {
  it('in each of the three languages, with its data', () => {
    const e = new LibraryError('import-newer', 'import-newer', { version: 7 });
    expect(errorText(e, 'zh-Hans')).toBe('此文件来自更新版本的“年报体检”（格式版本 7），请先升级扩展。未导入任何内容。');
    expect(errorText(e, 'zh-Hant')).toBe('此檔案來自更新版本的「年報體檢」（格式版本 7），請先升級擴充功能。未匯入任何內容。');
    expect(errorText(e, 'en')).toBe(
      'This file comes from a newer Report Lens (format version 7); update the extension first. Nothing was imported.',
    );
  });

  it('carries no words of its own: its message for logs is the English text and the detail', () => {
    const e = new LibraryError('quota', 'quota', {}, 'QuotaExceededError: full');
    expect(e.text).toEqual({ id: 'quota', data: {} });
    expect(e).not.toHaveProperty('zh');
    expect(e.message).toMatch(/^Storage is full: .* \(QuotaExceededError: full\)$/);
  });

  it('crosses messaging as plain data and comes back the same error', () => {
    const sent = JSON.parse(JSON.stringify({ code: 'import-hostile', text: { id: 'import-hostile', data: { key: '__proto__' } } }));
    const back = wireError(sent);
    expect(back).toBeInstanceOf(LibraryError);
    expect(back.code).toBe('import-hostile');
    expect(errorText(back, 'en')).toBe('The file contains a forbidden key (__proto__) and may be hostile; nothing was imported.');
    expect(errorText(sent, 'zh-Hans')).toBe('文件含有不允许的键名（__proto__），可能是恶意文件，未导入任何内容。');
  });

  it('reads the older wire shape with ready words, and a damaged one, without throwing', () => {
    const old = { code: 'write-failed', zh: '未知操作。', en: 'Unknown operation.' };
    expect(errorText(old, 'zh-Hans')).toBe('未知操作。');
    expect(errorText(old, 'en')).toBe('Unknown operation.');
    // Only Simplified words were kept: the Traditional reader sees them rather than nothing.
    expect(errorText(old, 'zh-Hant')).toBe('未知操作。');
    // Back into an error: its kind's own message, the old English as the detail.
    const back = wireError(old);
    expect(errorText(back, 'zh-Hant')).toBe('寫入報告庫失敗，報告庫沒有任何變動。請重試。');
    expect(back.detail).toBe('Unknown operation.');
    for (const damaged of [null, undefined, 42, 'x', {}, { code: 'nonsense', text: { id: 'nonsense' } }]) {
      expect(() => wireError(damaged)).not.toThrow();
      expect(wireError(damaged).code).toBe('write-failed');
    }
    expect(errorText({ code: 'quota' }, 'en')).toMatch(/^Storage is full/);
    expect(errorText(new Error('boom'), 'en')).toBe('boom');
    expect(errorText('plain words', 'zh-Hans')).toBe('plain words');
  });
});

describe('a batch refusal is worded when shown', () => {
  it('from its id and data, the technical detail after it', () => {
    expect(batchErrorText({ text: { id: 'batch-too-many', data: { max: 10000 } } }, 'zh-Hans')).toBe('一次最多检查 10000 个地址。');
    expect(batchErrorText({ text: { id: 'batch-too-many', data: { max: 10000 } } }, 'en')).toBe(
      'At most 10000 addresses can be checked in one run.',
    );
    expect(batchErrorText(noAnswer(new Error('Receiving end does not exist.')), 'zh-Hant')).toBe(
      '擴充功能的背景程式沒有回應，請重試。 (Receiving end does not exist.)',
    );
    expect(batchErrorText(undefined, 'en')).toBe('The extension’s background did not answer; please retry.');
    // The shape of a version before ids: its own words.
    expect(batchErrorText({ zh: '没有这次批量检查。', en: 'There is no such batch run.' } as never, 'en')).toBe(
      'There is no such batch run.',
    );
  });
});

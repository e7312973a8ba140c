/**
 * The background answers a failed save, review or removal with what to say, never the words (issue 20, one
 * voice): the panel, the popup and pdf.html word it in the reader's language when they show it, so the same
 * answer reads in Simplified, Traditional or English. fakeBrowser (storage.session, action), fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BadgeService } from '../../../entrypoints/background/badge';
import { LibraryService } from '../../../entrypoints/background/library';
import { TabState } from '../../../entrypoints/background/tab-state';
import { saidText, sayError } from '../../../utils/i18n/said';
import { LibraryError } from '../../../utils/library/errors';
import { openLibrary } from '../../../utils/library/store';
import { dbName, makeReport } from '../library/builder';

beforeEach(() => fakeBrowser.reset());

function setUp(failWith?: unknown) {
  const library = new LibraryService(() => openLibrary(dbName()));
  if (failWith !== undefined) {
    library.save = async () => {
      throw failWith;
    };
    library.review = async () => {
      throw failWith;
    };
  }
  return { tabs: new TabState(library, new BadgeService()), library };
}

const url = 'https://www.example.gov.cn/xxgk/2021nb.html';

describe('a failed save, review or removal is answered by id', () => {
  it('a full disk: the library error by its message id, kept on the tab, worded in each language by the reader', async () => {
    const { tabs } = setUp(new LibraryError('quota'));
    await tabs.checked(7, 0, { url, report: makeReport({ url }), findings: [], save: false });
    const answer = await tabs.save(7);
    expect(answer).toEqual({ ok: false, error: { error: { id: 'quota', data: {} } } });
    const kept = (await tabs.get(7))?.saveError;
    expect(kept).toEqual({ error: { id: 'quota', data: {} } });
    expect(saidText(kept!, 'zh-Hans')).toBe(
      '存储空间不足，报告未保存。请在报告库中删除一些报告或导出后清理，再重试。已保存的内容没有丢失。',
    );
    expect(saidText(kept!, 'zh-Hant')).toBe(
      '儲存空間不足，報告未儲存。請在報告庫中刪除一些報告或匯出後清理，再重試。已儲存的內容沒有遺失。',
    );
    expect(saidText(kept!, 'en')).toMatch(/^Storage is full/);
  });

  it('any other failure: the notice, with the failure’s own words after it', async () => {
    const { tabs } = setUp(new TypeError('db closed'));
    await tabs.checked(7, 0, { url, report: makeReport({ url }), findings: [], save: false });
    const answer = await tabs.save(7);
    expect(answer).toEqual({ ok: false, error: { notice: 'saveFailed', detail: 'db closed' } });
    if (answer.ok) throw new Error('saved');
    expect(saidText(answer.error, 'zh-Hans')).toBe('保存失败：db closed');
    expect(saidText(answer.error, 'en')).toBe('Saving failed: db closed');
  });

  it('nothing to save, review or remove: notices without words of their own', async () => {
    const { tabs } = setUp();
    expect(await tabs.save(3)).toEqual({ ok: false, error: { notice: 'nothingToSave' } });
    expect(await tabs.remove(3)).toEqual({ ok: false, error: { notice: 'notSaved' } });
    expect(await tabs.review(3, 'k', { status: 'confirmed' })).toEqual({ ok: false, error: { notice: 'nothingToReview' } });
    expect(await tabs.review(3, '', { status: 'confirmed' })).toEqual({ ok: false, error: { notice: 'noFindingToReview' } });
    expect(saidText({ notice: 'nothingToReview' }, 'zh-Hant')).toBe('沒有可審核的年報。');
    expect(saidText({ notice: 'notSaved' }, 'en')).toBe('This report is not saved.');
  });

  it('a review the library refused: reviewNotSaved and the reason; unsaved, the failed save first', async () => {
    const unsaved = setUp(new Error('locked'));
    await unsaved.tabs.checked(7, 0, { url, report: makeReport({ url }), findings: [], save: false });
    // The report is not saved yet, so the review saves it first: that save fails the same way.
    expect(await unsaved.tabs.review(7, 'some-finding', { status: 'dismissed' })).toEqual({
      ok: false,
      error: { notice: 'saveFailed', detail: 'locked' },
    });

    const { tabs, library } = setUp();
    library.review = async () => {
      throw new Error('locked');
    };
    await tabs.checked(8, 0, { url, report: makeReport({ url }), findings: [], save: true });
    const answer = await tabs.review(8, 'some-finding', { status: 'dismissed' });
    expect(answer).toEqual({ ok: false, error: { notice: 'reviewNotSaved', detail: 'locked' } });
    if (answer.ok) throw new Error('reviewed');
    expect(saidText(answer.error, 'zh-Hant')).toBe('審核未保存：locked');
  });
});

describe('sayError and saidText', () => {
  it('a LibraryError’s wire copy keeps its message and data; a string from an older background is shown as it came', () => {
    const wire = JSON.parse(
      JSON.stringify({ name: 'LibraryError', code: 'import-newer', text: { id: 'import-newer', data: { version: 9 } } }),
    );
    expect(sayError(wire, 'saveFailed')).toEqual({ error: { id: 'import-newer', data: { version: 9 } } });
    expect(saidText('保存失败：旧的后台', 'en')).toBe('保存失败：旧的后台');
    expect(saidText({ notice: 'saveUnanswered' }, 'zh-Hans')).toBe('未能保存：扩展的后台没有回应，年报库未写入，请再点一次保存');
  });
});

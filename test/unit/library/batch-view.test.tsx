// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type BatchClient, BatchView } from '../../../components/library/BatchView';
import { failureText, readPastedList, runControls, runProgress, shownRun, sitesToAsk } from '../../../components/library/batch-model';
import { LibraryContext, type LibraryContextValue } from '../../../components/library/context';
import { LibraryService } from '../../../entrypoints/background/library';
import type { BatchStart } from '../../../utils/batch/protocol';
import type { BatchItem, BatchRun } from '../../../utils/batch/queue';
import { LIBRARY_STRINGS } from '../../../utils/i18n/library';
import { createBatchRun } from '../../../utils/library/batch-store';
import { type LibraryDB, openLibrary } from '../../../utils/library/store';
import { dbName } from './builder';

const zh = LIBRARY_STRINGS['zh-Hans'].batch;
const en = LIBRARY_STRINGS.en.batch;
const HOST = 'http://www.qingxi.gov.cn/scjgj/zfxxgk/ndbg';

const item = (order: number, state: BatchItem['state'], extra: Partial<BatchItem> = {}): BatchItem => ({
  id: `r ${order}`,
  runId: 'r',
  order,
  url: `${HOST}/${order}.html`,
  state,
  attempts: 0,
  updatedAt: 0,
  ...extra,
});

describe('batch view logic', () => {
  it('counts a run: 2 checked, 1 failed, 1 cancelled, 1 waiting, 1 fetching → 4 finished of 6', () => {
    const items = [
      item(0, 'checked'),
      item(1, 'checked'),
      item(2, 'failed'),
      item(3, 'cancelled'),
      item(4, 'waiting'),
      item(5, 'fetching'),
    ];
    expect(runProgress(items)).toEqual({ total: 6, done: 2, failed: 1, waiting: 1, fetching: 1, cancelled: 1, finished: 4 });
  });

  it('shows the newest run unless another still-existing run was picked', () => {
    const runs: BatchRun[] = [
      { id: 'a', createdAt: 100, state: 'done', source: null },
      { id: 'c', createdAt: 300, state: 'running', source: null },
      { id: 'b', createdAt: 200, state: 'paused', source: null },
    ];
    expect(shownRun(runs, null)?.id).toBe('c');
    expect(shownRun(runs, 'a')?.id).toBe('a');
    expect(shownRun(runs, 'gone')?.id).toBe('c');
    expect(shownRun([], null)).toBeNull();
  });

  it('offers pause on a running run, resume on a paused one, cancel on either, nothing on an ended one', () => {
    expect(runControls('running')).toEqual({ pause: true, resume: false, cancel: true });
    expect(runControls('paused')).toEqual({ pause: false, resume: true, cancel: true });
    expect(runControls('done')).toEqual({ pause: false, resume: false, cancel: false });
    expect(runControls('cancelled')).toEqual({ pause: false, resume: false, cancel: false });
  });

  it('says a failure in the reader’s language and keeps the server status', () => {
    expect(failureText({ code: 'http', status: 404, message: 'Not Found' }, zh, 'zh-Hans')).toBe('服务器返回 HTTP 404');
    expect(failureText({ code: 'http', status: 404, message: 'Not Found' }, en, 'en')).toBe('The server answered HTTP 404');
    expect(failureText({ code: 'timeout', message: 'timed out after 30000 ms' }, zh, 'zh-Hans')).toBe('请求超时');
    expect(failureText({ code: 'not-a-report', message: 'x' }, en, 'en')).toBe('Not an annual information-disclosure report');
    expect(failureText({ code: 'retry-after-too-long', status: 503, message: 'x' }, zh, 'zh-Hans')).toBe(
      '服务器要求等待的时间过长（HTTP 503）',
    );
    // A code this view does not know yet (a newer service) still reads as a failure, with its status.
    expect(failureText({ code: 'brand-new' as never, status: 500, message: 'x' }, zh, 'zh-Hans')).toBe('失败 (HTTP 500)');
    expect(failureText(undefined, en, 'en')).toBe('Failed');
  });

  it('words a failure from its data: the type, the site redirected to, a PDF’s problem', () => {
    const hant = LIBRARY_STRINGS['zh-Hant'].batch;
    const unsupported = { code: 'unsupported', message: 'application/msword', data: { type: 'application/msword' } } as const;
    expect(failureText(unsupported, zh, 'zh-Hans')).toBe('既不是网页也不是 PDF（application/msword），未检查');
    expect(failureText(unsupported, en, 'en')).toBe('Neither a web page nor a PDF (application/msword); not checked');
    const offList = { code: 'off-list', message: 'redirected', data: { host: 'mirror.example.com' } } as const;
    expect(failureText(offList, hant, 'zh-Hant')).toBe('重定向到了列表之外的網站 mirror.example.com，未讀取');
    const pdf = {
      code: 'parse-error',
      message: 'x',
      data: { pdf: { problem: 'too-many-pages', data: { pages: 900, max: 500 } } },
    } as const;
    expect(failureText(pdf, hant, 'zh-Hant')).toBe('此 PDF 共 900 頁，超過 500 頁的上限，未檢查');
    expect(failureText(pdf, en, 'en')).toBe('This PDF has 900 pages, over the limit of 500; not checked');
  });

  it('words an item saved before failures carried data by its code, whatever its old bilingual message', () => {
    const old = { code: 'not-a-report', message: '未识别为政府信息公开工作年度报告，未保存 (Not recognised…; not saved)' } as const;
    expect(failureText(old, en, 'en')).toBe('Not an annual information-disclosure report');
    expect(failureText(old, LIBRARY_STRINGS['zh-Hant'].batch, 'zh-Hant')).toBe('不是政府信息公開工作年度報告');
    // A failure with no data falls back to the words that need none.
    expect(failureText({ code: 'unsupported', message: 'x' }, zh, 'zh-Hans')).toBe('既不是网页也不是 PDF（未知类型），未检查');
  });

  it('reads a pasted list: lines, commas and Chinese separators; bare hosts and words are reported, duplicates dropped', () => {
    const text = [
      `${HOST}/202401/t20240126_5523107.html`,
      `  ${HOST}/202301/t20230129_5129876.html，${HOST}/202201/t20220128_4788920.html`,
      'www.qingxi.gov.cn/scjgj/zfxxgk/ndbg/202101/t20210129_4402155.html',
      `${HOST}/202401/t20240126_5523107.html#top`,
      '2020年报',
      'javascript:alert(1)',
    ].join('\n');
    expect(readPastedList(text)).toEqual({
      addresses: [
        `${HOST}/202401/t20240126_5523107.html`,
        `${HOST}/202301/t20230129_5129876.html`,
        `${HOST}/202201/t20220128_4788920.html`,
      ],
      rejected: ['www.qingxi.gov.cn/scjgj/zfxxgk/ndbg/202101/t20210129_4402155.html', '2020年报', 'javascript:alert(1)'],
    });
    expect(readPastedList('  \n ')).toEqual({ addresses: [], rejected: [] });
  });
});

const wait = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const $ = (sel: string) => document.querySelector(sel);
const rows = () => [...document.querySelectorAll('[data-batch-item]')];
const text = (sel: string) => ($(sel)?.textContent ?? '').trim();

let db: LibraryDB;
afterEach(async () => {
  render(null, document.body);
  document.body.textContent = '';
  db?.close();
  await db?.delete();
});

function mount(client: BatchClient, locale: 'zh-Hans' | 'en' = 'zh-Hans') {
  const root = document.createElement('div');
  document.body.append(root);
  const ctx: LibraryContextValue = {
    db,
    writes: new LibraryService(() => db),
    t: LIBRARY_STRINGS[locale],
    locale,
    rows: [],
    partial: false,
    groups: new Map(),
    openReport: () => undefined,
  };
  render(
    <LibraryContext.Provider value={ctx}>
      <BatchView client={client} />
    </LibraryContext.Provider>,
    root,
  );
  return root;
}

/** A client that records what the view asks and answers as told. */
function recordingClient(answers: { start?: Awaited<ReturnType<BatchClient['start']>> } = {}) {
  const calls: { start: BatchStart[]; control: [string, string][]; retry: string[] } = { start: [], control: [], retry: [] };
  const client: BatchClient = {
    start: async (data) => {
      calls.start.push(data);
      return answers.start ?? { ok: true, runId: 'new', total: data.addresses.length };
    },
    control: async (runId, action) => {
      calls.control.push([runId, action]);
      return { ok: true };
    },
    retry: async (itemId) => {
      calls.retry.push(itemId);
      return { ok: true };
    },
  };
  return { client, calls };
}

describe('sites outside gov.cn', () => {
  it('asks only for the sites outside gov.cn, once each, as host patterns', () => {
    expect(
      sitesToAsk([
        'http://www.qingxi.gov.cn/a.html',
        'https://gov.cn/b',
        'https://www.example.com/1.html',
        'http://www.example.com/2.pdf',
        'https://xxgk.example.org/3',
      ]),
    ).toEqual(['*://www.example.com/*', '*://xxgk.example.org/*']);
    // A host that only ends in "gov.cn" is not under gov.cn.
    expect(sitesToAsk(['https://notgov.cn/a', 'https://www.gov.cn.example.com/a'])).toEqual([
      '*://notgov.cn/*',
      '*://www.gov.cn.example.com/*',
    ]);
  });
});

describe('library #batch view', () => {
  it('asks leave for sites outside gov.cn; refused, it checks the gov.cn addresses alone and says how many were left out', async () => {
    db = openLibrary(dbName());
    const { client, calls } = recordingClient();
    const asked: string[][] = [];
    let grant = false;
    client.allowSites = async (patterns) => {
      asked.push(patterns);
      return grant;
    };
    mount(client);
    await wait(() => !!$('[data-action="batch-start"]'));
    const box = $('textarea[data-input="batch-addresses"]') as HTMLTextAreaElement;
    const list = `${HOST}/a.html\nhttps://www.example.com/b.html\nhttps://www.example.com/c.html`;
    box.value = list;
    ($('[data-action="batch-start"]') as HTMLButtonElement).click();
    await wait(() => calls.start.length === 1);
    expect(asked).toEqual([['*://www.example.com/*']]);
    expect(calls.start[0]).toEqual({ addresses: [`${HOST}/a.html`], source: null });
    await wait(() => text('.batch-paste [role="status"]').includes('已略过其中的 2 个地址'));

    grant = true;
    box.value = list;
    ($('[data-action="batch-start"]') as HTMLButtonElement).click();
    await wait(() => calls.start.length === 2);
    expect(calls.start[1]).toEqual({
      addresses: [`${HOST}/a.html`, 'https://www.example.com/b.html', 'https://www.example.com/c.html'],
      source: null,
    });

    // Every address outside gov.cn, refused: nothing starts, and the reason is said.
    grant = false;
    box.value = 'https://www.example.com/b.html';
    ($('[data-action="batch-start"]') as HTMLButtonElement).click();
    await wait(() => !!$('.batch-paste [role="alert"]'));
    expect(text('.batch-paste [role="alert"]')).toBe(zh.sitesRefused(1));
    expect(calls.start).toHaveLength(2);
  });

  it('follows a run live: counts, progress, item states, failure reasons with retry, links to saved reports', async () => {
    db = openLibrary(dbName());
    const addresses = [`${HOST}/a.html`, `${HOST}/b.html`, `${HOST}/c.pdf`, `${HOST}/d.html`];
    await createBatchRun(db, { id: 'run-1', addresses, source: `${HOST}/index.html`, now: 1_700_000_000_000 });
    const { client, calls } = recordingClient();
    const root = mount(client);
    await wait(() => rows().length === 4);
    expect(text('[data-batch-total]')).toBe('4');
    expect(text('[data-batch-done]')).toBe('0');
    expect(text('[data-batch-failed]')).toBe('0');
    expect(rows().map((r) => [r.getAttribute('data-state'), r.getAttribute('data-url')])).toEqual(addresses.map((u) => ['waiting', u]));

    // The batch service (the one writer) moves items on; the view follows without being told.
    await db.batchItems.update('run-1 0', { state: 'checked', result: { reportId: 7, errors: 2, warnings: 1, kind: 'html' } });
    await db.batchItems.update('run-1 1', { state: 'failed', failure: { code: 'http', status: 404, message: 'Not Found' } });
    await db.batchItems.update('run-1 2', { state: 'fetching' });
    await wait(
      () =>
        text('[data-batch-done]') === '1' && text('[data-batch-failed]') === '1' && rows()[2]?.getAttribute('data-state') === 'fetching',
    );
    const progress = $('progress') as HTMLProgressElement;
    expect([progress.getAttribute('value'), progress.getAttribute('max')]).toEqual(['2', '4']);

    const checked = rows()[0]!;
    expect(checked.textContent).toContain('错误 2 · 警告 1');
    expect(checked.querySelector('a[href="#report=7"]')).not.toBeNull();
    const failed = rows()[1]!;
    expect(failed.querySelector('[data-failure]')?.getAttribute('data-code')).toBe('http');
    expect(failed.querySelector('[data-failure]')?.textContent).toBe('服务器返回 HTTP 404');
    expect(rows()[2]!.querySelector('[data-failure], [data-action="batch-retry"]')).toBeNull();

    (failed.querySelector('[data-action="batch-retry"]') as HTMLButtonElement).click();
    await wait(() => calls.retry.length === 1);
    expect(calls.retry).toEqual(['run-1 1']);

    // Running: pause and cancel apply, resume does not.
    expect(($('[data-action="batch-resume"]') as HTMLButtonElement).disabled).toBe(true);
    ($('[data-action="batch-pause"]') as HTMLButtonElement).click();
    await wait(() => calls.control.length === 1);
    expect(calls.control).toEqual([['run-1', 'pause']]);
    await db.batchRuns.update('run-1', { state: 'paused' });
    await wait(() => !($('[data-action="batch-resume"]') as HTMLButtonElement).disabled);
    ($('[data-action="batch-resume"]') as HTMLButtonElement).click();
    await wait(() => calls.control.length === 2);
    expect(calls.control[1]).toEqual(['run-1', 'resume']);
    // Page-derived addresses stay text.
    expect(root.querySelector('script, img, iframe')).toBeNull();
  });

  it('says which checked items were read from a scanned PDF’s pictures (OCR), and how many pages', async () => {
    db = openLibrary(dbName());
    await createBatchRun(db, { id: 'run-p', addresses: [`${HOST}/scan.pdf`, `${HOST}/text.pdf`], source: null, now: 1_700_000_000_000 });
    await db.batchItems.update('run-p 0', {
      state: 'checked',
      result: { reportId: 3, errors: 0, warnings: 2, kind: 'pdf', picturePages: 3 },
    });
    await db.batchItems.update('run-p 1', { state: 'checked', result: { reportId: 4, errors: 0, warnings: 0, kind: 'pdf' } });
    mount(recordingClient().client);
    await wait(() => rows().length === 2 && !!rows()[0]!.querySelector('[data-read-from-pictures]'));
    const scanned = rows()[0]!.querySelector('[data-read-from-pictures]')!;
    expect(scanned.getAttribute('data-read-from-pictures')).toBe('3');
    expect(scanned.textContent).toContain('扫描件，3 页经本机识别（OCR）');
    expect(rows()[1]!.querySelector('[data-read-from-pictures]')).toBeNull();
  });

  it('shows the newest run and lets the reader pick an older one', async () => {
    db = openLibrary(dbName());
    await createBatchRun(db, { id: 'old', addresses: [`${HOST}/1.html`], source: null, now: 1000 });
    await createBatchRun(db, { id: 'new', addresses: [`${HOST}/2.html`, `${HOST}/3.html`], source: `${HOST}/index.html`, now: 2000 });
    mount(recordingClient().client);
    await wait(() => rows().length === 2);
    const select = $('[data-input="batch-run"]') as HTMLSelectElement;
    select.value = 'old';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(() => rows().length === 1);
    expect(rows()[0]!.getAttribute('data-url')).toBe(`${HOST}/1.html`);
    expect(text('[data-batch-total]')).toBe('1');
  });

  it('starts a run from a pasted list, and says why an empty or invalid list does not start one', async () => {
    db = openLibrary(dbName());
    const { client, calls } = recordingClient();
    mount(client);
    await wait(() => !!$('[data-action="batch-start"]'));
    const box = $('textarea[data-input="batch-addresses"]') as HTMLTextAreaElement;
    const type = (value: string) => {
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const start = () => ($('[data-action="batch-start"]') as HTMLButtonElement).click();

    start();
    await wait(() => !!$('.batch-paste [role="alert"]'));
    expect(text('.batch-paste [role="alert"]')).toBe(zh.emptyList);

    type('www.qingxi.gov.cn/a.html\n青溪市2023年年报');
    start();
    await wait(() => text('.batch-paste [role="alert"]').startsWith(zh.noValidAddress));
    expect(text('.batch-paste [role="alert"]')).toContain('已略过 2 项');
    expect(calls.start).toEqual([]);

    type(`${HOST}/a.html\n${HOST}/b.html\nwww.qingxi.gov.cn/c.html`);
    start();
    await wait(() => calls.start.length === 1);
    expect(calls.start[0]).toEqual({ addresses: [`${HOST}/a.html`, `${HOST}/b.html`], source: null });
    await wait(() => text('.batch-paste [role="status"]').includes('已开始批量检查 2 份'));
    expect(text('.batch-paste [role="status"]')).toContain('已略过 1 项');
  });

  it('says the service’s refusal in the page’s language', async () => {
    db = openLibrary(dbName());
    const { client } = recordingClient({
      start: { ok: false, error: { text: { id: 'no-answer' } } },
    });
    mount(client, 'en');
    await wait(() => !!$('[data-action="batch-start"]'));
    const box = $('textarea[data-input="batch-addresses"]') as HTMLTextAreaElement;
    box.value = `${HOST}/a.html`;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    ($('[data-action="batch-start"]') as HTMLButtonElement).click();
    await wait(() => !!$('.batch-paste [role="alert"]'));
    expect(text('.batch-paste [role="alert"]')).toBe(
      'The batch check could not start: The extension’s background did not answer; please retry.',
    );
  });
});

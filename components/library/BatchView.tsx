/**
 * library.html#batch: the progress of batch runs and a box to start one from pasted addresses.
 * Reads the batchRuns/batchItems stores live (the batch service is their one writer); every action is a
 * message to the background (batchStart, batchControl, batchRetry), never a write of its own.
 */
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { BatchAction, BatchAnswer, BatchError, BatchStart, BatchStartAnswer } from '@/utils/batch/protocol';
import { batchErrorText, noAnswer } from '@/utils/i18n/errors';
import { readingStrings } from '@/utils/i18n/reading';
import { DexieQueueStore } from '@/utils/library/batch-store';
import { parseExpectedAgencies } from '@/utils/library/expected';
import { agencyGroups, listAgencyLinks } from '@/utils/library/store';
import { sendMessage } from '@/utils/messaging';
import {
  failureText,
  httpHref,
  readPastedList,
  runControls,
  runMissing,
  runProgress,
  runsNewestFirst,
  shownRun,
  sitesToAsk,
} from './batch-model';
import { formatDate, useLibrary } from './context';
import { useLive } from './useLive';

/** How the view reaches the batch service (messaging in the extension; a fake in tests). */
export interface BatchClient {
  start(data: BatchStart): Promise<BatchStartAnswer>;
  control(runId: string, action: BatchAction): Promise<BatchAnswer>;
  retry(itemId: string): Promise<BatchAnswer>;
  /** Asks the user's leave to fetch these sites (permission patterns); must be called within the click. */
  allowSites?(patterns: string[]): Promise<boolean>;
}

/** A message nobody answered (the service not running) becomes an answer with its reason, not an exception. */
const failed = (e: unknown) => ({ ok: false as const, error: noAnswer(e) });

export const messagingBatchClient: BatchClient = {
  start: (data) => sendMessage('batchStart', data).then((a) => a ?? failed(null), failed),
  control: (runId, action) => sendMessage('batchControl', { runId, action }).then((a) => a ?? failed(null), failed),
  retry: (itemId) => sendMessage('batchRetry', { itemId }).then((a) => a ?? failed(null), failed),
  allowSites: (origins) => browser.permissions.request({ origins }).catch(() => false),
};

type Note = { kind: 'error' | 'info'; text: string } | null;

export function BatchView({ client = messagingBatchClient }: { client?: BatchClient }) {
  const { db, t: strings, locale, rows } = useLibrary();
  const t = strings.batch;
  const reading = readingStrings(locale);
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  // Read at submit time, not from state: a paste followed at once by a click must not start the old list.
  const box = useRef<HTMLTextAreaElement>(null);
  const expectedBox = useRef<HTMLTextAreaElement>(null);
  const links = useLive(() => listAgencyLinks(db), []).value;
  const [pasteNote, setPasteNote] = useState<Note>(null);
  const [starting, setStarting] = useState(false);

  const runs = useLive(() => db.batchRuns.toArray(), []).value;
  const run = runs ? shownRun(runs, picked) : null;
  const runId = run?.id ?? null;
  const items = useLive(() => (runId ? new DexieQueueStore(db).items(runId) : Promise.resolve([])), [runId]).value;
  const progress = runProgress(items ?? []);
  // The run's expected agencies with no report of its year (agency links honoured), from the library as it is now.
  const missing = run ? runMissing(run, items ?? [], rows, agencyGroups(links ?? [])) : { year: null, missing: [] };
  const savedRow = new Map(rows.map((r) => [r.id, r]));
  const controls = runControls(run?.state);
  const say = (error: BatchError) => batchErrorText(error, locale);

  const control = async (action: BatchAction) => {
    if (!runId) return;
    const answer = await client.control(runId, action);
    setNote(answer.ok ? null : { kind: 'error', text: t.actionFailed + say(answer.error) });
  };

  const retry = async (itemId: string) => {
    const answer = await client.retry(itemId);
    setNote(answer.ok ? null : { kind: 'error', text: t.actionFailed + say(answer.error) });
  };

  const start = async () => {
    const pasted = box.current?.value ?? '';
    if (!pasted.trim()) {
      setPasteNote({ kind: 'error', text: t.emptyList });
      return;
    }
    const { addresses: listed, rejected } = readPastedList(pasted);
    const skipped = rejected.length ? t.skipped(rejected.length, rejected[0]!) : '';
    if (!listed.length) {
      setPasteNote({ kind: 'error', text: [t.noValidAddress, skipped].filter(Boolean).join(' ') });
      return;
    }
    // Sites outside gov.cn are fetched only with the user's leave, asked here while the click still counts.
    const ask = sitesToAsk(listed);
    const allowed = ask.length === 0 || !client.allowSites || (await client.allowSites(ask));
    const addresses = allowed ? listed : listed.filter((a) => sitesToAsk([a]).length === 0);
    const refused = allowed ? '' : t.sitesRefused(listed.length - addresses.length);
    if (!addresses.length) {
      setPasteNote({ kind: 'error', text: [refused, skipped].filter(Boolean).join(' ') });
      return;
    }
    setStarting(true);
    setPasteNote({ kind: 'info', text: t.starting });
    const expected = parseExpectedAgencies(expectedBox.current?.value ?? '');
    const answer = await client.start({ addresses, source: null, ...(expected.length ? { expected } : {}) });
    setStarting(false);
    if (!answer.ok) {
      setPasteNote({ kind: 'error', text: t.startFailed + say(answer.error) });
      return;
    }
    setPicked(answer.runId);
    if (box.current) box.current.value = '';
    if (expectedBox.current) expectedBox.current.value = '';
    setPasteNote({ kind: 'info', text: [t.started(answer.total), refused, skipped].filter(Boolean).join(' ') });
  };

  return (
    <section class="batch" aria-labelledby="batch-title">
      <h2 id="batch-title">{strings.tabs.batch}</h2>
      <p class="hint">{t.hint}</p>
      {!runs ? (
        <p>{strings.loading}</p>
      ) : !run ? (
        <p data-batch-none>{t.none}</p>
      ) : (
        <div class="batch-run" data-run-id={run.id} data-run-state={run.state}>
          {runs.length > 1 ? (
            <label class="batch-runs">
              <span>{t.run}</span>
              <select value={run.id} data-input="batch-run" onChange={(e) => setPicked((e.currentTarget as HTMLSelectElement).value)}>
                {runsNewestFirst(runs).map((r) => (
                  <option key={r.id} value={r.id}>
                    {t.runOption(formatDate(new Date(r.createdAt).toISOString(), locale), r.source, t.runStates[r.state])}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <p class="batch-source">
            {t.source}:{' '}
            {run.source ? (
              <a href={httpHref(run.source)} target="_blank" rel="noopener noreferrer">
                {run.source}
              </a>
            ) : (
              t.pasted
            )}{' '}
            · {formatDate(new Date(run.createdAt).toISOString(), locale)} · <strong data-run-state-label>{t.runStates[run.state]}</strong>
          </p>
          <div class="batch-progress">
            <progress max={Math.max(progress.total, 1)} value={progress.finished} aria-label={t.progress} />
            <dl class="batch-counts">
              <div>
                <dt>{t.total}</dt>
                <dd data-batch-total>{progress.total}</dd>
              </div>
              <div>
                <dt>{t.done}</dt>
                <dd data-batch-done>{progress.done}</dd>
              </div>
              <div>
                <dt>{t.failed}</dt>
                <dd data-batch-failed class={progress.failed ? 'count-error' : undefined}>
                  {progress.failed}
                </dd>
              </div>
              <div>
                <dt>{t.remaining}</dt>
                <dd>{progress.waiting + progress.fetching}</dd>
              </div>
            </dl>
            <div class="batch-controls">
              <button type="button" data-action="batch-pause" disabled={!controls.pause} onClick={() => void control('pause')}>
                {t.pause}
              </button>
              <button type="button" data-action="batch-resume" disabled={!controls.resume} onClick={() => void control('resume')}>
                {t.resume}
              </button>
              <button type="button" data-action="batch-cancel" disabled={!controls.cancel} onClick={() => void control('cancel')}>
                {t.cancel}
              </button>
            </div>
          </div>
          {note ? (
            <p class={note.kind} role={note.kind === 'error' ? 'alert' : 'status'}>
              {note.text}
            </p>
          ) : null}
          {run.expected?.length && missing.year !== null ? (
            <div class="batch-missing" data-testid="batch-missing" data-year={missing.year} data-count={missing.missing.length}>
              {missing.missing.length ? (
                <>
                  <p>{t.missingTitle(String(missing.year), missing.missing.length)}</p>
                  <ul>
                    {missing.missing.map((name) => (
                      <li key={name} data-missing-agency={name}>
                        {name}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t.noneMissing(String(missing.year))}</p>
              )}
            </div>
          ) : null}
          <div class="table-wrap">
            <table class="batch-items">
              <thead>
                <tr>
                  <th class="num">{t.columns.order}</th>
                  <th>{t.columns.url}</th>
                  <th>{t.columns.state}</th>
                  <th>{t.columns.result}</th>
                </tr>
              </thead>
              <tbody>
                {(items ?? []).map((item) => (
                  <tr key={item.id} data-batch-item data-state={item.state} data-url={item.url}>
                    <td class="num">{item.order + 1}</td>
                    <td class="batch-url">
                      <a href={httpHref(item.url)} target="_blank" rel="noopener noreferrer">
                        {item.title ?? item.url}
                      </a>
                      {item.listedDate ? <small data-listed-date={item.listedDate}> · {t.listedDate(item.listedDate)}</small> : null}
                    </td>
                    <td class={`batch-state state-${item.state}`}>{t.states[item.state]}</td>
                    <td>
                      {item.state === 'checked' && item.result ? (
                        <span class="batch-result">
                          {(() => {
                            // The saved row's counts once it exists: they follow later re-checks (a neighbour year
                            // saved after it), as the panel and the scores do; the count taken at check time before.
                            const counts = item.result.reportId !== undefined ? savedRow.get(item.result.reportId)?.counts : undefined;
                            const errors = counts?.error ?? item.result.errors;
                            const warnings = counts?.warning ?? item.result.warnings;
                            return (
                              <span data-errors={errors} data-warnings={warnings} class={errors ? 'count-error' : undefined}>
                                {t.findings(errors, warnings)}
                              </span>
                            );
                          })()}
                          {item.result.picturePages ? (
                            <ReadNote
                              mark={{ 'data-read-from-pictures': item.result.picturePages }}
                              text={reading.batchReadFromPictures(item.result.picturePages)}
                              title={reading.batchReadFromPicturesTitle}
                            />
                          ) : null}
                          {item.result.pictureTables ? (
                            <ReadNote
                              mark={{ 'data-read-picture-tables': item.result.pictureTables }}
                              text={reading.batchReadPictureTables(item.result.pictureTables)}
                              title={reading.batchReadPictureTablesTitle}
                            />
                          ) : null}
                          {item.result.reportId !== undefined ? (
                            <>
                              {' '}
                              <a href={`#report=${item.result.reportId}`} data-report-link={item.result.reportId}>
                                {t.openReport}
                              </a>
                            </>
                          ) : null}
                        </span>
                      ) : item.state === 'failed' ? (
                        <span class="batch-result">
                          <span data-failure data-code={item.failure?.code ?? ''} title={item.failure?.message}>
                            {failureText(item.failure, t, locale)}
                          </span>{' '}
                          <button type="button" class="secondary" data-action="batch-retry" onClick={() => void retry(item.id)}>
                            {t.retry}
                          </button>
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <form
        class="batch-paste"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label for="batch-addresses">{t.pasteLabel}</label>
        <textarea id="batch-addresses" data-input="batch-addresses" rows={5} placeholder={t.pastePlaceholder} ref={box} />
        <label for="batch-expected">{t.expectedLabel}</label>
        <textarea id="batch-expected" data-input="batch-expected" rows={3} placeholder={t.expectedPlaceholder} ref={expectedBox} />
        <label class="hint">
          {t.expectedFile}{' '}
          <input
            type="file"
            accept=".txt,.csv,text/plain,text/csv"
            data-input="batch-expected-file"
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) void file.text().then((text) => expectedBox.current && (expectedBox.current.value = text));
            }}
          />
        </label>
        <div>
          <button type="submit" data-action="batch-start" disabled={starting}>
            {t.start}
          </button>
        </div>
        {pasteNote ? (
          <p class={pasteNote.kind} role={pasteNote.kind === 'error' ? 'alert' : 'status'}>
            {pasteNote.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** An item's note that its figures were read from pictures by OCR (a scan's pages, a page's table pictures). */
function ReadNote({ mark, text, title }: { mark: Record<string, number>; text: string; title: string }) {
  return (
    <small {...mark} title={title}>
      {' '}
      · {text}
    </small>
  );
}

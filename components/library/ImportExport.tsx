import { useState } from 'preact/hooks';
import { errorText } from '@/utils/i18n/errors';
import { LibraryError } from '@/utils/library/errors';
import { exportCsv, exportJson, IMPORT_LIMITS } from '@/utils/library/exchange';
import { useLibrary } from './context';

export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

export function ImportExport() {
  const { db, writes, t, locale } = useLibrary();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const message = (e: unknown) => errorText(e, locale);
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setResult(null);
    try {
      await f();
    } catch (e) {
      setResult({ ok: false, text: t.importFailed + message(e) });
    } finally {
      setBusy(false);
    }
  };
  const onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void run(async () => {
      if (file.size > IMPORT_LIMITS.maxChars * 2) {
        // Refuse before reading a file far too large to be ours.
        throw new LibraryError('import-oversized');
      }
      const r = await writes.importJson(await file.text());
      setResult({ ok: true, text: t.importDone(r.added, r.unchanged, r.reviews, r.agencyLinks) });
    });
  };
  return (
    <section data-testid="import-export">
      <p class="hint">{t.exportHint}</p>
      <div class="filters">
        <button
          type="button"
          data-testid="export-csv"
          disabled={busy}
          onClick={() => run(async () => download(await exportCsv(db), `report-lens-${stamp()}.csv`, 'text/csv;charset=utf-8'))}
        >
          {t.exportCsv}
        </button>
        <button
          type="button"
          data-testid="export-json"
          disabled={busy}
          onClick={() => run(async () => download(await exportJson(db), `report-lens-${stamp()}.json`, 'application/json'))}
        >
          {t.exportJson}
        </button>
        <label class="file">
          {t.importJson} <input type="file" accept=".json,application/json" data-testid="import-file" disabled={busy} onChange={onFile} />
        </label>
      </div>
      {result ? (
        <p
          role={result.ok ? 'status' : 'alert'}
          class={result.ok ? 'ok' : 'error'}
          data-testid="import-result"
          data-ok={result.ok ? 'true' : 'false'}
        >
          {result.text}
        </p>
      ) : null}
    </section>
  );
}

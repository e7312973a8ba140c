/**
 * Helpers for the hardening tests: reach the background's global (the MV3 service worker in Chromium, the
 * MV2 background page in Firefox) to inject storage faults at the IndexedDB API boundary, and read the
 * library database with the raw IndexedDB API from an extension context.
 */
import type { Driver, TestPage } from '../lib/driver';

/** Run an async function body with `g` bound to the background's global object. */
export function bgEval<T>(driver: Driver, body: string): Promise<T> {
  const prelude =
    driver.name === 'chromium'
      ? 'const g = globalThis;'
      : // Firefox MV2: extEval runs in an extension page; the persistent background page is reachable from it.
        'const g = await browser.runtime.getBackgroundPage();';
  return driver.extEval<T>(`${prelude} ${body}`);
}

const DB = 'report-lens-library';

/** IndexedDB.open of the library fails in the background, as in a private window or a broken profile. */
export const breakOpen = (driver: Driver) =>
  bgEval(
    driver,
    `g.__rlOpen ??= g.IDBFactory.prototype.open;
     g.IDBFactory.prototype.open = function (name, version) {
       if (String(name) === '${DB}') throw new g.DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
       return g.__rlOpen.call(this, name, version);
     };`,
  );

/** Writes of report bodies fail with QuotaExceededError (after the small row was written in the same transaction). */
export const fillQuota = (driver: Driver) =>
  bgEval(
    driver,
    `for (const m of ['add', 'put']) {
       const key = '__rl_' + m;
       g[key] ??= g.IDBObjectStore.prototype[m];
       g.IDBObjectStore.prototype[m] = function (...args) {
         if (this.name === 'bodies') throw new g.DOMException('The quota has been exceeded.', 'QuotaExceededError');
         return g[key].apply(this, args);
       };
     }`,
  );

export const healStorage = (driver: Driver) =>
  bgEval(
    driver,
    `if (g.__rlOpen) g.IDBFactory.prototype.open = g.__rlOpen;
     if (g.__rl_add) g.IDBObjectStore.prototype.add = g.__rl_add;
     if (g.__rl_put) g.IDBObjectStore.prototype.put = g.__rl_put;`,
  );

export interface LibraryDump {
  exists: boolean;
  reports: { id: number; url: string; contentHash: string; latest: number }[];
  bodies: number[];
}

/** Every report row and body id, read with the raw API (unpatched), without creating the database. */
export function dumpLibrary(driver: Driver): Promise<LibraryDump> {
  return bgEval<LibraryDump>(
    driver,
    `const names = (await indexedDB.databases()).map((d) => d.name);
     if (!names.includes('${DB}')) return { exists: false, reports: [], bodies: [] };
     const open = g.__rlOpen ?? IDBFactory.prototype.open;
     const db = await new Promise((ok, ko) => { const r = open.call(indexedDB, '${DB}'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
     try {
       const stores = [...db.objectStoreNames];
       if (!stores.includes('reports')) return { exists: true, reports: [], bodies: [] };
       const tx = db.transaction(['reports', 'bodies'], 'readonly');
       const req = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
       const rows = await req(tx.objectStore('reports').getAll());
       const bodies = await req(tx.objectStore('bodies').getAllKeys());
       return { exists: true, reports: rows.map((r) => ({ id: r.id, url: r.url, contentHash: r.contentHash, latest: r.latest })), bodies };
     } finally { db.close(); }`,
  );
}

export async function setAutoSave(driver: Driver, autoSave: boolean): Promise<void> {
  await driver.extEval(
    `const api = globalThis.browser ?? globalThis.chrome;
     const { settings } = await api.storage.local.get('settings');
     await api.storage.local.set({ settings: { language: 'auto', autoDetectAll: false, ...(settings ?? {}), autoSave: ${autoSave} } });`,
  );
}

/** The panel's save footer: state attribute and the text of the status line (message included). */
export function saveFooter(page: TestPage): Promise<{ state: string | null; status: string; error: string | null; button: boolean }> {
  return page.evaluate(() => {
    const root = document.querySelector('report-lens')?.shadowRoot;
    const footer = root?.querySelector<HTMLElement>('.rl-footer');
    return {
      state: footer?.dataset.saveState ?? null,
      status: footer?.querySelector('.rl-save-state')?.textContent ?? '',
      error: footer?.querySelector('.rl-save-error')?.textContent ?? null,
      button: !!footer?.querySelector('.rl-button'),
    };
  });
}

export function waitForSaveState(page: TestPage, predicate: 'saved' | 'error' | 'unsaved', timeoutMs = 45_000): Promise<void> {
  return page.waitFor(
    (want) => {
      const footer = document.querySelector('report-lens')?.shadowRoot?.querySelector<HTMLElement>('.rl-footer');
      if (!footer) return false;
      if (want === 'error') return !!footer.querySelector('.rl-save-error') && footer.dataset.saveState === 'unsaved';
      if (want === 'unsaved') return footer.dataset.saveState === 'unsaved' && !!footer.querySelector('.rl-button');
      return footer.dataset.saveState === want;
    },
    predicate,
    timeoutMs,
  );
}

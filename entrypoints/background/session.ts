/**
 * Small per-session records in storage.session (survives the MV3 worker being stopped); a Map where the
 * browser has no session area (Firefox MV2 keeps its background page alive anyway).
 */
import { browser } from 'wxt/browser';

const memory = new Map<string, unknown>();
const area = () => (browser.storage as { session?: typeof browser.storage.local }).session;

export async function getSession<T>(key: string): Promise<T | undefined> {
  const a = area();
  if (!a) return memory.get(key) as T | undefined;
  return (await a.get(key))[key] as T | undefined;
}

export async function setSession(items: Record<string, unknown>): Promise<void> {
  const a = area();
  if (!a) {
    for (const [k, v] of Object.entries(items)) memory.set(k, v);
    return;
  }
  await a.set(items);
}

export async function removeSession(keys: string[]): Promise<void> {
  const a = area();
  if (!a) {
    for (const k of keys) memory.delete(k);
    return;
  }
  await a.remove(keys);
}

/** Every key starting with prefix. */
export async function sessionKeys(prefix: string): Promise<string[]> {
  const a = area();
  const keys = a ? Object.keys(await a.get(null)) : [...memory.keys()];
  return keys.filter((k) => k.startsWith(prefix));
}

let appending: Promise<void> = Promise.resolve();

/** Append to a capped list (records kept for tests and diagnostics); appends run one after another. */
export function appendSession<T>(key: string, item: T, max: number): Promise<void> {
  appending = appending
    .then(async () => {
      const list = (await getSession<T[]>(key)) ?? [];
      list.push(item);
      await setSession({ [key]: list.slice(-max) });
    })
    .catch(() => undefined);
  return appending;
}

/**
 * The extension's settings as a test sets them: merged into the one stored object (storage.local 'settings'),
 * as the library page's and the popup's controls write it, from an extension context.
 */
import type { Driver } from './driver';

/** Merge `patch` into the stored settings; a key given as undefined is removed, so its default applies. */
export async function patchSettings(driver: Driver, patch: Record<string, unknown>): Promise<void> {
  const removed = Object.keys(patch).filter((k) => patch[k] === undefined);
  await driver.extEval(
    `const api = globalThis.browser ?? globalThis.chrome;
     const settings = { ...((await api.storage.local.get('settings')).settings ?? {}), ...${JSON.stringify(patch)} };
     for (const key of ${JSON.stringify(removed)}) delete settings[key];
     await api.storage.local.set({ settings });
     return null;`,
  );
}

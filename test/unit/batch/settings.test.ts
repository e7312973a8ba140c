/** Batch politeness settings: defaults, clamping, and what a test or the options UI stores is read back. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getSettings, normaliseBatchSettings, normaliseSettings, updateSettings } from '../../../utils/settings';

describe('batch settings', () => {
  it('default to one request per host per second, 30 s timeout, 3 attempts', () => {
    expect(normaliseSettings({}).batch).toEqual({ minIntervalMs: 1000, timeoutMs: 30_000, maxAttempts: 3 });
  });

  it('are clamped and rounded; nonsense falls back to the default', () => {
    expect(normaliseBatchSettings({ minIntervalMs: -5, timeoutMs: 10, maxAttempts: 99 })).toEqual({
      minIntervalMs: 0,
      timeoutMs: 1000,
      maxAttempts: 10,
    });
    expect(normaliseBatchSettings({ minIntervalMs: '250', timeoutMs: NaN, maxAttempts: 2.6 })).toEqual({
      minIntervalMs: 250,
      timeoutMs: 30_000,
      maxAttempts: 3,
    });
    expect(normaliseBatchSettings({ minIntervalMs: null, timeoutMs: 'soon', maxAttempts: 0 })).toEqual({
      minIntervalMs: 1000,
      timeoutMs: 30_000,
      maxAttempts: 1,
    });
  });

  it('are read back from storage.local, the other settings untouched', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { language: 'en', batch: { minIntervalMs: 0 } } });
    const settings = await getSettings();
    expect(settings.language).toBe('en');
    expect(settings.batch).toEqual({ minIntervalMs: 0, timeoutMs: 30_000, maxAttempts: 3 });
    await updateSettings({ autoSave: false });
    expect((await getSettings()).batch.minIntervalMs).toBe(0);
  });
});

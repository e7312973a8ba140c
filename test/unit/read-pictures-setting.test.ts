/** The readPictures setting (issue 18): scans and table pictures are read at once by default, or on the reader's click. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getSettings, normaliseSettings, updateSettings } from '../../utils/settings';

describe('readPictures setting', () => {
  it("defaults to 'auto'; 'ask' is kept; anything else stored reads as 'auto'", () => {
    expect(normaliseSettings({}).readPictures).toBe('auto');
    expect(normaliseSettings({ readPictures: 'ask' }).readPictures).toBe('ask');
    for (const stored of ['never', true, 1, null, 'ASK']) expect(normaliseSettings({ readPictures: stored }).readPictures).toBe('auto');
  });

  it('is written and read back through storage.local, the other settings untouched', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { language: 'en' } });
    await updateSettings({ readPictures: 'ask' });
    const settings = await getSettings();
    expect(settings.readPictures).toBe('ask');
    expect(settings.language).toBe('en');
  });
});

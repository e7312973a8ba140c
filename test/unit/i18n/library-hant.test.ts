import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libraryHantSource, SOURCE, TARGET } from '../../../cli/i18n-hant';
import { LIBRARY_STRINGS } from '../../../utils/i18n/library';

describe('the library page in Traditional Chinese', () => {
  it('is the Simplified catalogue as cli/i18n-hant.ts writes it now (run it after changing utils/i18n/library.ts)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(libraryHantSource(readFileSync(SOURCE, 'utf8')));
  });

  it('speaks Traditional, with the same placeholders', () => {
    const hant = LIBRARY_STRINGS['zh-Hant'];
    expect(hant.tabs.list).toBe('報告列表');
    expect(hant.tabs.batch).toBe('批量檢查');
    expect(hant.shown(3, 10)).toBe('顯示 3 / 共 10 份');
    expect(hant.empty).not.toMatch(/[报库检览]/);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normaliseSettings, resolveLocale } from '../../utils/settings';

describe('settings', () => {
  it('coerces stored garbage to valid settings', () => {
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ language: 'fr', autoSave: 'yes', autoDetectAll: true })).toEqual({
      ...DEFAULT_SETTINGS,
      autoDetectAll: true,
    });
  });
  it('follows the report’s script unless a language is chosen', () => {
    expect(resolveLocale('auto', 'hant')).toBe('zh-Hant');
    expect(resolveLocale('auto', 'hans')).toBe('zh-Hans');
    expect(resolveLocale('en', 'hant')).toBe('en');
  });
});

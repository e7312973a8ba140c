import type { Locale } from '../report/types';
import { STRINGS, type Strings } from './strings';

export type { Strings } from './strings';

export function strings(locale: Locale): Strings {
  return STRINGS[locale] ?? STRINGS['zh-Hans'];
}

/** The html lang attribute for a locale. */
export function langTag(locale: Locale): string {
  return locale === 'en' ? 'en' : locale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
}

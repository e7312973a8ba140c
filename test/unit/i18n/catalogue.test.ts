/**
 * The one catalogue (utils/i18n) speaks three languages everywhere: each locale has every key of every
 * table, nothing empty, every worded function answers with text. Rule messages and rule help are checked
 * by their own tests (test/unit/rules, test/unit/panel/rule-help.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_STRINGS } from '../../../utils/i18n/answer';
import { ERROR_MESSAGES } from '../../../utils/i18n/errors';
import { LIBRARY_STRINGS } from '../../../utils/i18n/library';
import { NOTICES } from '../../../utils/i18n/notices';
import { PDF_PROBLEMS } from '../../../utils/i18n/pdf';
import { PDF_STRINGS } from '../../../utils/i18n/pdf-page';
import { pictureStrings } from '../../../utils/i18n/pictures';
import { POPUP_STRINGS } from '../../../utils/i18n/popup';
import { scanStrings } from '../../../utils/i18n/scan';
import { SCORE_MESSAGES, SCORE_WORDS } from '../../../utils/i18n/score';
import { STRINGS } from '../../../utils/i18n/strings';
import type { Locale } from '../../../utils/report/types';

const LOCALES: Locale[] = ['zh-Hans', 'zh-Hant', 'en'];

/** Every leaf of a table: its path and value ('a.b.c'). */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}

/** A leaf's text: a string as it is, a function called with sample arguments (numbers serve as counts and data). */
function textOf(value: unknown): unknown {
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown)(2, 3, 4, 5) : value;
}

const TABLES: Record<string, Record<Locale, unknown>> = {
  'strings (panel)': STRINGS,
  answer: ANSWER_STRINGS,
  popup: POPUP_STRINGS,
  notices: NOTICES,
  'pdf problems': PDF_PROBLEMS,
  'pdf page': PDF_STRINGS,
  errors: ERROR_MESSAGES,
  library: LIBRARY_STRINGS,
  pictures: { 'zh-Hans': pictureStrings('zh-Hans'), 'zh-Hant': pictureStrings('zh-Hant'), en: pictureStrings('en') },
  scan: { 'zh-Hans': scanStrings('zh-Hans'), 'zh-Hant': scanStrings('zh-Hant'), en: scanStrings('en') },
};

describe('every locale has every key', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(name, () => {
      const keys = (l: Locale) => leaves(table[l]).map(([k]) => k);
      expect(keys('zh-Hant'), `${name}: zh-Hant`).toEqual(keys('zh-Hans'));
      expect(keys('en'), `${name}: en`).toEqual(keys('zh-Hans'));
      for (const l of LOCALES) {
        for (const [k, v] of leaves(table[l])) {
          const text = textOf(v);
          expect(typeof text === 'string' && text.length > 0, `${name} ${l} ${k}`).toBe(true);
        }
      }
    });
  }

  it('score reasons and words: each id in the three locales', () => {
    for (const [id, text] of Object.entries({ ...SCORE_MESSAGES, ...SCORE_WORDS })) {
      expect(Object.keys(text).sort(), id).toEqual([...LOCALES].sort());
      for (const l of LOCALES) expect((text as Record<Locale, string>)[l].length, `${id} ${l}`).toBeGreaterThan(0);
    }
  });

  it('the hand-written Traditional texts are not the Simplified ones copied', () => {
    // Keys whose words hold a character that Traditional writes differently (报/報, 检/檢, 页/頁, 库/庫, 误/誤…).
    const SIMPLIFIED = /[报检页库误载读设删时开启关录导这为对续扫识数据复]/;
    for (const name of ['strings (panel)', 'popup', 'notices', 'pdf problems', 'pdf page', 'errors', 'pictures', 'scan']) {
      const table = TABLES[name]!;
      for (const [k, v] of leaves(table['zh-Hant'])) {
        const text = textOf(v);
        expect(typeof text === 'string' && SIMPLIFIED.test(text) ? text : '', `${name} zh-Hant ${k}`).toBe('');
      }
    }
  });
});

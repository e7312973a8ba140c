/**
 * User settings and per-site panel state, in storage.local (readable from the background, popup and
 * content scripts alike). Plain objects only.
 */
import { browser } from 'wxt/browser';
import type { Locale } from './report/types';
import { DEFAULT_THRESHOLDS, normaliseThresholds, type ScoreThresholds } from './score/thresholds';

export type LanguageSetting = 'auto' | Locale;

export interface Settings {
  /** 'auto': Simplified, or Traditional when the report is printed in Traditional script. */
  language: LanguageSetting;
  /** Save every detected report to the library automatically. */
  autoSave: boolean;
  /** Detect reports on every site, not only gov.cn (needs the optional host permission). */
  autoDetectAll: boolean;
  /** The scorecard's thresholds (纠错率, 公开率, copied share), set on the library's #scores view. */
  scoreThresholds: ScoreThresholds;
  /** Politeness of batch runs (read when a run starts). */
  batch: BatchSettings;
  /** Tables published as pictures (issue 18): read them at once ('auto'), or when the reader asks ('ask'). */
  readPictures: 'auto' | 'ask';
}

export interface BatchSettings {
  /** Gap between two requests to the same host (ms); 0 turns it off. */
  minIntervalMs: number;
  /** One attempt's limit (ms). */
  timeoutMs: number;
  /** Attempts per address, the first included. */
  maxAttempts: number;
}

export const DEFAULT_BATCH_SETTINGS: BatchSettings = { minIntervalMs: 1000, timeoutMs: 30_000, maxAttempts: 3 };

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  autoSave: true,
  autoDetectAll: false,
  scoreThresholds: DEFAULT_THRESHOLDS,
  batch: DEFAULT_BATCH_SETTINGS,
  readPictures: 'auto',
};

/** Bounds that keep a stored value sane: no negative gap, no endless or instant timeout, no retry storm. */
const BATCH_BOUNDS: Record<keyof BatchSettings, [number, number]> = {
  minIntervalMs: [0, 10 * 60_000],
  timeoutMs: [1000, 10 * 60_000],
  maxAttempts: [1, 10],
};

export function normaliseBatchSettings(raw: unknown): BatchSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof BatchSettings, unknown>>;
  const out = { ...DEFAULT_BATCH_SETTINGS };
  for (const key of Object.keys(BATCH_BOUNDS) as (keyof BatchSettings)[]) {
    const value = typeof r[key] === 'string' && r[key] !== '' ? Number(r[key]) : r[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const [min, max] = BATCH_BOUNDS[key];
    out[key] = Math.min(max, Math.max(min, Math.round(value)));
  }
  return out;
}

const SETTINGS_KEY = 'settings';
/** The language setting's choices, in the order pages offer them. */
export const LANGUAGES: readonly LanguageSetting[] = ['auto', 'zh-Hans', 'zh-Hant', 'en'];

/** Coerce whatever is stored into valid Settings (storage can hold anything an older version wrote). */
export function normaliseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    language: LANGUAGES.includes(r.language as LanguageSetting) ? (r.language as LanguageSetting) : DEFAULT_SETTINGS.language,
    autoSave: typeof r.autoSave === 'boolean' ? r.autoSave : DEFAULT_SETTINGS.autoSave,
    autoDetectAll: typeof r.autoDetectAll === 'boolean' ? r.autoDetectAll : DEFAULT_SETTINGS.autoDetectAll,
    scoreThresholds: normaliseThresholds(r.scoreThresholds),
    batch: normaliseBatchSettings(r.batch),
    readPictures: r.readPictures === 'ask' ? 'ask' : 'auto',
  };
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normaliseSettings(stored[SETTINGS_KEY]);
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normaliseSettings({ ...(await getSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with the new settings whenever they change in any context. Returns the unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(normaliseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The UI locale for a report printed in `script`. */
export function resolveLocale(language: LanguageSetting, script: 'hans' | 'hant' | null | undefined): Locale {
  if (language !== 'auto') return language;
  return script === 'hant' ? 'zh-Hant' : 'zh-Hans';
}

// ---- Panel state, per site (host name) ----

export type PanelState = 'expanded' | 'collapsed' | 'closed';
const PANEL_PREFIX = 'panel:';

export async function getPanelState(host: string): Promise<PanelState> {
  const key = PANEL_PREFIX + host;
  const value = (await browser.storage.local.get(key))[key];
  return value === 'collapsed' || value === 'closed' ? value : 'expanded';
}

export async function setPanelState(host: string, state: PanelState): Promise<void> {
  const key = PANEL_PREFIX + host;
  if (state === 'expanded') await browser.storage.local.remove(key);
  else await browser.storage.local.set({ [key]: state });
}

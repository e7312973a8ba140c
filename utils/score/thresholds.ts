/**
 * The scorecard's thresholds, a user setting (utils/settings.ts): kept apart from scorecard.ts so the
 * settings module (imported by the panel and popup) does not pull in the rules.
 */
export interface ScoreThresholds {
  /** 纠错率 at or below this earns its points (share of 复议 and 诉讼 whose result was 纠正). */
  correctionRate: number;
  /** 公开率 at or above this earns its points ((予以公开 + 部分公开) ÷ 办结). */
  disclosureRate: number;
  /** Share of this report's text found word for word in last year's at or above which it counts as copied. */
  copiedShare: number;
}

/** copiedShare matches the copied-text rule's THRESHOLD (a test holds them together). */
export const DEFAULT_THRESHOLDS: ScoreThresholds = { correctionRate: 0.2, disclosureRate: 0.5, copiedShare: 0.6 };

/** Thresholds as stored settings may hold them: each a finite share in [0, 1], else the default. */
export function normaliseThresholds(raw: unknown): ScoreThresholds {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const pick = (k: keyof ScoreThresholds) => {
    const v = r[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : DEFAULT_THRESHOLDS[k];
  };
  return { correctionRate: pick('correctionRate'), disclosureRate: pick('disclosureRate'), copiedShare: pick('copiedShare') };
}

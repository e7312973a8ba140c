/**
 * The scored corpus must not get worse: the scores of `npm run corpus` are held against the floor committed in
 * test/corpus/baseline.json (measured from the code; the truth files themselves are written by hand).
 * The totals are compared over the entries the baseline knows, so an entry added by someone else does not break
 * this test before it is measured; re-measure with `npm run corpus -- --write-baseline` and commit the result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Baseline, type BaselineEntry, baselineEntry, type CorpusResult, scoreCorpus } from '../../../cli/corpus';

const baseline = JSON.parse(readFileSync('test/corpus/baseline.json', 'utf8')) as Baseline;
const KEYS = [
  'figuresRight',
  'metaRight',
  'inconsistenciesFound',
  'detectionRight',
  'falseErrors',
  'figuresSpurious',
  'doubtfulMarked',
] as const;

describe('scored corpus against its committed baseline', () => {
  let result: CorpusResult;
  let now: Record<string, BaselineEntry>;
  const sum = (entries: Record<string, BaselineEntry>, key: (typeof KEYS)[number]) =>
    Object.keys(baseline.entries).reduce((n, id) => n + (entries[id]?.[key] ?? 0), 0);

  it('checks every entry, and every entry of the baseline is still there', async () => {
    result = await scoreCorpus('test/corpus');
    now = Object.fromEntries(result.entries.map((e) => [e.id, baselineEntry(e)]));
    const failed = result.entries.filter((e) => e.error).map((e) => `${e.id}: ${e.error}`);
    expect(failed).toEqual([]);
    expect(Object.keys(baseline.entries).filter((id) => !now[id])).toEqual([]);
    // The picture entries are read by OCR (the scanned PDF alone about 20 s of CPU): 60 s is not enough on a busy machine.
  });

  it.each(['figuresRight', 'metaRight', 'inconsistenciesFound', 'detectionRight', 'doubtfulMarked'] as const)(
    '%s does not fall below the baseline',
    (key) => {
      const fell = Object.entries(baseline.entries)
        .filter(([id, b]) => (now[id]?.[key] ?? 0) < (b[key] ?? 0))
        .map(([id, b]) => `${id}: ${b[key] ?? 0} -> ${now[id]?.[key] ?? 0}`);
      expect(sum(now, key), `fell: ${fell.join('; ')}`).toBeGreaterThanOrEqual(sum(baseline.entries, key));
    },
  );

  it('false errors on clean reports do not rise above the baseline', () => {
    const listed = result.entries.filter((e) => baseline.entries[e.id]).flatMap((e) => e.falseErrors.map((f) => `${e.id}: ${f}`));
    expect(sum(now, 'falseErrors'), listed.join('\n')).toBeLessThanOrEqual(sum(baseline.entries, 'falseErrors'));
  });

  it('figures stated where the truth has none do not rise above the baseline', () => {
    const listed = result.entries.filter((e) => baseline.entries[e.id]).flatMap((e) => e.figures.spurious.map((f) => `${e.id}: ${f}`));
    expect(sum(now, 'figuresSpurious'), listed.join('\n')).toBeLessThanOrEqual(sum(baseline.entries, 'figuresSpurious'));
  });
});

/**
 * The scored corpus must not get worse: every total of `npm run corpus` is held against the floor committed in
 * test/corpus/baseline.json (measured from the code; the truth files themselves are written by hand).
 * Adding entries or improving the code: re-measure and commit the new baseline with the change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreCorpus, type CorpusResult } from '../../../cli/corpus';

interface Baseline {
  entries: number;
  figuresRight: number;
  metaRight: number;
  inconsistenciesFound: number;
  detectionRight: number;
  falseErrors: number;
}

const baseline = JSON.parse(readFileSync('test/corpus/baseline.json', 'utf8')) as Baseline;

describe('scored corpus against its committed baseline', () => {
  let result: CorpusResult;
  it('checks every entry', async () => {
    result = await scoreCorpus('test/corpus');
    const failed = result.entries.filter((e) => e.error).map((e) => `${e.id}: ${e.error}`);
    expect(failed).toEqual([]);
    expect(result.totals.entries).toBeGreaterThanOrEqual(baseline.entries);
  });

  it.each(['figuresRight', 'metaRight', 'inconsistenciesFound', 'detectionRight'] as const)('%s does not fall below the baseline', (key) => {
    expect(result.totals[key]).toBeGreaterThanOrEqual(baseline[key]);
  });

  it('false errors on clean reports do not rise above the baseline', () => {
    const listed = result.entries.flatMap((e) => e.falseErrors.map((f) => `${e.id}: ${f}`));
    expect(listed.length, listed.join('\n')).toBeLessThanOrEqual(baseline.falseErrors);
  });
});

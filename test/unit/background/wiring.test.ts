import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 20: the background's index is the table of listeners only; logic lives in the services.
describe('entrypoints/background/index.ts', () => {
  const source = readFileSync(new URL('../../../entrypoints/background/index.ts', import.meta.url), 'utf8');

  it('is at most 80 lines', () => {
    expect(source.trimEnd().split('\n').length).toBeLessThanOrEqual(80);
  });

  it('declares no functions or classes of its own (only listeners and their one-line calls)', () => {
    expect(source).not.toMatch(/^\s*(export\s+)?(async\s+)?(function|class)\s/m);
    expect(source).not.toMatch(/^\s*const \w+ = (\([^)]*\)|\w+) =>/m);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each e2e file took, run alone on this 2-core machine (2026-12-06, under a load of 11 to 26 from
 * other suites: the order is what matters): the files are started longest first, so that the two lanes end
 * together (the default order on a clean clone is by file size, which can leave a long file to run alone at the
 * end). A file not listed is placed by its size (8 s per KB, as the listed ones average); the figures only order the files, so a stale one costs time,
 * never a check.
 */
const SECONDS: Record<string, number> = {
  'hardening.e2e.ts': 253,
  'pdf-scan.e2e.ts': 189,
  'picture-tables.e2e.ts': 152,
  'walk-evaluator.e2e.ts': 128,
  'in-page.e2e.ts': 125,
  'batch.e2e.ts': 108,
  'batch-scan.e2e.ts': 105,
  'pdf.e2e.ts': 78,
  'batch-service.e2e.ts': 68,
  'library-language.e2e.ts': 61,
  'panel-actions.e2e.ts': 58,
  'cross-year.e2e.ts': 58,
  'panel-reading.e2e.ts': 56,
  'walk-axe.e2e.ts': 52,
  'hierarchy.e2e.ts': 51,
  'library-sync.e2e.ts': 48,
  'walk-official.e2e.ts': 47,
  'walk-journalist.e2e.ts': 38,
  'listing.e2e.ts': 35,
  'first-paint.e2e.ts': 31,
  'library.e2e.ts': 29,
  'scores.e2e.ts': 17,
};

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const weight = (f: TestSpecification) => {
      const name = f.moduleId.replace(/^.*\/test\/e2e\//, '');
      return SECONDS[name] ?? (statSync(f.moduleId).size / 1024) * 8;
    };
    return [...files].sort((a, b) => weight(b) - weight(a));
  }
}

/**
 * Files written for Chromium alone (they launch it by name, not through BROWSERS): left out of the Firefox run,
 * where they would have no test. Read from the files, so a new one is placed without being listed; one that
 * launches Chromium in the Firefox run anyway fails loudly (test/e2e/lib/session.ts useBrowser).
 */
const CHROMIUM_ONLY = readdirSync('test/e2e')
  .filter((file) => file.endsWith('.e2e.ts') && !/\bBROWSERS\b/.test(readFileSync(join('test/e2e', file), 'utf8')))
  .map((file) => `test/e2e/${file}`);

// End-to-end tests in real browsers against the built extension (npm run build first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // One browser per file run: every file runs once for Chromium and once for Firefox (E2E_BROWSER, read by
    // test/e2e/lib/session.ts), so the two halves of a long file (a scan read by OCR in each browser, the
    // hardening sessions) go side by side in two lanes instead of one after the other in one.
    projects: [
      { extends: true, test: { name: 'chromium', env: { E2E_BROWSER: 'chromium' } } },
      { extends: true, test: { name: 'firefox', env: { E2E_BROWSER: 'firefox' }, exclude: CHROMIUM_ONLY } },
    ],
    // Three files at a time, each with its own fixture server and its own browsers (test/e2e/lib/session.ts):
    // most of an e2e test is waiting (on pages, throttled batch runs, quiet periods: two lanes used about half a
    // core, BENCHMARKS.md "npm test wall time"), so three browsers share the 2 cores. Nothing is shared between
    // files: random ports, a fresh profile per launch.
    fileParallelism: true,
    maxWorkers: 3,
    // Deadlines that end a hung test, not measures of speed: OCR tests in a browser took 3× longer at the load of
    // 7 to 10 that \`npm test\` makes than on a quiet machine. Waits inside a test keep their own, shorter deadlines.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // In CI a failed e2e test runs once more: a real browser under a load of 7 to 10 on 2 cores sometimes misses a
    // deadline that a quiet machine never does. A test that fails twice still fails the run; one that passed only
    // on its retry is listed by name and message at the end of `npm test` (test/e2e/lib/flaky-reporter.ts), to be
    // fixed, not forgotten. Locally there is no retry.
    retry: process.env.CI ? 1 : 0,
    reporters: ['default', './test/e2e/lib/flaky-reporter.ts'],
    sequence: { sequencer: LongestFirst },
  },
});

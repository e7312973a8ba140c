import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The fuzz files hold about three quarters of the suite's CPU time (each runs for one to two minutes on this
 * 2-core machine), and the files that read pictures by OCR or real PDFs take most of a minute each. Started
 * first, they run beside the many small files; left to the default order (file size, on a clean clone with no
 * timing cache) one of them can start last and run alone at the end.
 */
const HEAVY = /\.fuzz\.test\.ts$|\/(ocr\/pictures|batch\/pictures|pdf\/fixtures|cli\/baseline|pdf\/damaged)\.test\.ts$/;
class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const heavy = (f: TestSpecification) => HEAVY.test(f.moduleId);
    return [...sorted.filter(heavy), ...sorted.filter((f) => !heavy(f))];
  }
}

const INCLUDE = ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'utils/**/*.test.ts'];
/**
 * Files that change what the whole process sees (a fake IndexedDB, mocked modules, stubbed globals, fake timers) or
 * that assert a module's first-use state (marked `@vitest-isolate`) get a fresh module graph each, as Vitest does by
 * default. The others share their worker's modules: without this, each of the ~140 files loaded the parser, linkedom,
 * pdf.js or the OCR runtime anew, a seventh of the suite's CPU time (BENCHMARKS.md, "npm test wall time").
 * Read from the files themselves, so a new test that mocks or fakes is isolated without being listed.
 */
const NEEDS_ISOLATION = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers|resetModules)\b|fake-indexeddb|@vitest-isolate/;
const ISOLATED = ['test/unit', 'utils']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)))
  .filter((file) => /\.test\.tsx?$/.test(file) && NEEDS_ISOLATION.test(readFileSync(file, 'utf8')));

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      { extends: true, test: { name: 'shared', include: INCLUDE, exclude: ISOLATED, isolate: false } },
    ],
    // A deadline only to end a hung test, never a measure of speed (that is `npm run bench`): in `npm test` the
    // unit files run at a low CPU priority beside three e2e browsers, and an OCR file that takes 60 s on a quiet
    // machine took over 180 s at a load of 20. Ten minutes still ends a hang, and catches any quadratic blow-up
    // the fuzz files guard against (those run for hours).
    globalSetup: ['test/unit/ocr-cache.setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Vitest's default is one worker less than the cores: a single worker on 2 cores. The tests are CPU-bound
    // and each file is isolated, so one worker per core. Threads start faster than forked processes.
    pool: 'threads',
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: HeavyFirst },
  },
});

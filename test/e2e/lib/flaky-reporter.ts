import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Where the e2e run lists the tests that passed only on a retry; `npm test` (.ci/test.mjs) prints it last. */
export const FLAKY_FILE = 'test-results/e2e-flaky.json';

interface Flaky {
  test: string;
  retries: number;
  /** The failed attempts' messages: what to fix. */
  errors: string[];
}

/**
 * A test that failed and then passed on its retry is counted as passed by vitest: this reporter keeps such tests
 * visible. It prints them after the run and writes them to FLAKY_FILE, so that a green run that needed a retry is
 * never mistaken for a clean one (BENCHMARKS.md and the closing notes list them).
 */
export default class FlakyReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const flaky: Flaky[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const { flaky: wasFlaky, retryCount } = test.diagnostic() ?? { flaky: false, retryCount: 0 };
        if (!wasFlaky) continue;
        const errors = (test.result().errors ?? []).map((e) => String(e.message ?? e).slice(0, 500));
        flaky.push({ test: `${module.moduleId.replace(/^.*\/test\/e2e\//, '')} > ${test.fullName}`, retries: retryCount, errors });
      }
    }
    mkdirSync(dirname(FLAKY_FILE), { recursive: true });
    writeFileSync(FLAKY_FILE, `${JSON.stringify(flaky, null, 2)}\n`);
    if (flaky.length === 0) return;
    console.log(`\n[e2e] ${flaky.length} test(s) passed only on a retry (flaky):`);
    for (const f of flaky) console.log(`  - ${f.test} (retried ${f.retries}×)${f.errors.length ? `: ${f.errors.join(' | ')}` : ''}`);
  }
}

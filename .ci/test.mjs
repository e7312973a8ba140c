// `npm test`: every check, in two stages; the steps of a stage run side by side (each one's output is printed
// when it ends, so two never interleave). What needs the build comes after it; the build runs once, and not at
// all when .output/ is newer than its sources (.ci/build-if-stale.mjs).
//   1. typecheck ‖ build ‖ lint ‖ knip   (tsc and most of wxt build take a core each; Biome and knip are short)
//   2. e2e ‖ unit ‖ lint:firefox
// In stage 2 the e2e files (two at a time, each with its own browsers) mostly wait: on pages, throttled batch
// runs, quiet periods. Their waits have deadlines. The unit tests and web-ext lint are pure CPU with no deadline
// that matters, so they run at a low CPU priority (nice 10) and take the cores whenever the browsers leave them
// idle: the stage lasts about as long as the e2e files alone, instead of unit then e2e.
// Exits non-zero if any step failed; a failed stage stops the later ones. Prints each step's wall time.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';

/** A step: an npm script, or a node script; `nice` runs it at a low CPU priority. */
const STAGES = [
  [{ name: 'typecheck' }, { name: 'build', node: '.ci/build-if-stale.mjs' }, { name: 'lint' }, { name: 'knip' }],
  [{ name: 'test:e2e' }, { name: 'test:unit', nice: true }, { name: 'lint:firefox', nice: true }],
];
const NICE = 10;

function run(step) {
  const started = Date.now();
  const command = step.node ? ['node', step.node] : ['npm', 'run', '--silent', step.name];
  const [file, ...args] = step.nice && process.platform !== 'win32' ? ['nice', '-n', String(NICE), ...command] : command;
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = `[test] ${step.name}: ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s`;
      // A passing step's output is printed as it ends; a failing one's is held to the end of the run, so that
      // the tail of the log (often all a CI page keeps) shows what failed rather than the last step that passed.
      if (ok) {
        process.stdout.write(out);
        console.log(verdict);
      }
      resolve({ name: step.name, ok, seconds, out, verdict });
    });
  });
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
// Written by the e2e run's flaky reporter (test/e2e/lib/flaky-reporter.ts): tests that passed only on a retry.
const FLAKY_FILE = 'test-results/e2e-flaky.json';
rmSync(FLAKY_FILE, { force: true });
const started = Date.now();
const times = [];
let failed = [];
console.log(`[test] load average at the start: ${load()}`);
for (const stage of STAGES) {
  const results = await Promise.all(stage.map(run));
  times.push(...results);
  failed = results.filter((r) => !r.ok).map((r) => r.name);
  if (failed.length) break;
}
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`[test] ${times.map((t) => `${t.name} ${t.seconds} s`).join(', ')}; total ${total} s; load average at the end: ${load()}`);
const flaky = existsSync(FLAKY_FILE) ? JSON.parse(readFileSync(FLAKY_FILE, 'utf8')) : [];
for (const f of flaky) console.log(`[test] flaky (passed on its retry, to be fixed): ${f.test}: ${f.errors.join(' | ')}`);
for (const t of times.filter((r) => !r.ok)) {
  process.stdout.write(t.out);
  console.log(t.verdict);
}
if (failed.length) {
  console.error(`[test] failed: ${failed.join(', ')}`);
  process.exit(1);
}

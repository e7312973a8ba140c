// `npm test`: every check, in stages; the steps of a stage run side by side (each one's output is printed
// when it ends, so two never interleave). What needs the build comes after it; the build runs once.
//   1. typecheck ‖ build ‖ lint ‖ knip (tsc uses one core; most of wxt build is another; Biome and knip
//      (dead exports, files and dependencies) take a few seconds each)
//   2. unit ‖ lint:firefox    (web-ext lint reads the Firefox build on one core beside the unit workers)
//   3. e2e                    (two files at a time, each with its own browsers)
// Exits non-zero if any step failed; a failed stage stops the later ones. Prints each step's wall time.
import { spawn } from 'node:child_process';

const STAGES = [['typecheck', 'build', 'lint', 'knip'], ['test:unit', 'lint:firefox'], ['test:e2e']];

function run(script, alone) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('close', (code, signal) => {
      if (!alone) process.stdout.write(out);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[test] ${script}: ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s`);
      resolve({ script, ok: code === 0, seconds });
    });
  });
}

const started = Date.now();
const times = [];
let failed = [];
for (const stage of STAGES) {
  const results = await Promise.all(stage.map((script) => run(script, stage.length === 1)));
  times.push(...results);
  failed = results.filter((r) => !r.ok).map((r) => r.script);
  if (failed.length) break;
}
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`[test] ${times.map((t) => `${t.script} ${t.seconds} s`).join(', ')}; total ${total} s`);
if (failed.length) {
  console.error(`[test] failed: ${failed.join(', ')}`);
  process.exit(1);
}

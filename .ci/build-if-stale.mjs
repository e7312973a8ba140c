// `npm run build` unless both builds in .output/ are newer than everything they are built from, so that
// `npm run demo` and `npm run bench` right after `npm test` (or after each other) do not build a third time.
// Fresh means: both manifests exist and no input file was modified after the older of the two was written.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUT_DIRS = ['entrypoints', 'components', 'utils', 'public', 'assets', 'wxt-plugins'];
const INPUT_FILES = ['wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const OUTPUTS = ['.output/chrome-mv3/manifest.json', '.output/firefox-mv2/manifest.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = OUTPUTS.every((f) => existsSync(f)) ? Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs)) : 0;
const inputs = Math.max(...INPUT_DIRS.map(newest), ...INPUT_FILES.map(newest));
if (built > inputs) {
  console.log('build: .output/ is newer than its sources, not rebuilt');
} else {
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

// A stand-in for the CLI pool's worker (check-pool.test.ts): answers each file with its own name, and dies
// (exit code 3) on a file named die-*, the way a worker dies of a file that takes its thread down.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ index, file }) => {
  if (file.startsWith('die-')) process.exit(3);
  parentPort.postMessage({ index, answer: { printed: { source: file }, summary: null, strays: [] } });
});

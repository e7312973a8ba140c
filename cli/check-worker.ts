/** A worker of the CLI's pool (check-pool.ts): checks the files it is sent, one at a time, as check.ts does. */
import { parentPort } from 'node:worker_threads';
import { answerFile } from './check';
import type { WorkerReply, WorkerRequest } from './check-pool';

parentPort?.on('message', async ({ index, file, json }: WorkerRequest) => {
  parentPort?.postMessage({ index, answer: await answerFile(file, json) } satisfies WorkerReply);
});

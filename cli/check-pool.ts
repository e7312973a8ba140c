/**
 * `npm run check` over many files on a small pool of worker threads (node:worker_threads, one per core): each
 * worker runs the CLI's own per-file check (answerFile in check.ts, with its guard) on one file at a time, and
 * the answers are handed on in input order. A worker that dies costs only the file it held: that file is
 * refused with the reason and a new worker takes the rest.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileAnswer } from './check';

/**
 * Threads for the bench and `--jobs=auto`: one per core, at most MAX_JOBS. Not the CLI's default: each worker
 * loads tsx, the parser and the rules anew (measured 0.75 s CPU each), and on this shared 2-core machine the
 * pool was not shown to win (see BENCHMARKS.md, "Sprint 8"); one thread stays the default.
 */
const MAX_JOBS = 4;
export function poolJobs(): number {
  return Math.min(MAX_JOBS, availableParallelism());
}

export interface WorkerRequest {
  index: number;
  file: string;
  json: boolean;
}
export interface WorkerReply {
  index: number;
  answer: FileAnswer;
}

const WORKER = new URL('./check-worker.mjs', import.meta.url);

/** `worker`: the worker's module (a test gives one that dies on some files). */
export async function* answerFilesPooled(files: string[], jobs: number, json: boolean, worker = WORKER): AsyncGenerator<FileAnswer> {
  const answers = new Map<number, FileAnswer>();
  let next = 0;
  let wake: (() => void) | null = null;
  const settle = (index: number, answer: FileAnswer) => {
    answers.set(index, answer);
    wake?.();
    wake = null;
  };
  const start = () => {
    const thread = new Worker(worker);
    let held = -1;
    let failure = '';
    const feed = () => {
      if (next >= files.length) {
        held = -1;
        void thread.terminate();
        return;
      }
      held = next++;
      thread.postMessage({ index: held, file: files[held]!, json } satisfies WorkerRequest);
    };
    thread.on('message', ({ index, answer }: WorkerReply) => {
      settle(index, answer);
      feed();
    });
    thread.on('error', (error) => {
      failure = error instanceof Error ? error.message : String(error);
    });
    thread.on('exit', (code) => {
      if (held < 0) return;
      settle(held, { refused: `the check stopped (${failure || `worker exit ${code}`})` });
      held = -1;
      if (next < files.length) start();
    });
    feed();
  };
  for (let i = 0; i < Math.min(jobs, files.length); i++) start();
  for (let i = 0; i < files.length; i++) {
    while (!answers.has(i)) await new Promise<void>((resolve) => (wake = resolve));
    const answer = answers.get(i)!;
    answers.delete(i);
    yield answer;
  }
}

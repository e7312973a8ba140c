// The pool's worker thread starts here: Node does not hand tsx's loader to worker threads, so the worker
// registers it itself before loading the TypeScript worker (check-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');

/**
 * The batch queue's storage (batchRuns, batchItems in the library database), as the port the batch service
 * writes through. Built by the library service, the owner of the database handle, so the batch service
 * never holds the handle itself.
 */
import { createBatchRun, DexieQueueStore, retryBatchItem, runningBatchRuns, setBatchRunState } from '@/utils/library/batch-store';
import type { LibraryDB } from '@/utils/library/store';
import type { BatchQueuePort } from './ports';

export function dexieBatchQueue(db: () => Promise<LibraryDB>): BatchQueuePort {
  return {
    create: async (input) => createBatchRun(await db(), input),
    run: async (id) => (await db()).batchRuns.get(id),
    item: async (id) => (await db()).batchItems.get(id),
    setState: async (id, state) => setBatchRunState(await db(), id, state),
    retry: async (itemId, now) => retryBatchItem(await db(), itemId, now),
    running: async () => runningBatchRuns(await db()),
    items: async (runId) => new DexieQueueStore(await db()).items(runId),
    putItem: async (item) => new DexieQueueStore(await db()).putItem(item),
  };
}

/**
 * The batch queue and the hierarchy marks in the library database (stores added in v4). The queue's
 * writers are the background's services only (see test/unit/one-writer.test.ts).
 */
import Dexie from 'dexie';
import type { BatchItem, BatchRun, QueueStore, RunState } from '../batch/queue';
import { type ListedHint, planItems, retryItem } from '../batch/queue';
import type { LibraryDB } from './db';
import type { HierarchyLink } from './hierarchy';

/** QueueStore over Dexie: what BatchRunner persists every step to. */
export class DexieQueueStore implements QueueStore {
  constructor(private readonly db: LibraryDB) {}

  items(runId: string): Promise<BatchItem[]> {
    return this.db.batchItems.where('[runId+order]').between([runId, Dexie.minKey], [runId, Dexie.maxKey]).toArray();
  }

  async putItem(item: BatchItem): Promise<void> {
    await this.db.batchItems.put(item);
  }
}

/** A run to create: its addresses, where they came from, their listing hints and the agencies expected. */
export interface NewBatchRun {
  id: string;
  addresses: readonly string[];
  source: string | null;
  now: number;
  hints?: ReadonlyMap<string, ListedHint>;
  expected?: readonly string[];
}

/** Creates a run and its items in one transaction (both or neither). Returns the run. */
export async function createBatchRun(db: LibraryDB, input: NewBatchRun): Promise<{ run: BatchRun; items: BatchItem[] }> {
  const run: BatchRun = { id: input.id, createdAt: input.now, state: 'running', source: input.source };
  if (input.expected?.length) run.expected = [...input.expected];
  const items = planItems(input.id, input.addresses, input.now, input.hints);
  await db.transaction('rw', db.batchRuns, db.batchItems, async () => {
    await db.batchRuns.put(run);
    await db.batchItems.bulkPut(items);
  });
  return { run, items };
}

export async function setBatchRunState(db: LibraryDB, id: string, state: RunState): Promise<void> {
  await db.batchRuns.update(id, { state });
}

/** Runs to pick up again on startup: those that were running when the worker or browser stopped. */
export function runningBatchRuns(db: LibraryDB): Promise<BatchRun[]> {
  return db.batchRuns.where('state').equals('running').toArray();
}

/** The retry button: a failed item back to waiting. Returns false when the item is not a failed one. */
export async function retryBatchItem(db: LibraryDB, itemId: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.batchItems, async () => {
    const item = await db.batchItems.get(itemId);
    if (item?.state !== 'failed') return false;
    await db.batchItems.put(retryItem(item, now));
    return true;
  });
}

/** Marks `child` (agency key) as reporting to `parent`; marking twice is harmless. */
export async function markChildAgency(db: LibraryDB, parent: string, child: string, now: Date = new Date()): Promise<void> {
  if (!parent || !child || parent === child) return;
  await db.transaction('rw', db.hierarchyLinks, async () => {
    const existing = await db.hierarchyLinks.where('[parent+child]').equals([parent, child]).first();
    if (!existing) await db.hierarchyLinks.add({ parent, child, createdAt: now.toISOString() });
  });
}

export async function unmarkChildAgency(db: LibraryDB, parent: string, child: string): Promise<void> {
  await db.hierarchyLinks.where('[parent+child]').equals([parent, child]).delete();
}

export async function childAgencies(db: LibraryDB, parent: string): Promise<string[]> {
  return (await db.hierarchyLinks.where('parent').equals(parent).toArray()).map((l: HierarchyLink) => l.child);
}

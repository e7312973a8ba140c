/**
 * One writer: the library database is written only by the background's library service
 * (entrypoints/background/library.ts) through the storage layer (utils/library/), and the batch queue only
 * through the port the library service builds for the batch service (batch-queue.ts). Extension pages read
 * (liveQuery) and send their writes as messages; a direct write anywhere else fails this test. Inside the
 * background, no other service even holds the database handle: they talk through ports (ports.ts).
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

/** Dexie writes on a table (db.reviews.put(…), tx.table('x').add(…), …) and read-write transactions. */
const DEXIE_WRITE =
  /\.(reports|bodies|reviews|agencyLinks|batchRuns|batchItems|hierarchyLinks|table\([^)]*\))\s*\.\s*(put|add|bulkPut|bulkAdd|delete|bulkDelete|update|clear|modify)\s*\(|\.(where|filter|orderBy)\([^)]*\)[^;\n]*\.(delete|modify)\s*\(|transaction\(\s*['"]rw/;
/** The storage layer's writing functions, called from outside the service. */
const STORE_WRITE =
  /(?<![.\w])(saveReport|setReview|removeReport|restoreReport|linkAgencies|unlinkAgencies|updateFindings|importJson|reevaluateReport|reevaluateNeighbours|rescoreReport|seedSyntheticLibrary|createBatchRun|setBatchRunState|retryBatchItem|markChildAgency|unmarkChildAgency|reevaluateAgency)\s*\(/;

const ALLOWED: Record<string, string> = {
  'entrypoints/background/library.ts': 'the library service, the one writer',
  'entrypoints/background/batch-queue.ts': 'the batch queue’s storage, the port through which the batch service alone writes it',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Code without comments, so a comment that names a write does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('one writer of the library database', () => {
  it('no file outside the library service (and the storage layer it calls) writes to Dexie', () => {
    const files = ['entrypoints', 'components', 'utils']
      .flatMap((d) => sources(join(root, d)))
      .map((f) => relative(root, f).replaceAll('\\', '/'))
      .filter((f) => !f.startsWith('utils/library/'));
    expect(files.length).toBeGreaterThan(30);
    const offenders = files
      .filter((f) => !(f in ALLOWED))
      .filter((f) => {
        const text = code(readFileSync(join(root, f), 'utf8'));
        return DEXIE_WRITE.test(text) || STORE_WRITE.test(text);
      });
    expect(offenders).toEqual([]);
  });

  it('the batch service writes the queue through its port and never reports directly: it saves through the library service', () => {
    const text = code(readFileSync(join(root, 'entrypoints/background/batch.ts'), 'utf8'));
    expect(DEXIE_WRITE.test(text) || STORE_WRITE.test(text)).toBe(false);
    expect(text).toMatch(/library\.save\(/);
    expect(text).toMatch(/queue\.create\(/);
    // The queue port itself writes nothing but the queue.
    const queue = code(readFileSync(join(root, 'entrypoints/background/batch-queue.ts'), 'utf8'));
    expect(queue).not.toMatch(
      /\.(reports|bodies|reviews|agencyLinks|hierarchyLinks)\s*\.\s*(put|add|bulkPut|bulkAdd|delete|bulkDelete|update|clear|modify)\s*\(/,
    );
    expect(queue).not.toMatch(/(?<![.\w])(saveReport|setReview|removeReport|restoreReport|importJson|markChildAgency)\s*\(/);
  });

  it('the patterns catch the writes the library page used to make', () => {
    for (const line of [
      'await setReview(db, reportId, key, { status, note });',
      'const removed = await removeReport(db, row.id!);',
      'await importJson(db, await file.text());',
      'await db.reviews.put({ reportId, findingKey: key });',
      "await db.transaction('rw', db.reports, async () => {});",
      "await tx.table('bodies').bulkPut(bodies);",
      "await db.agencyLinks.where('[a+b]').equals([x, y]).delete();",
      'await db.batchItems.put(item);',
      'await markChildAgency(db, parent, child);',
      'await createBatchRun(db, { id, addresses, source, now });',
    ])
      expect(DEXIE_WRITE.test(line) || STORE_WRITE.test(line), line).toBe(true);
    for (const line of [
      'seen.add(key);',
      'await writes.importJson(text);',
      "rows.delete('other');",
      "db.reports.where('url').equals(u).toArray();",
    ]) {
      expect(DEXIE_WRITE.test(line) || STORE_WRITE.test(line), line).toBe(false);
    }
  });
});

/**
 * A database handle reached from a background module: the library service's handle getter, the database's
 * type or opener, Dexie itself, or a value import from the storage layers whose functions take the handle.
 * Type-only imports (a row's shape) are not a handle.
 */
const HANDLE = [
  /\.library\(\s*\)/,
  /\b(LibraryDB|ensureOpen)\b|(?<![.\w])openLibrary\s*\(/,
  /from\s+['"]dexie['"]/,
  /import\s+(?!type\b)[^;]*?from\s+['"]@\/utils\/library\/(store|batch-store|exchange)['"]/,
];
const reachesHandle = (text: string) => HANDLE.some((re) => re.test(text));

/** The two modules that may hold it: the library service opens it, and builds the queue port over it. */
const HOLDERS: Record<string, string> = {
  'entrypoints/background/library.ts': 'opens and holds the handle',
  'entrypoints/background/batch-queue.ts': 'the queue port, built by the library service over its handle',
};

describe('background services talk through ports, not a database handle', () => {
  it('no background module but the library service and its queue port reaches the database handle', () => {
    const dir = join(root, 'entrypoints/background');
    const files = sources(dir).map((f) => relative(root, f).replaceAll('\\', '/'));
    expect(files).toContain('entrypoints/background/tab-state.ts');
    expect(files).toContain('entrypoints/background/batch.ts');
    const offenders = files.filter((f) => !(f in HOLDERS)).filter((f) => reachesHandle(code(readFileSync(join(root, f), 'utf8'))));
    expect(offenders).toEqual([]);
    // The holders do hold it (the test would pass vacuously on a renamed getter).
    for (const f of Object.keys(HOLDERS)) expect(reachesHandle(code(readFileSync(join(root, f), 'utf8'))), f).toBe(true);
  });

  it('the patterns catch the ways services used to reach it, and not a port call or a type import', () => {
    // Written through a variable so test/unit/imports.test.ts does not take these strings for this file's imports.
    const at = '@';
    for (const line of [
      'now.reviews = toReviewMap(await reviewsFor(await this.library.library(), answer.saved.id));',
      'return this.deps.library.library();',
      `import { createBatchRun, DexieQueueStore, retryBatchItem } from '${at}/utils/library/batch-store';`,
      `import { reviewsFor } from '${at}/utils/library/store';`,
      `import { type LibraryDB, reviewsFor } from '${at}/utils/library/store';`,
      'constructor(private readonly db: LibraryDB) {}',
      "import Dexie from 'dexie';",
      "const library = new LibraryService(() => openLibrary('x'));",
    ])
      expect(reachesHandle(line), line).toBe(true);
    for (const line of [
      'now.reviews = await this.library.reviewsOf(answer.saved.id);',
      'const run = await this.deps.queue.run(runId);',
      `import type { Neighbours } from '${at}/utils/library/store';`,
      `import { ruleContext, type LibraryContext } from '${at}/utils/library/evaluate';`,
      `import { isLibraryError } from '${at}/utils/library/errors';`,
      "onMessage('openLibrary', async ({ data, sender }) => openLibraryPage(null));",
    ])
      expect(reachesHandle(line), line).toBe(false);
  });
});

/**
 * One writer: the library database is written only by the background's library service
 * (entrypoints/background/library.ts) through the storage layer (utils/library/). Extension pages read
 * (liveQuery) and send their writes as messages; a direct write anywhere else fails this test.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../..');

/** Dexie writes on a table (db.reviews.put(…), tx.table('x').add(…), …) and read-write transactions. */
const DEXIE_WRITE = /\.(reports|bodies|reviews|agencyLinks|batchRuns|batchItems|hierarchyLinks|table\([^)]*\))\s*\.\s*(put|add|bulkPut|bulkAdd|delete|bulkDelete|update|clear|modify)\s*\(|\.(where|filter|orderBy)\([^)]*\)[^;\n]*\.(delete|modify)\s*\(|transaction\(\s*['"]rw/;
/** The storage layer's writing functions, called from outside the service. */
const STORE_WRITE = /(?<![.\w])(saveReport|setReview|removeReport|restoreReport|linkAgencies|unlinkAgencies|updateFindings|importJson|reevaluateReport|reevaluateNeighbours|rescoreReport|seedSyntheticLibrary|createBatchRun|setBatchRunState|retryBatchItem|markChildAgency|unmarkChildAgency|reevaluateAgency)\s*\(/;

const ALLOWED: Record<string, string> = {
  'entrypoints/background/library.ts': 'the library service, the one writer',
  'entrypoints/background/batch.ts': 'the batch service, the one writer of the batch queue (reports only through the library service)',
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
    const offenders = files.filter((f) => !(f in ALLOWED)).filter((f) => {
      const text = code(readFileSync(join(root, f), 'utf8'));
      return DEXIE_WRITE.test(text) || STORE_WRITE.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('the batch service writes the queue only, never reports directly: it saves through the library service', () => {
    const text = code(readFileSync(join(root, 'entrypoints/background/batch.ts'), 'utf8'));
    expect(text).not.toMatch(/\.(reports|bodies|reviews|agencyLinks|hierarchyLinks)\s*\.\s*(put|add|bulkPut|bulkAdd|delete|bulkDelete|update|clear|modify)\s*\(/);
    expect(text).not.toMatch(/(?<![.\w])(saveReport|setReview|removeReport|restoreReport|importJson|markChildAgency)\s*\(/);
    expect(text).toMatch(/library\.save\(/);
  });

  it('the patterns catch the writes the library page used to make', () => {
    for (const line of [
      'await setReview(db, reportId, key, { status, note });',
      'const removed = await removeReport(db, row.id!);',
      'await importJson(db, await file.text());',
      'await db.reviews.put({ reportId, findingKey: key });',
      "await db.transaction('rw', db.reports, async () => {});",
      "await tx.table('bodies').bulkPut(bodies);",
      'await db.agencyLinks.where(\'[a+b]\').equals([x, y]).delete();',
      'await db.batchItems.put(item);',
      'await markChildAgency(db, parent, child);',
      "await createBatchRun(db, { id, addresses, source, now });",
    ]) expect(DEXIE_WRITE.test(line) || STORE_WRITE.test(line), line).toBe(true);
    for (const line of ['seen.add(key);', 'await writes.importJson(text);', 'rows.delete(\'other\');', 'db.reports.where(\'url\').equals(u).toArray();']) {
      expect(DEXIE_WRITE.test(line) || STORE_WRITE.test(line), line).toBe(false);
    }
  });
});

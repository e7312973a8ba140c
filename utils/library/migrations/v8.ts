/**
 * v7 → v8 (issue 18): on a scan read by OCR, a table not found (table-missing 'unreadScan') and the findings that
 * rest on text read from the scan (read-from-scan) are not checkable, as a table published as a picture is: they
 * leave the data-logic counts (utils/score/scorecard.ts notCheckable). The counts are recomputed as v6 first did
 * (rows whose counts do not change are left alone), then every summary is refilled from its row as v7 did.
 */
import type { Transaction } from 'dexie';
import { upgradeToV6 } from './v6';
import { upgradeToV7 } from './v7';

export async function upgradeToV8(tx: Transaction): Promise<void> {
  await upgradeToV6(tx);
  await upgradeToV7(tx);
}

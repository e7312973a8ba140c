/**
 * What the report scripts send, per message: its type, size and whether it carried a Report. Recorded
 * (storage.session "traffic", capped) so tests can count the Reports crossing per check.
 */
import type { TrafficRecord } from '@/utils/messaging';
import { appendSession, getSession } from './session';

const MAX_RECORDS = 200;

/** Called for every runtime message; only content-script messages of the typed protocol are kept. */
export function recordTraffic(message: unknown, tabId: number | undefined): void {
  if (tabId === undefined || tabId < 0 || typeof message !== 'object' || message === null) return;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string') return;
  const report = typeof data === 'object' && data !== null && typeof (data as { report?: { text?: unknown } }).report?.text === 'string';
  let size = 0;
  try {
    size = JSON.stringify(message).length;
  } catch {
    size = -1;
  }
  void appendSession<TrafficRecord>('traffic', { type, tabId, size, report }, MAX_RECORDS);
}

export async function traffic(): Promise<TrafficRecord[]> {
  return (await getSession<TrafficRecord[]>('traffic')) ?? [];
}

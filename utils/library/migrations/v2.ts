/**
 * v1 → v2: reports kept the Report and findings inline, so listing 10,000 of them read every report's full
 * text. v2 moves Report + findings into `bodies` and keeps a small row with indexed columns (region, era,
 * figures, finding counts) and a `latest` flag per URL. Frozen v1 sample: test/unit/library/fixtures/v1-sample.json.
 */
import type { Transaction } from 'dexie';
import type { Finding, Report } from '../../report/types';
import { countFindings, reportColumns } from '../row';
import type { ReportBody, ReportRow } from '../types';

/** The v1 record, frozen. */
interface ReportRecordV1 {
  id: number;
  url: string;
  contentHash: string;
  savedAt: string;
  agency: string | null;
  year: number | null;
  era: string | null;
  report: Report;
  findings: Finding[];
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const old = (await tx.table('reports').toArray()) as ReportRecordV1[];
  const latestByUrl = new Map<string, number>();
  const previousOf = new Map<number, number>();
  const sorted = [...old].sort((a, b) => a.id - b.id);
  for (const r of sorted) {
    const prev = latestByUrl.get(r.url);
    if (prev !== undefined) previousOf.set(r.id, prev);
    latestByUrl.set(r.url, r.id);
  }
  const bodies: ReportBody[] = [];
  const rows: ReportRow[] = [];
  for (const r of sorted) {
    const findings = Array.isArray(r.findings) ? r.findings : [];
    bodies.push({ id: r.id, report: r.report, findings });
    const { counts, ruleCounts } = countFindings(findings);
    const row: ReportRow = {
      id: r.id,
      url: r.url,
      contentHash: r.contentHash,
      savedAt: r.savedAt,
      checkedAt: r.savedAt,
      latest: latestByUrl.get(r.url) === r.id ? 1 : 0,
      ...reportColumns(r.report),
      counts,
      ruleCounts,
    };
    const prev = previousOf.get(r.id);
    if (prev !== undefined) row.previousId = prev;
    rows.push(row);
  }
  await tx.table('bodies').bulkPut(bodies);
  // put() replaces the whole v1 record, dropping the inline report and findings.
  await tx.table('reports').bulkPut(rows);
}

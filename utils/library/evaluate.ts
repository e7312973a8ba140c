/**
 * Re-running the rules on saved reports with the library as context: the neighbour years (cross-year rules
 * carry-over, regulations-continuity, copied-text read context.neighbours) and the children the user marked
 * under the report's agency (cross-report rule hierarchy-sum reads context.children).
 */
import type { Finding, Report } from '../report/types';
import type { NeighbourReport, RuleContext } from '../rules';
import { runRules } from '../rules';
import { agencyKey } from './agency';
import type { LibraryDB } from './db';
import { agencyGroups, getReport, type Neighbours, neighboursOf, rescoreReport, updateFindings } from './store';
import type { ReportRow } from './types';

const NAME_ORDER = new Intl.Collator('zh-Hans-CN');

export type RunRules = (report: Parameters<typeof runRules>[0], context?: RuleContext) => Finding[];

/** A marked child's report of the parent's year, with where it is saved (the library links to it). */
export interface ChildReport extends NeighbourReport {
  id: number;
  agencyKey: string;
}

/** What hierarchy-sum needs: the children found for the year, and the marked children with no report of it. */
export interface HierarchyContext {
  children: ChildReport[];
  missingChildren: string[];
}

/** Everything a report is checked against in the library. */
export interface LibraryContext {
  neighbours: Neighbours;
  /** Absent when the report's agency has no marked children (the rule then has nothing to say). */
  hierarchy?: HierarchyContext;
}

function withUrl(saved: { report: Report; url: string }): Report {
  return saved.report.source?.url ? saved.report : { ...saved.report, source: { ...saved.report.source, url: saved.url } };
}

/** The newest revision among rows of one agency group and year: the exact name first, then the newest save. */
function pickRow(rows: readonly ReportRow[], key: string): ReportRow | undefined {
  return rows
    .filter((r) => r.latest === 1)
    .sort((a, b) => Number(b.agencyKey === key) - Number(a.agencyKey === key) || b.savedAt.localeCompare(a.savedAt) || b.id! - a.id!)[0];
}

/**
 * The children marked under the report's agency (marks on any name linked to it count) and their reports of
 * the report's year. Undefined when nothing is marked or the report has no agency or year.
 */
export async function hierarchyOf(db: LibraryDB, report: Report): Promise<HierarchyContext | undefined> {
  const key = agencyKey(report.meta?.agency);
  const year = report.meta?.year;
  if (!key || typeof year !== 'number') return undefined;
  return db.transaction('r', db.reports, db.bodies, db.agencyLinks, db.hierarchyLinks, async () => {
    const groups = agencyGroups(await db.agencyLinks.toArray());
    const group = (k: string) => [...(groups.get(k) ?? [k])];
    const own = new Set(group(key));
    const links = await db.hierarchyLinks
      .where('parent')
      .anyOf([...own])
      .toArray();
    // One entry per child body, however many of its names were marked.
    const childKeys = new Map<string, string>();
    for (const link of links) {
      const keys = group(link.child);
      if (keys.some((k) => own.has(k))) continue;
      const canonical = [...keys].sort()[0]!;
      if (!childKeys.has(canonical)) childKeys.set(canonical, link.child);
    }
    if (childKeys.size === 0) return undefined;
    const children: ChildReport[] = [];
    const missingChildren: string[] = [];
    // Named in the order a reader looks them up (拼音), not by code point.
    for (const child of [...childKeys.values()].sort(NAME_ORDER.compare)) {
      const rows = await db.reports
        .where('[agencyKey+year]')
        .anyOf(group(child).map((k) => [k, year]))
        .toArray();
      const row = pickRow(rows, child);
      const body = row ? await db.bodies.get(row.id!) : undefined;
      if (!row || !body) {
        missingChildren.push(child);
        continue;
      }
      const c: ChildReport = { report: body.report, label: row.agency ?? child, id: row.id!, agencyKey: row.agencyKey };
      if (row.url) c.url = row.url;
      children.push(c);
    }
    return { children, missingChildren };
  });
}

/** Neighbour years and marked children of a report, for a re-check or for a tab's report. */
export async function libraryContextOf(db: LibraryDB, report: Report): Promise<LibraryContext> {
  const neighbours = await neighboursOf(db, report);
  const hierarchy = await hierarchyOf(db, report);
  return hierarchy ? { neighbours, hierarchy } : { neighbours };
}

/** The RuleContext of a library context. */
export function ruleContext(context: LibraryContext): RuleContext {
  const out: RuleContext = { neighbours: context.neighbours };
  if (context.hierarchy) {
    out.children = context.hierarchy.children;
    out.missingChildren = context.hierarchy.missingChildren;
  }
  return out;
}

/** Re-check one saved report against its saved neighbours and marked children, and store the new findings. */
export async function reevaluateReport(db: LibraryDB, id: number, run: RunRules = runRules): Promise<Finding[] | undefined> {
  const saved = await getReport(db, id);
  if (!saved) return undefined;
  const report = withUrl(saved);
  const findings = run(report, ruleContext(await libraryContextOf(db, report)));
  if (JSON.stringify(findings) !== JSON.stringify(saved.findings)) await updateFindings(db, id, findings);
  // The score's copied share reads last year's report, which may have just arrived.
  await rescoreReport(db, id);
  return findings;
}

/**
 * After a save: re-check the saved neighbours (year − 1 and year + 1), whose cross-year findings may change
 * now that this year is in the library. Returns the ids re-checked.
 */
export async function reevaluateNeighbours(db: LibraryDB, id: number, run: RunRules = runRules): Promise<number[]> {
  const saved = await getReport(db, id);
  if (!saved) return [];
  const n = await neighboursOf(db, withUrl(saved));
  const ids = [n.previous?.id, n.next?.id].filter((x): x is number => typeof x === 'number');
  for (const other of ids) await reevaluateReport(db, other, run);
  return ids;
}

/**
 * The newest reports, of `year` (or of every year: 'any'), of the agencies the given one is marked under.
 * Ids only; honours agency links on both sides. None when the year is unknown.
 */
export async function parentReportIds(db: LibraryDB, agency: string | null | undefined, year: number | null | 'any'): Promise<number[]> {
  const key = agencyKey(agency);
  if (!key || year === null) return [];
  return db.transaction('r', db.reports, db.agencyLinks, db.hierarchyLinks, async () => {
    const groups = agencyGroups(await db.agencyLinks.toArray());
    const group = (k: string) => [...(groups.get(k) ?? [k])];
    const links = await db.hierarchyLinks.where('child').anyOf(group(key)).toArray();
    const parents = new Set(links.flatMap((l) => group(l.parent)));
    return reportIdsOf(db, [...parents], year);
  });
}

/** The newest revision of each report of these agency keys (one year, or all). */
async function reportIdsOf(db: LibraryDB, keys: readonly string[], year: number | 'any'): Promise<number[]> {
  if (keys.length === 0) return [];
  const rows =
    year === 'any'
      ? await db.reports
          .where('agencyKey')
          .anyOf([...keys])
          .toArray()
      : await db.reports
          .where('[agencyKey+year]')
          .anyOf(keys.map((k) => [k, year]))
          .toArray();
  return rows
    .filter((r) => r.latest === 1)
    .map((r) => r.id!)
    .sort((a, b) => a - b);
}

/** Re-check every newest report of an agency and the names linked to it (its marks changed). Returns the ids. */
export async function reevaluateAgency(db: LibraryDB, agency: string, run: RunRules = runRules): Promise<number[]> {
  const key = agencyKey(agency);
  if (!key) return [];
  const groups = agencyGroups(await db.agencyLinks.toArray());
  const ids = await reportIdsOf(db, [...(groups.get(key) ?? [key])], 'any');
  for (const id of ids) await reevaluateReport(db, id, run);
  return ids;
}

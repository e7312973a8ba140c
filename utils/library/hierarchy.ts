/**
 * Parent and children among agencies: a government (某县人民政府) and the departments, towns and lower
 * governments whose reports add up to its own (rule hierarchy-sum). The user marks them; these helpers
 * suggest them from agency names, and pick the reports of one year to compare.
 */

import { agencyKey } from './agency';
import type { ReportRow } from './types';

/** A user-made mark: `child` reports to `parent` (both agency keys). Year-independent. */
export interface HierarchyLink {
  id?: number;
  parent: string;
  child: string;
  createdAt: string;
}

/**
 * The place a government governs, from its name: 某县人民政府 → 某县, 甘肃省张掖市人民政府 → 甘肃省张掖市, 某县政府 and
 * a bare 某县 → 某县.
 * Null for anything else, and for towns (某镇人民政府): no other report adds up into a town's.
 */
export function governedPlace(agency: string | null | undefined): string | null {
  const key = agencyKey(agency);
  // 某县人民政府, 某县政府 (titles shorten it), or the place named bare as many titles name the government (东岭县).
  const m = /^(.+?)(?:人民)?政府$/.exec(key) ?? (/(?<!社|园|景|街|小)(省|市|州|盟|县|区|旗)$/.test(key) ? [key, key] : null);
  if (!m) return null;
  const place = m[1]!;
  if (/(镇|乡|街道)$/.test(place) || place.length < 2) return null;
  return place;
}

type Named = Pick<ReportRow, 'agency' | 'agencyKey'>;

/**
 * Suggested children per parent (agency keys). A name belongs under the government with the longest place
 * it starts with: 某市某区教育局 goes under 某市某区人民政府 when that government is in the list, under
 * 某市人民政府 otherwise. Names that no listed government's place starts them are left out.
 */
export function suggestHierarchy(rows: readonly Named[]): Map<string, string[]> {
  const governments = new Map<string, string>(); // place → agency key
  const keys = new Set<string>();
  for (const row of rows) {
    const key = row.agencyKey || agencyKey(row.agency);
    if (!key) continue;
    keys.add(key);
    const place = governedPlace(key);
    if (place) governments.set(place, key);
  }
  const places = [...governments.keys()].sort((a, b) => b.length - a.length);
  const out = new Map<string, string[]>();
  for (const key of [...keys].sort()) {
    const place = places.find((p) => key.startsWith(p) && governments.get(p) !== key);
    if (!place) continue;
    const parent = governments.get(place)!;
    const list = out.get(parent) ?? [];
    list.push(key);
    out.set(parent, list);
  }
  return out;
}

/** The children's reports of the parent's year: the newest revision per child agency; children with none are listed apart. */
export function childReportsOfYear<T extends Pick<ReportRow, 'agencyKey' | 'year' | 'latest'>>(
  childKeys: readonly string[],
  year: number | null,
  rows: readonly T[],
): { found: T[]; missing: string[] } {
  const found: T[] = [];
  const missing: string[] = [];
  for (const child of childKeys) {
    const row = rows.find((r) => r.agencyKey === child && r.year === year && r.latest === 1);
    if (row) found.push(row);
    else missing.push(child);
  }
  return { found, missing };
}

/**
 * The agencies a batch run expects a report from (issue 21): one name per line, pasted or read from a file.
 * After the run, the expected names that no saved report of the year matches are the ones with no report.
 * Pure: names and rows in, names out.
 */
import { agencyKey } from './agency';

/** At most this many names (a province's every department and town is a few thousand). */
const MAX_EXPECTED = 5000;

/** One name per line (commas and semicolons also split; not 、, which follows list numbers); blank lines, list numbers and repeats dropped. */
export function parseExpectedAgencies(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/[\r\n,，;；\t]+/)) {
    const name = line
      .replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、．)）]\s*/, '')
      .trim()
      .slice(0, 200);
    const key = agencyKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
    if (out.length >= MAX_EXPECTED) break;
  }
  return out;
}

/** The expected names with no report of the year among the rows (agency links count as the same body). */
export function missingAgencies(
  expected: readonly string[],
  rows: readonly { agencyKey: string; year: number | null; latest: 0 | 1 }[],
  year: number | null,
  groups: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): string[] {
  const have = new Set(rows.filter((r) => r.latest === 1 && (year === null || r.year === year)).map((r) => r.agencyKey));
  return expected.filter((name) => {
    const key = agencyKey(name);
    return ![...(groups.get(key) ?? [key])].some((k) => have.has(k));
  });
}

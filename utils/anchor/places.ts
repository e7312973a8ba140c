/**
 * The places a finding names besides its own location, as Locations the views resolve like any other: the
 * cell of each term of its sum, and the table cell a sentence's figure was read against.
 */
import type { Finding, Location } from '../report/types';
import type { TermData } from '../rules/types';

/** Where a term is: its cell, quoted as printed so a saved report can be re-anchored. */
export function termLocation(term: TermData): Location {
  return { kind: 'cell', table: term.cell.table, row: term.cell.row, col: term.cell.col, quote: term.text };
}

/** A sentence's figure read against a table cell: the table cell among its related places. */
export function tablePlace(finding: Finding): Location | null {
  return finding.location.kind === 'text' ? (finding.related?.find((r) => r.kind === 'cell') ?? null) : null;
}

/** CSV as Excel opens it: shared by the library's export and the scores' (both import it; it imports neither). */
import Papa from 'papaparse';

/** CSV as Excel opens it: a BOM (else Excel reads UTF-8 Chinese as GBK), CRLF, formulae escaped. */
export function csvText(fields: readonly string[], data: readonly (readonly (string | number)[])[]): string {
  // escapeFormulae: agency names and titles come from web pages; never let Excel run them.
  return '\uFEFF' + Papa.unparse({ fields: [...fields], data: data.map((r) => [...r]) }, { escapeFormulae: true, newline: '\r\n' });
}

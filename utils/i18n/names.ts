/**
 * How a saved report is named inside a finding's data ("2022年 南岭县财政局"): part of the one catalogue. The
 * name is kept with the finding when it is saved, so it is one string for every locale, in the form the
 * report names itself (the agency's name is Chinese in every locale).
 */
export function reportName(year: number | null, agency: string | null): string {
  return `${year ?? '?'}年 ${agency ?? ''}`.trim();
}

/**
 * Rules the report script runs after its first paint (utils/parts.ts, wxt-plugins/report-parts.ts), the
 * catalogue's last ones, in its order: the notes on what the tables leave unchecked (blank cells, values
 * whose column is a guess, tables published only as pictures: notes and warnings, never errors, so the first
 * paint need not wait for them), the structure
 * read from the prose (section 五's content, the declared parts), the prose rules (the text read against
 * itself and the tables: over a long text the slow part of the rules), the dates (publication, statistics
 * period), and the rules that need the library (cross-year, cross-report), which find nothing in the page and
 * are there only so that the panel can show what the background finds with them. Everywhere else they are
 * simply part of ALL_RULES.
 */

import blankCells from './blank-cells';
import carryOver from './carry-over';
import copiedText from './copied-text';
import declaredParts from './declared-parts';
import guessedRows from './guessed-rows';
import hierarchySum from './hierarchy-sum';
import latePublication from './late-publication';
import narrativeFee from './narrative-fee';
import narrativePercent from './narrative-percent';
import narrativeReviewOutcome from './narrative-review-outcome';
import narrativeSum from './narrative-sum';
import narrativeVsDisclosure from './narrative-vs-disclosure';
import narrativeVsTable from './narrative-vs-table';
import narrativeYear from './narrative-year';
import problemsSection from './problems-section';
import readFromScan from './read-from-scan';
import regulationsContinuity from './regulations-continuity';
import statisticsPeriod from './statistics-period';
import tableAsPicture from './table-as-picture';
import truncatedSentence from './truncated-sentence';
import type { Rule } from './types';

/** What the standard tables leave unchecked: blank cells, values whose column is a guess, tables that are pictures. */
const TABLE_NOTE_RULES: readonly Rule[] = [blankCells as Rule, guessedRows as Rule, tableAsPicture as Rule];

/** Structure read from the prose: what section 五 says, "共N个部分" against the parts present. */
const STRUCTURE_PROSE_RULES: readonly Rule[] = [problemsSection as Rule, declaredParts as Rule];

/** On a scan read by OCR: what the rules reading its headings, prose and dates would say, as not checkable. */
const SCAN_RULES: readonly Rule[] = [readFromScan as Rule];

const PROSE_RULES: readonly Rule[] = [
  narrativeSum as Rule,
  narrativePercent as Rule,
  narrativeVsTable as Rule,
  narrativeReviewOutcome as Rule,
  narrativeVsDisclosure as Rule,
  narrativeYear as Rule,
  narrativeFee as Rule,
  truncatedSentence as Rule,
];

/** The dates: when the report was published, which period its statistics cover. */
const DATE_RULES: readonly Rule[] = [latePublication as Rule, statisticsPeriod as Rule];

/** Rules that read the library's other reports (context.neighbours, context.children). */
const CONTEXT_RULES: readonly Rule[] = [carryOver as Rule, regulationsContinuity as Rule, copiedText as Rule, hierarchySum as Rule];

/** All of them, as they close the catalogue. */
export const LATER_RULES: readonly Rule[] = [
  ...TABLE_NOTE_RULES,
  ...STRUCTURE_PROSE_RULES,
  ...PROSE_RULES,
  ...DATE_RULES,
  ...CONTEXT_RULES,
  ...SCAN_RULES,
];

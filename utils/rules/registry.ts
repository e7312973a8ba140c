/** Every rule, in catalogue order. Ids are stable: never rename one. */
import type { Rule } from './types';
import applicationsBalance from './applications-balance';
import applicationsOutcomeSum from './applications-outcome-sum';
import applicationsRowSum from './applications-row-sum';
import reviewLitigationSum from './review-litigation-sum';
import blankCells from './blank-cells';
import guessedRows from './guessed-rows';
import invalidValue from './invalid-value';
import tableMissing from './table-missing';
import tableAsPicture from './table-as-picture';
import outdatedFormat from './outdated-format';
import implausibleRegulations from './implausible-regulations';
import sectionNumbering from './section-numbering';
import sectionMissing from './section-missing';
import problemsSection from './problems-section';
import declaredParts from './declared-parts';
import narrativeSum from './narrative-sum';
import narrativePercent from './narrative-percent';
import narrativeVsTable from './narrative-vs-table';
import narrativeReviewOutcome from './narrative-review-outcome';
import narrativeVsDisclosure from './narrative-vs-disclosure';
import narrativeYear from './narrative-year';
import narrativeFee from './narrative-fee';
import truncatedSentence from './truncated-sentence';
import latePublication from './late-publication';
import statisticsPeriod from './statistics-period';
import carryOver from './carry-over';
import regulationsContinuity from './regulations-continuity';
import copiedText from './copied-text';
import hierarchySum from './hierarchy-sum';

export const ALL_RULES: readonly Rule[] = [
  applicationsBalance as Rule,
  applicationsOutcomeSum as Rule,
  applicationsRowSum as Rule,
  reviewLitigationSum as Rule,
  blankCells as Rule,
  guessedRows as Rule,
  invalidValue as Rule,
  tableMissing as Rule,
  tableAsPicture as Rule,
  outdatedFormat as Rule,
  implausibleRegulations as Rule,
  sectionNumbering as Rule,
  sectionMissing as Rule,
  problemsSection as Rule,
  declaredParts as Rule,
  narrativeSum as Rule,
  narrativePercent as Rule,
  narrativeVsTable as Rule,
  narrativeReviewOutcome as Rule,
  narrativeVsDisclosure as Rule,
  narrativeYear as Rule,
  narrativeFee as Rule,
  truncatedSentence as Rule,
  latePublication as Rule,
  statisticsPeriod as Rule,
  carryOver as Rule,
  regulationsContinuity as Rule,
  copiedText as Rule,
  hierarchySum as Rule,
];

export { type CheckTally, checkedCount, newTally, runRules, sortFindings } from './engine';
export { ALL_RULES, addLaterRules, hasLaterRules } from './registry';
export { fillTemplate, renderFinding } from './render';
export type { NeighbourReport, Rule, RuleContext } from './types';

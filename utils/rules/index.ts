export { ALL_RULES, addLaterRules, hasLaterRules } from './registry';
export { runRules, sortFindings, locationKey, newTally, checkedCount, type CheckTally } from './engine';
export { renderFinding, renderAll, fillTemplate, formatValue, templateOf } from './render';
export type {
  MessageData,
  MessageValue,
  NeighbourReport,
  ReportFunction,
  Rule,
  RuleCategory,
  RuleContext,
  RuleDocs,
  RuleMeta,
} from './types';

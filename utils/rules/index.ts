export { type CheckTally, checkedCount, locationKey, newTally, runRules, sortFindings } from './engine';
export { ALL_RULES, addLaterRules, hasLaterRules } from './registry';
export { fillTemplate, formatValue, renderAll, renderFinding, templateOf } from './render';
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

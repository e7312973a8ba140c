export { ALL_RULES } from './registry';
export { runRules, fillTemplate, fillMessages, sortFindings, locationKey } from './engine';
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

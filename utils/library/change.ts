/**
 * Whether a year-on-year change of a figure is good news, bad news or neither (issue 21): the comparison colours
 * a change by this, not by its sign, and always says it in words and an arrow too (colour is never the only cue).
 * The reasoning, figure by figure:
 */
import type { FigureKey } from '../report/types';

type ChangeSense = 'up-good' | 'up-bad' | 'neutral';

const CHANGE_SENSE: Readonly<Record<FigureKey | 'counts.error' | 'counts.total', ChangeSense>> = {
  // 主动公开: disclosing more of its own accord is what the 条例 asks for.
  activeDisclosed: 'up-good',
  // 新收申请: demand from the public; more or fewer requests says nothing of the agency's work.
  applicationsNew: 'neutral',
  // 上年结转: last year's backlog, fixed before this year began; its size is history, not this year's doing.
  applicationsCarriedOver: 'neutral',
  // 办结: follows the requests received; a rise is neither credit nor blame.
  applicationsHandled: 'neutral',
  // 结转下年度: a growing backlog left for next year is a worse state of the work.
  applicationsCarriedForward: 'up-bad',
  // 行政复议 / 行政诉讼: each case is an applicant contesting the agency's answer; more contest is worse news
  // (and more 行政复议纠错 worse still), though a single year's rise may be chance.
  reviewTotal: 'up-bad',
  litigationTotal: 'up-bad',
  // Errors and findings of this tool in the report: more is worse.
  'counts.error': 'up-bad',
  'counts.total': 'up-bad',
};

export type ChangeVerdict = 'better' | 'worse' | 'neutral' | 'same';

/** The verdict on a change of `delta` in a figure (unknown figures are neutral). */
export function changeVerdict(figure: string, delta: number): ChangeVerdict {
  if (delta === 0) return 'same';
  const sense = (CHANGE_SENSE as Record<string, ChangeSense>)[figure] ?? 'neutral';
  if (sense === 'neutral') return 'neutral';
  return delta > 0 === (sense === 'up-good') ? 'better' : 'worse';
}

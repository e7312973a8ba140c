import type { Section, StandardTables } from '../report/types';

const SUBJECT = /(政府信息|政务)公开/g;
const EXCLUDED_TITLE = /(政府信息|政务)公开(指南|目录)|公开指南|公开目录/;
const REPORT_WORDS = /年度报告|年报|工作报告|工作总结|总结如下|报告如下/;

/**
 * The full decision, made once the page is parsed (the cheap detector only looked at titles).
 * A report names itself in its title; a mirror that lost its title still reads like one: the
 * subject throughout, numbered sections, a year, and report wording or the standard tables.
 */
export function decideIsReport(input: {
  title: string | null;
  /** Normalised title-like strings of the page, for exclusions (公开指南, 公开目录). */
  titleCandidates: string[];
  text: string;
  sections: Section[];
  standard: StandardTables;
  year: number | null;
}): boolean {
  if (input.titleCandidates.some((t) => EXCLUDED_TITLE.test(t) && !REPORT_WORDS.test(t))) return false;
  if (input.title) return true;
  const subjectCount = input.text.match(SUBJECT)?.length ?? 0;
  const hasTables = Boolean(input.standard.applications || input.standard.reviewLitigation);
  return (
    subjectCount >= 3 &&
    input.sections.length >= 3 &&
    input.year !== null &&
    (hasTables || REPORT_WORDS.test(input.text.slice(0, 2000)))
  );
}

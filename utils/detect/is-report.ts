import type { Section, StandardTables } from '../report/types';

const SUBJECT = /(政府信息|政务)公开/g;
const EXCLUDED_TITLE = /(政府信息|政务)公开(指南|目录)|公开指南|公开目录/;
const REPORT_WORDS = /年度报告|年报|工作报告|工作总结|总结如下|报告如下/;
/** A page titled as a notice or circular (关于做好…年度报告编制发布工作的通知): it talks about reports. */
const NOTICE_TITLE = /^关于[^。]{0,80}?(通知|通报|函)$|^关于做好/;
/** The six sections as a report heads them; a notice names them in a sentence, a report uses them as headings. */
const STANDARD_HEADING = /总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议[、和及]?行政诉讼情况|存在的主要问题|其他需要报告的事项/;

/**
 * How a report opens when its title is missing or generic: it says what it is
 * ("本报告根据《中华人民共和国政府信息公开条例》…编制", "全文包括总体情况、主动公开政府信息情况…",
 * "现将…政府信息公开工作年度报告公布如下").
 */
const SELF_DESCRIPTION = new RegExp(
  [
    '本(?:年度)?报告(?:是|由[^。；]{0,30}?)?[，,]?(?:根据|依据|按照)[^。]{0,80}?(?:政府信息公开条例|《条例》|信息公开)',
    '(?:全文|本报告|报告)(?:共)?(?:包括|分为|由)[^。]{0,12}?总体情况[、，,\\s]*主动公开政府信息情况',
    '(?:政府信息|政务)公开工作年度报告[^。]{0,12}?(?:公布如下|发布如下|予以公布|现予公布)',
  ].join('|'),
);

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
  // The article's first line is a title too (text dumps and pages whose <title> is the site's name).
  const firstLine = /^\s*(?:#{1,6}\s+)?([^\n]{1,80})/.exec(input.text)?.[1] ?? '';
  if ([...input.titleCandidates, firstLine].some((t) => EXCLUDED_TITLE.test(t) && !REPORT_WORDS.test(t))) return false;
  if (input.title) return true;
  const hasTables = Boolean(input.standard.applications || input.standard.reviewLitigation);
  // A notice about the reports (numbered points, the subject throughout, the word 年度报告) is not one; a
  // report published under a 通知 still has the tables or the report's own section headings.
  const titledAsNotice = input.titleCandidates.some((t) => t.split(/[_|｜—–]+/).some((part) => NOTICE_TITLE.test(part.trim())));
  if (titledAsNotice && !hasTables && input.sections.filter((s) => STANDARD_HEADING.test(s.title)).length < 3) return false;
  // A report without a usable title still says what it is in its opening, then has its sections.
  if (SELF_DESCRIPTION.test(input.text.slice(0, 2500)) && (input.sections.length >= 3 || hasTables)) return true;
  const subjectCount = input.text.match(SUBJECT)?.length ?? 0;
  return (
    subjectCount >= 3 &&
    input.sections.length >= 3 &&
    input.year !== null &&
    (hasTables || REPORT_WORDS.test(input.text.slice(0, 2000)))
  );
}

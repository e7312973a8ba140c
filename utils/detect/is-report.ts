import type { Section, StandardTables } from '../report/types';
import { opensAsReport, readOpening } from './report-opening';

// 资讯: a Traditional mirror in Taiwan wording keeps it after conversion (see report-opening.ts).
const SUBJECT = /(政府信息|政府资讯|政务)公开/g;
const EXCLUDED_TITLE = /(政府信息|政府资讯|政务)公开(指南|目录)|公开指南|公开目录/;
const REPORT_WORDS = /年度报告|年报|工作报告|工作总结|总结如下|报告如下/;
/** A page titled as a notice or circular (关于做好…年度报告编制发布工作的通知): it talks about reports. */
const NOTICE_TITLE = /^关于[^。]{0,80}?(通知|通报|函)$|^关于做好/;
/** The sections as a report heads them (2019+ and 2008–2018); a notice names them in a sentence, a report uses them as headings. */
const STANDARD_HEADING =
  /总体情况|^概述$|(?:主动|依申请)公开政府(?:信息|资讯)情况|收费及减免|收到和处理政府(?:信息|资讯)公开申请|行政复议[、和及]?行政诉讼情况|存在的主要问题|其他需要报告/;

/** Punctuation no report title carries, and the 如下 of an opening's sentence. */
const SENTENCE = /[，。；]|如下/;
/** A news headline that names a report it is about ("我区发布2022年政务公开年报"): a verb before the year. */
const NEWS_TITLE = /(?:发布|释出|公布|出炉|晒出|亮出)了?[^，。]{0,20}?(?:19|20)\d\d\s*年/;

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
  const hasTables = Boolean(input.standard.applications || input.standard.reviewLitigation);
  // A "title" that is a sentence (the text path takes the first line naming a report, and a notice's or news
  // item's first sentences name one) says nothing of what the text is.
  const title = input.title && !SENTENCE.test(input.title) ? input.title : null;
  const standardHeadings = input.sections.filter((s) => STANDARD_HEADING.test(s.title)).length;
  // A text headed by a notice or letter (关于报送…年度报告的函) that names a report further down (附件：…年度报告)
  // is the notice, unless the report follows it: its opening, tables or headings.
  if (NOTICE_TITLE.test(firstLine.trim()) && !hasTables && standardHeadings < 3 && readOpening(input.text).cues.length === 0) return false;
  if (title && (hasTables || !NEWS_TITLE.test(title))) return true;
  // Read only here: most reports are decided by their title above.
  const opening = readOpening(input.text);
  // What a notice, news item or guide says of itself in its first lines outweighs any echo of a report's
  // phrases ("年度报告所列数据的统计期限…" in a notice); a report published under a notice has its tables, and
  // one posted under a news headline ("某局发布2012年度…报告") its own opening and section headings.
  const postedAsNews = opening.objections.every((o) => o === 'news') && opening.cues.length >= 2 && standardHeadings >= 3;
  if (opening.objections.length > 0 && !hasTables && !postedAsNews) return false;
  // A notice about the reports (numbered points, the subject throughout, the word 年度报告) is not one; a
  // report published under a 通知 still has the tables or the report's own section headings.
  const titledAsNotice = [...input.titleCandidates, firstLine].some((t) =>
    t.split(/[_|｜—–]+/).some((part) => NOTICE_TITLE.test(part.trim())),
  );
  if (titledAsNotice && !hasTables && standardHeadings < 3) return false;
  // A report without a usable title still says what it is in its opening: in two statements that is
  // enough; one statement needs the body behind it (a page with only "本报告根据《条例》编制。详见附件" is a stub).
  if (opensAsReport(opening)) return true;
  if (opening.cues.length > 0 && (input.sections.length >= 3 || hasTables)) return true;
  const subjectCount = input.text.match(SUBJECT)?.length ?? 0;
  return (
    subjectCount >= 3 && input.sections.length >= 3 && input.year !== null && (hasTables || REPORT_WORDS.test(input.text.slice(0, 2000)))
  );
}

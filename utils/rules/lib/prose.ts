/** Reading the prose around a fact: its sentence and the year the sentence gives the figure for. */
import type { Fact, Report, TextRange } from '../../report/types';

/** 。；！？ or a line break, by code (sentenceAround reads up to 400 characters each way, a string per character was garbage). */
const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 10;

/** The sentence (between sentence ends) containing the range. */
export function sentenceAround(report: Report, at: TextRange): TextRange & { text: string } {
  const text = report.text;
  let start = at.start;
  while (start > 0 && !isSentenceEnd(text.charCodeAt(start - 1)) && at.start - start < 400) start--;
  let end = at.end;
  while (end < text.length && !isSentenceEnd(text.charCodeAt(end)) && end - at.end < 400) end++;
  return { start, end, text: text.slice(start, end) };
}

/** Words that make a sentence compare with another year rather than state it ("较2022年增加…"). */
const COMPARISON = /较|比|同比|与.{0,8}?相比|持平|增长|增加|下降|减少|上升|以来|去年|上年|截至|截止/;

/**
 * The year a sentence gives its figure for: the last "YYYY年" before the number in the same clause, unless it
 * is the start of a period ("2023年1月1日至…") or part of a title ("2022年度报告"). null when none is given.
 */
function yearOfFigure(report: Report, at: TextRange): number | null {
  const s = sentenceAround(report, at);
  const before = report.text.slice(s.start, at.start);
  let year: number | null = null;
  for (const m of before.matchAll(
    /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[至到-])(?!度?(?:政府信息公开)?(?:工作)?(?:年度)?报告)/g,
  )) {
    year = Number(m[1]);
  }
  return year;
}

/** True when the fact's sentence names another year than the report's for its figure and compares nothing. */
export function otherYearFigure(report: Report, fact: Fact): { year: number; comparing: boolean } | null {
  const reportYear = report.meta.year;
  if (reportYear === null) return null;
  const year = yearOfFigure(report, fact.at);
  if (year === null || year === reportYear) return null;
  return { year, comparing: COMPARISON.test(sentenceAround(report, fact.at).text) };
}

import type { LocalizedText, Report } from '../report/types';
import declaredParts from './declared-parts';
import latePublication from './late-publication';
import { fillTemplate } from './lib/template';
import narrativeFee from './narrative-fee';
import narrativePercent from './narrative-percent';
import narrativeReviewOutcome from './narrative-review-outcome';
import narrativeSum from './narrative-sum';
import narrativeVsDisclosure from './narrative-vs-disclosure';
import narrativeVsTable from './narrative-vs-table';
import narrativeYear from './narrative-year';
import outdatedFormat from './outdated-format';
import problemsSection from './problems-section';
import sectionMissing from './section-missing';
import sectionNumbering from './section-numbering';
import statisticsPeriod from './statistics-period';
import truncatedSentence from './truncated-sentence';
import { defineRule, type ReportFunction, type Rule } from './types';

/**
 * The rules whose findings rest on text read from the page (headings, their numbers, sentences, dates, a table's header words), with no
 * confidence of their own: on a scan read by OCR (report.source.ocrPages) each of them stays silent, and this
 * rule says what it would have said, as something that may only be a misreading. Table values are not among
 * them: each keeps its OCR confidence, and the table rules call a failed sum an error only when every term
 * was read with confidence. table-missing says itself that a table went unread on a scan ('unreadScan').
 */
export const SCAN_SENSITIVE: readonly Rule[] = [
  sectionMissing as Rule,
  sectionNumbering as Rule,
  outdatedFormat as Rule,
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
];

const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;

export default defineRule({
  id: 'read-from-scan',
  meta: {
    severity: 'warning',
    category: 'structure',
    docs: {
      'zh-Hans':
        '报告是扫描件、文字由本机识别（OCR）读出时，依据标题、编号、正文句子和日期的检查（缺少部分、编号不连续、正文数字与表格、发布日期等）可能只是识别有误：这些发现改由本规则以“无法核对”的警告给出，并说明依据的是从扫描页识别出的文字，从不作为错误。',
      en: 'When the report is a scan whose text was read on this machine by OCR, the checks that rest on headings, their numbers, sentences and dates (a missing part, a numbering gap, prose against the tables, the publication date…) may only have met a misreading: this rule gives their findings instead, as warnings that cannot be checked, saying they rest on text read from the scan; never errors.',
      why: {
        'zh-Hans': '识别时漏掉或认错一个字（如“议”“诉讼”），标题就对不上、数字就不相等；把这当作报告的错误会冤枉发布机关。',
        en: 'A character dropped or misread by OCR (议, 诉讼) is enough for a heading not to match or a number to differ; calling that the report’s error would wrong the agency.',
      },
      fix: {
        'zh-Hans': '对照扫描原件核对这一处；发布机关应同时发布可复制文字的版本（网页或文字版 PDF）。',
        en: 'Check the place against the scanned original; the agency should also publish a version with copyable text (a web page or a text PDF).',
      },
      example: '扫描件中“四、政府信息公开行政复议、行政诉讼情况”被识别为“四、政府信息公开行政复、行政情况”。',
      severity: {
        'zh-Hans': '只作警告（无法核对）：依据的文字来自识别，不能确定报告本身有误。',
        en: 'A warning (not checkable): the text it rests on was read by OCR, so the report itself is not known to be wrong.',
      },
    },
    messages: {
      unsure: {
        'zh-Hans': '据扫描页识别出的文字：{what}；这可能只是识别有误，无法核对',
        'zh-Hant': '據掃描頁辨識出的文字：{what}；這可能只是辨識有誤，無法核對',
        en: 'From the text read from the scan: {what}; this may only be a misreading, so it is not checkable',
      },
    },
  },
  check(report, context, emit) {
    if (!report.source.ocrPages) return;
    // The same report as if typed, for the rules to say what they would (their own guard skips scans).
    const typed: Report = { ...report, source: { ...report.source, ocrPages: undefined } };
    for (const rule of SCAN_SENSITIVE) {
      const say: ReportFunction = (messageId, data, location, related, severity) => {
        const template = rule.meta.messages[messageId]!;
        const [hans, hant, en] = LOCALES.map((l) => fillTemplate(template[l] ?? template['zh-Hans'], data, l));
        const what: LocalizedText = { 'zh-Hans': hans!, 'zh-Hant': hant!, en: en! };
        // An error becomes a warning; a note stays a note.
        emit('unsure', { what }, location, related, (severity ?? rule.meta.severity) === 'info' ? 'info' : 'warning');
      };
      rule.check(typed, context, say);
    }
  },
});

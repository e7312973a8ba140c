import { sectionLocation, standardSections } from './lib/report';
import { defineRule } from './types';

/** Words that name a shortcoming: a section 五 without any of them reports no problem at all. */
const PROBLEM =
  /问题|不足|短板|差距|薄弱|欠缺|有待|不够|不高|不强|不深|不细|不全|不到位|不及时|不规范|不完善|不平衡|滞后|较少|偏少|偏低|单一|困难|缺乏|缺少/;
/**
 * Stock admissions that name no problem: "存在一些问题和不足", "还有一定差距". They are removed before looking
 * for a shortcoming, so a section made of them alone is boilerplate.
 */
const STOCK =
  /(?:但|仍|还|也|依然|仍然)*(?:存在|有)(?:着)?(?:一些|一定的?|某些|不少|许多|若干)?(?:的)?(?:问题|不足|差距|短板|薄弱环节)(?:[和与及、](?:问题|不足|差距|短板|薄弱环节))?/g;
/** A body that only says there is nothing to report. */
const NOTHING = /^(?:无|暂无|没有|本年度无|无相关情况|无其他|无此类情况|不涉及)[。.；;]?$/;
/** Words that announce a measure: a section 五 naming problems without any of them says nothing of improvement. */
// (加强, 提高 alone are not enough: "有待加强" states the problem.)
const MEASURE = /改进|改善|整改|下一步|今后|将|要|拟|计划|进一步|措施|举措/;

export default defineRule({
  id: 'problems-section',
  meta: {
    severity: 'warning',
    category: 'structure',
    docs: {
      'zh-Hans':
        '“五、存在的主要问题及改进情况”须写明问题和改进措施：只有标题、写“无”的报警告；除“存在一些问题和不足”之类的套话外没有任何表示不足的词（问题、不足、短板、差距、有待……）的报警告；写了问题却没有任何改进措施（改进、下一步、将、加强……）的作提示。',
      en: 'Section 五 (main problems and improvements) must name problems and measures: a heading alone or "无" is a warning; no word of shortcoming (问题, 不足, 短板, 差距, 有待…) beyond stock phrases such as "存在一些问题和不足" is a warning; problems without any measure (改进, 下一步, 将, 加强…) are noted as info.',
      why: {
        'zh-Hans': '第三方评估把“问题及改进”空泛或照搬模板列为年报质量的扣分项；这一部分是公众了解机关自我评价的唯一处。',
        en: 'Evaluators mark down an empty or boilerplate problems section; it is the only place where the agency assesses itself.',
      },
      fix: {
        'zh-Hans': '写明本年度工作中存在的具体问题和对应的改进措施，不要只写“无”或套话。',
        en: 'Say which concrete problems the year\'s work had and what will be done about each; not just "无" or stock phrases.',
      },
      example:
        '“五、存在的主要问题及改进情况 我局政府信息公开工作虽然取得了一定成效，但也存在一些问题和不足。下一步，我局将进一步提高认识，加强领导。”',
      severity: {
        'zh-Hans': '空白、只写“无”或只有套话时为警告：是否算“写了问题”有判断成分；只写问题而没有改进措施时只作提示。',
        en: 'A warning when the section is empty, says only 无, or holds only stock phrases: whether problems were really named is a judgement; problems without a measure are only a note.',
      },
    },
    messages: {
      empty: {
        'zh-Hans': '“{heading}”没有内容（{content}）',
        'zh-Hant': '「{heading}」沒有內容（{content}）',
        en: '"{heading}" says nothing ({content})',
      },
      noProblem: {
        'zh-Hans': '“{heading}”没有写出具体的问题或不足（只有“存在一些问题和不足”之类的套话，或根本没有提到）',
        'zh-Hant': '「{heading}」沒有寫出具體的問題或不足（只有「存在一些問題和不足」之類的套話，或根本沒有提到）',
        en: '"{heading}" names no concrete problem or shortcoming (stock phrases such as "存在一些问题和不足" at most)',
      },
      noMeasure: {
        'zh-Hans': '“{heading}”写了问题，但没有写改进措施',
        'zh-Hant': '「{heading}」寫了問題，但沒有寫改進措施',
        en: '"{heading}" names problems but no measure to improve',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    const section = standardSections(report).problems;
    if (!section) return;
    const heading = report.text.slice(section.heading.start, section.heading.end).trim();
    // The content is the body after the heading; the heading's own title words (问题, 改进) do not count.
    const content = report.text.slice(section.heading.end, section.body.end).replace(/[\s|]+/g, '');
    const at = sectionLocation(report, [section.number], section);
    const data = { heading, content: content || '—' };
    if (content.length === 0 || NOTHING.test(content)) emit('empty', data, at);
    else if (!PROBLEM.test(content.replace(STOCK, ''))) emit('noProblem', data, at);
    else if (!MEASURE.test(content)) emit('noMeasure', data, at, [], 'info');
  },
});

import type { Location } from '../report/types';
import { isModernEra, SECTION_KEYS, SECTION_NAMES, sectionLocation, standardSections } from './lib/report';
import { defineRule } from './types';

export default defineRule({
  id: 'section-missing',
  meta: {
    severity: 'warning',
    category: 'structure',
    docs: {
      'zh-Hans':
        '2019 年以后的年报应包含六个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项（标题按近似匹配）。',
      en: 'From 2019 on a report has six parts: overview, proactive disclosure, applications, review and litigation, problems and improvements, other matters (headings matched loosely).',
      why: {
        'zh-Hans': '格式由国办公开办函统一规定；缺少部分意味着应报告的内容没有报告。',
        en: 'The format is fixed by the General Office; a missing part means something that must be reported was not.',
      },
      fix: {
        'zh-Hans': '按规定的六个部分补齐缺少的部分；该部分确实没有内容的，也保留标题并写明“无”及原因。',
        en: 'Add the missing part of the six required; when it really has nothing to report, keep its heading and say so and why.',
      },
      example: '一份 2020 年度报告没有“五、存在的主要问题及改进情况”。',
      severity: {
        'zh-Hans': '只作警告：标题是宽松匹配的，报告可能用了不常见的标题或把两部分合并，细心的读者需要看一眼再下结论。',
        en: 'A warning: headings are matched loosely, and a report may use an unusual heading or merge two parts, so a careful reader looks before concluding.',
      },
    },
    messages: {
      missing: {
        'zh-Hans': '缺少第{numeral}部分“{name}”',
        'zh-Hant': '缺少第{numeral}部分「{name}」',
        en: 'Part {numeral} ("{name}") is missing',
      },
    },
  },
  check(report, _context, emit) {
    // A scan's headings were read by OCR: read-from-scan says what is not found there, as not checkable.
    if (!isModernEra(report) || !report.isReport || report.sections.length === 0 || report.source.ocrPages) return;
    const found = standardSections(report);
    SECTION_KEYS.forEach((key, i) => {
      if (found[key]) return;
      // Point at the section after which the missing one belongs (or the first section).
      const before = SECTION_KEYS.slice(0, i)
        .reverse()
        .map((k) => found[k])
        .find(Boolean);
      const anchor = before ?? report.sections[0]!;
      const at: Location = sectionLocation(report, [anchor.number], anchor);
      emit('missing', { numeral: SECTION_NAMES[key].numeral, name: SECTION_NAMES[key].name }, at);
    });
  },
});

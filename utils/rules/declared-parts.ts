import { chineseNumeral } from './lib/labels';
import { textLocation } from './lib/report';
import { defineRule } from './types';

export default defineRule({
  id: 'declared-parts',
  meta: {
    severity: 'warning',
    category: 'structure',
    docs: {
      'zh-Hans': '“本报告由……共N个部分组成”：N 应等于列出的部分数，也应等于正文的一级标题数。',
      en: '"本报告由……共N个部分组成" (the report has N parts: …): N must equal the parts listed and the top-level sections present.',
      why: {
        'zh-Hans': '声明与内容不符，说明导语是从别的年份照抄的，或者有部分被删掉。',
        en: 'A mismatch shows the introduction was copied from another year, or a part was removed.',
      },
      fix: {
        'zh-Hans': '让“共N个部分”与实际列出的部分和正文的一级标题数一致：改正数字，或补上缺少的部分。',
        en: 'Make "共N个部分" agree with the parts listed and the top-level headings: correct the number or add the missing part.',
      },
      example: '“本报告由总体情况、……、存在的主要问题及改进工作的思路共九个部分组成”，只列出八个部分。',
      severity: {
        'zh-Hans': '只作警告：导语中“共N个部分”与实际不符，多半是照抄旧导语，但标题识别可能漏掉或多算一部分。',
        en: 'A warning: a wrong 共N个部分 is most often a copied preamble, but heading recognition may miss or add a part.',
      },
    },
    messages: {
      listed: {
        'zh-Hans': '声明“共{declared}个部分”，但只列出了 {listed} 个部分',
        'zh-Hant': '聲明「共{declared}個部分」，但只列出了 {listed} 個部分',
        en: 'Declares {count} parts ("共{declared}个部分") but lists {listed}',
      },
      listedMore: {
        'zh-Hans': '声明“共{declared}个部分”，但列出了 {listed} 个部分',
        'zh-Hant': '聲明「共{declared}個部分」，但列出了 {listed} 個部分',
        en: 'Declares {count} parts ("共{declared}个部分") but lists {listed}',
      },
      sections: {
        'zh-Hans': '声明“共{declared}个部分”，但正文有 {sections} 个一级标题',
        'zh-Hant': '聲明「共{declared}個部分」，但正文有 {sections} 個一級標題',
        en: 'Declares {count} parts ("共{declared}个部分") but the text has {sections} top-level sections',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    for (const dp of report.declaredParts) {
      const at = textLocation(report, dp.at);
      const data = { declared: chineseNumeral(dp.count), count: dp.count, listed: dp.listed.length, sections: report.sections.length };
      if (dp.listed.length > 0 && dp.listed.length !== dp.count) {
        emit(dp.listed.length < dp.count ? 'listed' : 'listedMore', data, at);
      }
      if (report.sections.length > 0 && report.sections.length !== dp.count) emit('sections', data, at);
    }
  },
});

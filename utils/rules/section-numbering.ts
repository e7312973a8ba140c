import type { Section } from '../report/types';
import { localized } from './lib/labels';
import { sectionLocation } from './lib/report';
import { defineRule } from './types';

const LEVEL_NAMES = {
  1: localized('一级标题', '一級標題', 'top-level headings'),
  2: localized('二级标题', '二級標題', 'second-level headings'),
  3: localized('三级标题', '三級標題', 'third-level headings'),
} as const;

function printed(s: Section): string {
  return s.level === 2 ? `（${s.label}）` : s.level === 1 ? `${s.label}、` : `${s.label}.`;
}

export default defineRule({
  id: 'section-numbering',
  meta: {
    severity: 'warning',
    category: 'structure',
    docs: {
      'zh-Hans': '同一级标题的编号应从一（或（一）、1.）开始连续递增；跳号、重号或倒序都说明内容被删改或遗漏。',
      en: 'Headings of one level should be numbered 1, 2, 3… without gaps; a skipped, repeated or backward number means content was cut or lost.',
      why: {
        'zh-Hans': '编号跳跃往往意味着整段内容被删掉或漏贴（例如从“三、”直接跳到“六、”）。',
        en: 'A gap in numbering often means a whole part was deleted or never pasted (e.g. 三 followed by 六).',
      },
      fix: {
        'zh-Hans': '把同一级标题的编号按顺序重排（一、二、三……），并检查被跳过的编号处是否漏了内容。',
        en: 'Renumber the headings of the level in order (一、二、三…) and check whether content is missing where a number was skipped.',
      },
      example: '一、…　二、…　三、…　六、存在不足……',
      severity: {
        'zh-Hans': '只作警告：跳号、重号往往意味着内容被删或漏贴，但也可能只是排版时编号有误，内容并未缺失。',
        en: 'A warning: a skipped or repeated number often means content was cut, but it may be a numbering slip with nothing missing.',
      },
    },
    messages: {
      skip: {
        'zh-Hans': '{level}编号从“{previous}”跳到“{current}”，缺少中间的编号',
        'zh-Hant': '{level}編號從「{previous}」跳到「{current}」，缺少中間的編號',
        en: '{level} jump from "{previous}" to "{current}"; the numbers in between are missing',
      },
      repeat: {
        'zh-Hans': '{level}编号“{current}”重复出现',
        'zh-Hant': '{level}編號「{current}」重複出現',
        en: '{level}: "{current}" is used twice',
      },
      backwards: {
        'zh-Hans': '{level}编号从“{previous}”倒退到“{current}”',
        'zh-Hant': '{level}編號從「{previous}」倒退到「{current}」',
        en: '{level} go back from "{previous}" to "{current}"',
      },
      start: {
        'zh-Hans': '{level}编号从“{current}”开始，而不是从第 1 个开始',
        'zh-Hant': '{level}編號從「{current}」開始，而不是從第 1 個開始',
        en: '{level} start at "{current}" instead of the first number',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    const walk = (list: Section[], prefix: number[]) => {
      list.forEach((s, i) => {
        const path = [...prefix, s.number];
        const level = LEVEL_NAMES[Math.min(3, Math.max(1, s.level)) as 1 | 2 | 3];
        const at = sectionLocation(report, path, s);
        if (i === 0) {
          if (s.number > 1) emit('start', { level, current: printed(s) }, at);
        } else {
          const prev = list[i - 1]!;
          const data = { level, previous: printed(prev), current: printed(s) };
          const prevAt = sectionLocation(report, [...prefix, prev.number], prev);
          if (s.number === prev.number) emit('repeat', data, at, [prevAt]);
          else if (s.number > prev.number + 1) emit('skip', data, at, [prevAt]);
          else if (s.number < prev.number) emit('backwards', data, at, [prevAt]);
        }
        walk(s.children, path);
      });
    };
    walk(report.sections, []);
  },
});

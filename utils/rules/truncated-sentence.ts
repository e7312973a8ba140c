import type { Report, TextRange } from '../report/types';
import { textLocation, walkSections } from './lib/report';
import { defineRule } from './types';

/** Characters a finished paragraph may end with. */
const TERMINAL = /[。！？；：…”’」』）)》】\].!?;:~～、，,]$/;
const OPENERS: ReadonlyArray<[string, string]> = [
  ['《', '》'],
  ['（', '）'],
  ['(', ')'],
];

function blockedRanges(report: Report): TextRange[] {
  const out: TextRange[] = [];
  for (const t of report.tables) {
    if (t.range) out.push(t.range);
    for (const c of t.cells) if (c.range) out.push(c.range);
  }
  return out;
}

/** Paragraphs (lines) of [start, end), trimmed, with their ranges. */
/** Whether text[i] is blank (\s, which takes in U+3000), read in place: text[i] is a new string per CJK character. */
const BLANK = /\s/y;
function blankAt(text: string, i: number): boolean {
  BLANK.lastIndex = i;
  return BLANK.test(text);
}

function paragraphs(text: string, start: number, end: number): TextRange[] {
  const out: TextRange[] = [];
  let i = start;
  while (i < end) {
    let j = text.indexOf('\n', i);
    if (j < 0 || j > end) j = end;
    let s = i;
    let e = j;
    while (s < e && blankAt(text, s)) s++;
    while (e > s && blankAt(text, e - 1)) e--;
    if (e > s) out.push({ start: s, end: e });
    i = j + 1;
  }
  return out;
}

function unclosed(paragraph: string): string | null {
  for (const [open, close] of OPENERS) {
    const lastOpen = paragraph.lastIndexOf(open);
    if (lastOpen < 0) continue;
    if (paragraph.indexOf(close, lastOpen) < 0) return open;
  }
  return null;
}

function continues(next: string, open: string): boolean {
  const close = OPENERS.find(([o]) => o === open)![1];
  const c = next.indexOf(close);
  if (c < 0) return false;
  const o = next.indexOf(open);
  return o < 0 || c < o;
}

export default defineRule({
  id: 'truncated-sentence',
  meta: {
    severity: 'warning',
    category: 'prose',
    docs: {
      'zh-Hans': '段落在句子中间被截断：书名号《、括号（ 没有闭合就结束了段落，或者下一个标题前的最后一段没有句末标点。',
      en: 'A paragraph cut off mid-sentence: an unclosed 《 or （ at the end of a paragraph, or the last paragraph before a heading ending without closing punctuation.',
      why: {
        'zh-Hans': '截断的句子说明发布时内容丢失（复制粘贴不完整或转换出错），读者看不到完整信息。',
        en: 'A cut-off sentence means content was lost when publishing (an incomplete paste or a conversion error).',
      },
      fix: {
        'zh-Hans': '对照原稿补全被截断的句子或段落，闭合书名号和括号，然后重新发布。',
        en: 'Restore the cut sentence or paragraph from the draft, close the title marks and brackets, and republish.',
      },
      example: '“二是按照市财政局、市物价局转发《财政部、国家发展改革委”后直接进入下一个标题。',
      severity: {
        'zh-Hans': '只作警告：段落末尾缺少结束标点或括号未闭合，多半是粘贴不全，但页面排版（换行、分栏）也可能造成同样的样子。',
        en: 'A warning: an unclosed bracket or missing final punctuation usually means an incomplete paste, but page layout (breaks, columns) can look the same.',
      },
    },
    messages: {
      unclosed: {
        'zh-Hans': '段落以未闭合的“{open}”结束，句子似乎被截断：“{tail}”',
        'zh-Hant': '段落以未閉合的「{open}」結束，句子似乎被截斷：「{tail}」',
        en: 'The paragraph ends inside an unclosed "{open}"; the sentence seems cut off: "{tail}"',
      },
      noFullStop: {
        'zh-Hans': '下一个标题前的段落没有句末标点，句子似乎被截断：“{tail}”',
        'zh-Hant': '下一個標題前的段落沒有句末標點，句子似乎被截斷：「{tail}」',
        en: 'The paragraph before the next heading ends without punctuation; the sentence seems cut off: "{tail}"',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    const text = report.text;
    const headings = walkSections(report)
      .map(({ section }) => section.heading)
      .sort((a, b) => a.start - b.start);
    if (headings.length === 0) return;
    const blocked = blockedRanges(report);
    const isBlocked = (r: TextRange) => blocked.some((b) => r.start < b.end && b.start < r.end);
    for (let h = 0; h < headings.length; h++) {
      const from = headings[h]!.end;
      const next = headings[h + 1];
      const to = next ? next.start : text.length;
      const paras = paragraphs(text, from, to).filter((p) => !isBlocked(p));
      paras.forEach((p, i) => {
        const body = text.slice(p.start, p.end);
        let open = /[。！？；;!?]$/.test(body) ? null : unclosed(body);
        // A line wrapped inside a title (PDF-style breaks): the next paragraph closes it first.
        if (open && i < paras.length - 1 && continues(text.slice(paras[i + 1]!.start, paras[i + 1]!.end), open)) open = null;
        // Built only for a finding (most paragraphs have none): the tail, and the cut-off sentence, from the last
        // sentence end in the paragraph (or its start) to its end.
        const tail = () => (body.length > 24 ? '…' + body.slice(-24) : body);
        const at = () =>
          textLocation(report, { start: p.start + Math.max(...['。', '！', '？', '；'].map((c) => body.lastIndexOf(c))) + 1, end: p.end });
        if (open) {
          emit('unclosed', { open, tail: tail() }, at());
          return;
        }
        // The last paragraph before another heading (never the report's end: signature, footer).
        const lastBeforeHeading = i === paras.length - 1 && next !== undefined;
        if (!lastBeforeHeading || body.length < 15) return;
        if (TERMINAL.test(body) || /[\d|｜\s]$/.test(body)) return;
        if (!/[\u4e00-\u9fff]$/.test(body)) return;
        emit('noFullStop', { tail: tail() }, at());
      });
    }
  },
});

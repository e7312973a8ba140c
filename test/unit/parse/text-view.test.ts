/**
 * Word-pasted markup in the text view: source lines wrapped inside sentences and numbers, numbers
 * split across <span>s. The text must read as the page shows it, and offsets must still map back.
 */
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { parseDocument } from '../../../utils/parse';
import { buildTextView } from '../../../utils/parse/text-view';

const view = (body: string) =>
  buildTextView(htmlToDocument(`<!doctype html><html><body><div id="a">${body}</div></body></html>`).getElementById('a')!);

describe('Word source in the text view', () => {
  it('joins a number split across spans, with or without the source wrapped between them', () => {
    const v = view(`<p class=MsoNormal><span lang=EN-US>主动公开政府信息</span><span lang=EN-US>1</span><span
lang=EN-US>552</span><span>条，其中</span><span>规范性文件</span><span lang=EN-US>1\r\n2</span><span>件。</span></p>`);
    expect(v.text).toBe('主动公开政府信息1552条，其中规范性文件12件。');
  });

  it('reads a source line break inside a sentence as nothing between CJK, a space elsewhere', () => {
    const v = view('<p>本年度共收到政府信息公开申请\r\n31件，答复\nreport 2023\n年。</p><p>第二段</p>');
    expect(v.text).toBe('本年度共收到政府信息公开申请31件，答复 report 2023年。\n第二段');
  });

  it('keeps line breaks inside <pre>', () => {
    expect(view('<pre>第一行\n第二行</pre>').text).toBe('第一行\n第二行');
  });

  it('still maps every character back to its text node', () => {
    const v = view('<p><span>申请</span>\r\n<span>31</span>件</p>');
    const at = v.text.indexOf('31');
    const points = v.pointsFor(at, at + 2)!;
    expect(points.startNode.data).toBe('31');
    expect(points.startOffset).toBe(0);
    expect(points.endOffset).toBe(2);
  });

  it('gives the figure a reader sees when Word wrapped the source inside a sentence', () => {
    const doc =
      htmlToDocument(`<!doctype html><html><head><title>东岭县统计局2022年政府信息公开工作年度报告</title></head><body><div class="TRS_Editor">
<p>一、总体情况</p><p>2022年，我局主动公开政府信息<span lang=EN-US>2\r\n15</span>条。本年新收政府信息公开申请<span
lang=EN-US>6</span>件。</p><p>二、主动公开政府信息情况</p><p>略。</p></div></body></html>`);
    const { report } = parseDocument(doc);
    expect(report.figures.activeDisclosed).toBe(215);
    expect(report.figures.applicationsNew).toBe(6);
  });
});

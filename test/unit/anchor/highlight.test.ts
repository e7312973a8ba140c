// @vitest-environment happy-dom
/** Showing a finding's place in a web page: one outline at a time, the page's own outline given back. */
import { describe, expect, it } from 'vitest';
import { clearHighlight, HIGHLIGHT_ATTRIBUTE, highlight, targetElement } from '../../../utils/anchor/highlight';

describe('highlight', () => {
  it('marks one element at a time with an outline and restores the page’s own inline outline', () => {
    document.body.innerHTML = '<table><tr><td id="a" style="outline: 1px dotted blue">1</td><td id="b">2</td></tr></table>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    highlight(a);
    expect(a.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(true);
    expect(a.style.getPropertyPriority('outline')).toBe('important');
    highlight(b);
    expect(a.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(false);
    expect(a.style.outline).toContain('dotted');
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTRIBUTE}]`)).toHaveLength(1);
    clearHighlight();
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('outlines the block where a text range starts, never <body>', () => {
    document.body.innerHTML = '<p id="p1">第一句。</p><p id="p2">第二句。</p>';
    const range = document.createRange();
    range.setStart(document.getElementById('p1')!.firstChild!, 1);
    range.setEnd(document.getElementById('p2')!.firstChild!, 2);
    expect(targetElement(range)?.id).toBe('p1');
  });
});

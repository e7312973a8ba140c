import { describe, expect, it } from 'vitest';
import { buildSections } from '../../../utils/parse/sections';
import { findSection, sectionPathAt } from '../../../utils/report/sections';

// A title line, then section 二 printed twice (a numbering slip real reports make), and a sub-section under 一.
const text =
  '某某县财政局2023年政府信息公开工作年度报告\n一、总体情况\n(一)加强组织领导。正文甲。\n二、主动公开政府信息情况\n正文乙。\n二、收到和处理政府信息公开申请情况\n正文丙。';
const sections = buildSections(text, [], [], []);
const heading = (path: number[], quote?: string) => {
  const s = findSection(sections, path, quote, text);
  return s ? text.slice(s.heading.start, s.heading.end) : null;
};

describe('findSection: the one lookup of a section by path', () => {
  it('follows the path through children', () => {
    expect(heading([1])).toMatch(/^一、总体情况/);
    expect(heading([1, 1])).toMatch(/^\(一\)加强组织领导/);
  });

  it('picks among repeated numbers by the quoted heading, else the first', () => {
    expect(heading([2])).toMatch(/^二、主动公开政府信息情况/);
    expect(heading([2], '二、收到和处理政府信息公开申请情况')).toMatch(/^二、收到和处理/);
  });

  it('finds nothing for a path that does not exist, or for the empty path', () => {
    expect(heading([3])).toBeNull();
    expect(heading([2, 1])).toBeNull();
    expect(heading([])).toBeNull();
  });

  it('sectionPathAt gives the innermost section at a position', () => {
    expect(sectionPathAt(sections, text.indexOf('正文甲'))).toEqual([1, 1]);
    expect(sectionPathAt(sections, text.indexOf('正文丙'))).toEqual([2]);
    expect(sectionPathAt(sections, 0)).toEqual([]);
  });
});

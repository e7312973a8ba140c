import { describe, expect, it } from 'vitest';
import { buildSections, findHeadings } from '../../../utils/parse/sections';

const labels = (text: string) => findHeadings(text).map((h) => `${h.level}:${h.label}:${h.title}`);

describe('headings', () => {
  it('finds the three levels at line starts', () => {
    expect(labels('一、概述\n(一)加强组织领导。我委高度重视\n1.完善信息公开指南。修改完善了\n二、主动公开情况')).toEqual([
      '1:一:概述',
      '2:一:加强组织领导',
      '3:1:完善信息公开指南',
      '1:二:主动公开情况',
    ]);
  });

  it('joins a heading split across lines', () => {
    expect(labels('一、\n总体情况\n正文。')).toEqual(['1:一:总体情况']);
  });

  it('finds headings inline in a report run together as one block', () => {
    const body = '正文内容。'.repeat(90);
    const text = `一、总体情况 ${body} (一)不断提升主动公开。${body} 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、复议诉讼情况`;
    expect(labels(text)).toEqual([
      '1:一:总体情况',
      '2:一:不断提升主动公开',
      '1:二:主动公开政府信息情况',
      '1:三:收到和处理政府信息公开申请情况',
      '1:四:复议诉讼情况',
    ]);
  });

  it('does not take list phrases or numbers inside sentences for headings', () => {
    expect(labels('严格执行一、二孩生育登记服务制度。\n2018年制发公文364件\n一是加强统筹')).toEqual([]);
  });

  it('keeps numbering as printed, gaps included', () => {
    const tree = buildSections('一、甲\n二、乙\n三、丙\n六、丁', [], [], []);
    expect(tree.map((s) => s.number)).toEqual([1, 2, 3, 6]);
    expect(tree[3]!.body.end).toBe('一、甲\n二、乙\n三、丙\n六、丁'.length);
  });

  it('skips headings inside data tables', () => {
    const text = '三、申请情况\n一、本年新收 | 1 | 0\n四、复议';
    const tableStart = text.indexOf('一、本年');
    const tree = buildSections(text, [{ start: tableStart, end: text.indexOf('四、') }], [], []);
    expect(tree.map((s) => s.label)).toEqual(['三', '四']);
  });
});

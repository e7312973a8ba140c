/** One agency, one name (issue 21): merge suggestions, regions of special zones, and the colour of a change. Expectations by hand. */
import { describe, expect, it } from 'vitest';
import { isSpecialZone, regionOf, suggestMerges } from '../../../utils/library/agency';
import { changeVerdict } from '../../../utils/library/change';

describe('merge suggestions', () => {
  it('suggests names that differ only by a higher-level place in front', () => {
    expect(suggestMerges(['淮安市洪泽区人民政府', '洪泽区人民政府', '淮安市人民政府'])).toEqual([
      { a: '洪泽区人民政府', b: '淮安市洪泽区人民政府', why: 'prefix' },
    ]);
    expect(suggestMerges(['江苏省淮安市洪泽区教育局', '洪泽区教育局'])).toEqual([
      { a: '江苏省淮安市洪泽区教育局', b: '洪泽区教育局', why: 'prefix' },
    ]);
  });

  it('suggests the known short forms of one name (人民政府 / 政府, 管理委员会 / 管委会)', () => {
    expect(suggestMerges(['南岭县人民政府', '南岭县政府'])).toEqual([{ a: '南岭县人民政府', b: '南岭县政府', why: 'variant' }]);
    expect(suggestMerges(['临港新区管理委员会', '临港新区管委会'])).toEqual([
      { a: '临港新区管委会', b: '临港新区管理委员会', why: 'variant' },
    ]);
  });

  it('never suggests an office and its government, two bureaus of different places, or a bureau named without its place', () => {
    expect(suggestMerges(['洪泽区人民政府办公室', '洪泽区人民政府'])).toEqual([]);
    expect(suggestMerges(['淮安市洪泽区人民政府办公室', '洪泽区人民政府'])).toEqual([]);
    expect(suggestMerges(['南岭县教育局', '北溪县教育局'])).toEqual([]);
    // 教育局 alone is no place's: 淮安市教育局 is not 教育局 with a prefix.
    expect(suggestMerges(['淮安市教育局', '教育局'])).toEqual([]);
    // A different place's government that happens to end the same: 洪泽区 under 淮安市, but 泽区 is no place of its own.
    expect(suggestMerges(['淮安市洪泽区人民政府', '泽区人民政府'])).toEqual([]);
  });
});

describe('regions of special zones', () => {
  it('a zone with its place in front belongs to that place', () => {
    expect(regionOf('青溪市高新技术产业开发区管理委员会')).toBe('青溪市');
    expect(regionOf('江苏省南京江北新区管理委员会')).toBe('江苏省');
  });

  it('a zone named without its place: the known region its name begins, else the zone itself', () => {
    expect(regionOf('南岭经济技术开发区管理委员会', ['北溪县', '南岭县'])).toBe('南岭县');
    expect(regionOf('南岭经济技术开发区管理委员会')).toBe('南岭经济技术开发区');
    expect(regionOf('临港新区管委会')).toBe('临港新区');
    expect(regionOf('青溪综合实验区管理委员会', ['青溪市'])).toBe('青溪市');
    expect(isSpecialZone('青溪综合实验区管理委员会')).toBe(true);
    expect(isSpecialZone('青溪市教育局')).toBe(false);
  });

  it('ordinary names keep their region', () => {
    expect(regionOf('张掖市卫生健康委员会')).toBe('张掖市');
    expect(regionOf('市卫生健康委')).toBe('');
  });
});

describe('the colour of a year-on-year change', () => {
  it('follows what is good for the figure, not the sign', () => {
    expect(changeVerdict('activeDisclosed', 12)).toBe('better');
    expect(changeVerdict('activeDisclosed', -3)).toBe('worse');
    expect(changeVerdict('reviewTotal', 2)).toBe('worse');
    expect(changeVerdict('reviewTotal', -2)).toBe('better');
    expect(changeVerdict('applicationsNew', 40)).toBe('neutral');
    expect(changeVerdict('applicationsNew', -40)).toBe('neutral');
    expect(changeVerdict('counts.error', 1)).toBe('worse');
    expect(changeVerdict('activeDisclosed', 0)).toBe('same');
  });
});

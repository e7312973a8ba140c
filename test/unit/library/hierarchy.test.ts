import { describe, expect, it } from 'vitest';
import { childReportsOfYear, governedPlace, suggestHierarchy } from '../../../utils/library/hierarchy';

const named = (...names: string[]) => names.map((agency) => ({ agency, agencyKey: agency }));

describe('governedPlace', () => {
  it('is the name before 人民政府, for governments above the town', () => {
    expect(governedPlace('临江区人民政府')).toBe('临江区');
    expect(governedPlace('甘肃省张掖市人民政府')).toBe('甘肃省张掖市');
    expect(governedPlace('临江区 人民政府')).toBe('临江区');
  });
  it('also for 某县政府 and a place named bare (titles name governments both ways)', () => {
    expect(governedPlace('临江区政府')).toBe('临江区');
    expect(governedPlace('东岭县')).toBe('东岭县');
    expect(governedPlace('城关镇政府')).toBeNull();
    expect(governedPlace('幸福社区')).toBeNull();
    expect(governedPlace('临江区人民政府研究室')).toBeNull();
    expect(governedPlace('广州市政府参事室')).toBeNull();
  });
  it('is null for towns, streets, offices and departments', () => {
    expect(governedPlace('临江区城关镇人民政府')).toBeNull();
    expect(governedPlace('临江区人民政府办公室')).toBeNull();
    expect(governedPlace('临江区教育局')).toBeNull();
    expect(governedPlace(null)).toBeNull();
  });
});

describe('suggestHierarchy', () => {
  it('puts departments, towns and the office under the government whose place they start with', () => {
    const out = suggestHierarchy(
      named('临江区人民政府', '临江区教育局', '临江区城关镇人民政府', '临江区人民政府办公室', '临江区城市管理局', '平安县卫生健康局'),
    );
    expect([...out.entries()]).toEqual([
      ['临江区人民政府', ['临江区人民政府办公室', '临江区城关镇人民政府', '临江区城市管理局', '临江区教育局']],
    ]);
  });

  it('nests: a district’s bureau goes under the district when the district is listed, the district under the city', () => {
    const out = suggestHierarchy(named('张掖市人民政府', '张掖市甘州区人民政府', '张掖市甘州区教育局', '张掖市教育局'));
    expect(out.get('张掖市人民政府')).toEqual(['张掖市教育局', '张掖市甘州区人民政府']);
    expect(out.get('张掖市甘州区人民政府')).toEqual(['张掖市甘州区教育局']);
  });
});

describe('childReportsOfYear', () => {
  it('takes each child’s newest revision of the year and names the children without one', () => {
    const rows = [
      { id: 1, agencyKey: 'A局', year: 2022, latest: 1 as const },
      { id: 2, agencyKey: 'A局', year: 2022, latest: 0 as const },
      { id: 3, agencyKey: 'A局', year: 2021, latest: 1 as const },
      { id: 4, agencyKey: 'B镇', year: 2021, latest: 1 as const },
    ];
    const { found, missing } = childReportsOfYear(['A局', 'B镇'], 2022, rows);
    expect(found.map((r) => r.id)).toEqual([1]);
    expect(missing).toEqual(['B镇']);
  });
});

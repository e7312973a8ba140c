import { expect, it } from 'vitest';
import rule, { cannotMakeRegulations } from '../../../utils/rules/implausible-regulations';
import { addActiveTable, baseReport } from './build-report';
import { ruleTester } from './rule-tester';

const table = (agency: string, kind: 'department' | 'township' | 'government' | 'government-office', n: number) =>
  addActiveTable(baseReport({ agency, agencyKind: kind }), '2021', { regulations: { issued: n, repealed: 0, inForce: n } });

ruleTester.run(rule, {
  valid: [
    table('某县卫生健康局', 'department', 0),
    table('某省人民政府', 'government', 3),
    table('教育部', 'department', 2),
    table('某市人民政府办公室', 'government-office', 1),
  ],
  invalid: [
    {
      report: table('某县卫生健康局', 'department', 3),
      errors: [{ messageId: 'implausible', location: { kind: 'cell', row: 1, col: 1 }, related: [{ row: 1, col: 3 }] }],
    },
    { report: table('某某镇人民政府', 'township', 1), errors: [{ message: '某某镇人民政府' }] },
    { report: table('某某区人民政府', 'government', 1), errors: [{ messageId: 'implausible' }] },
    { report: table('某某街道办事处', 'township', 2), errors: [{ messageId: 'implausible' }] },
  ],
});

it('who can make 规章', () => {
  expect(cannotMakeRegulations('government', '浙江省人民政府')).toBe(false);
  expect(cannotMakeRegulations('government-office', '平邑县人民政府办公室')).toBe(true);
  expect(cannotMakeRegulations('department', '国家卫生健康委员会')).toBe(false);
});

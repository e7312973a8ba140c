import { expect, it } from 'vitest';
import rule, { deadlineOf } from '../../../utils/rules/late-publication';
import { baseReport, withText } from './build-report';
import { ruleTester } from './rule-tester';

const r = (
  year: number,
  publishedAt: string | null,
  agencyKind: 'department' | 'government' | 'government-office' | 'township' | null = 'department',
  signedAt: string | null = null,
) => withText(baseReport({ year, publishedAt, signedAt, agencyKind }), `正文。\n${publishedAt ?? signedAt ?? ''}`);

ruleTester.run(rule, {
  valid: [
    r(2023, '2024-01-30'), // seed 004
    r(2023, '2024-01-31'),
    r(2023, '2024-03-31', 'government'),
    r(2023, '2024-03-20', 'government-office'),
    r(2017, '2018-03-30'), // 2008 era: 31 March for everyone
    r(2023, null),
    baseReport({ year: null, publishedAt: '2030-01-01' }),
  ],
  invalid: [
    {
      report: r(2023, '2024-02-20'),
      errors: [
        {
          messageId: 'late',
          location: { kind: 'text', quote: '2024-02-20' },
          message: '晚于期限 2024-01-31（政府部门：次年 1 月 31 日前）20 天',
        },
      ],
    },
    { report: r(2021, '2022-04-01', 'government'), errors: [{ messageId: 'late', en: '1 day(s) after the deadline 2022-03-31' }] },
    { report: r(2016, '2017-04-05'), errors: [{ messageId: 'late' }] },
    { report: r(2023, null, 'department', '2024-02-02'), errors: [{ messageId: 'lateSigned' }] },
  ],
});

it('deadlines by era and level', () => {
  expect(deadlineOf(baseReport({ year: 2019, agencyKind: 'department' }))?.date).toBe('2020-01-31');
  expect(deadlineOf(baseReport({ year: 2019, agencyKind: 'government' }))?.date).toBe('2020-03-31');
  expect(deadlineOf(baseReport({ year: 2018, agencyKind: 'department' }))?.date).toBe('2019-03-31');
});

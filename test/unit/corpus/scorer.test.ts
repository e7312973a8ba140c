import { describe, expect, it } from 'vitest';
import { findingText, namesNumber } from '../../../cli/corpus';

describe('corpus scorer: does a finding name a number', () => {
  it('matches the number as a whole token only', () => {
    expect(namesNumber('共公布政府信息2599条，各项之和为2533', 2599)).toBe(true);
    expect(namesNumber('各项之和为12599', 2599)).toBe(false);
    expect(namesNumber('金额25990元', 2599)).toBe(false);
    expect(namesNumber('比例2599.5%', 2599)).toBe(false);
    expect(namesNumber('合计 2,599 条', 2599)).toBe(true);
    expect(namesNumber('（七）总计为 0', 0)).toBe(true);
    expect(namesNumber('总计为 10', 0)).toBe(false);
  });

  it('reads the rendered message and the message data, before and after findings carry messageId/data', () => {
    expect(findingText({ rule: 'narrative-sum', severity: 'error', message: '共 2602 条，各项之和 2603' })).toContain('2602');
    const withData = findingText({ rule: 'narrative-sum', severity: 'error', messageId: 'sum', data: { stated: 2602, sum: 2603 } });
    expect(namesNumber(withData, 2602)).toBe(true);
    expect(namesNumber(withData, 2601)).toBe(false);
  });
});

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

describe('corpus scorer: doubtful figures', () => {
  it('counts the truth’s doubtful figures shown doubtful, and lists those shown doubtful that it does not list', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { scoreCorpus, formatResult } = await import('../../../cli/corpus');
    const dir = mkdtempSync(join(tmpdir(), 'rl-corpus-'));
    // A converter's table 三 under 数据1…数据7 (总计 unnamed): 新收, 结转, （七）总计 and 四 are all read by position.
    const zeros = '0 | 0 | 0 | 0 | 0 | 0 | 0';
    const text = [
      '某县人民政府2021年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '| 类别 | 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |',
      '|---|---|---|---|---|---|---|---|---|',
      '| 一、本年新收政府信息公开申请数量 |  | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      `| 二、上年结转政府信息公开申请数量 |  | ${zeros} |`,
      '| 三、本年度办理结果 | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      '|  | （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      `| 四、结转下年度继续办理 |  | ${zeros} |`,
      '四、政府信息公开行政复议、行政诉讼情况',
      '本年度未发生行政复议。',
    ].join('\n');
    writeFileSync(join(dir, 'converted.txt'), text);
    // The truth calls 新收 and 复议 doubtful: the first is shown doubtful, the second (no table value) is not;
    // 结转, 办结, 结转下年 are shown doubtful without being listed.
    const truth = {
      file: 'converted.txt',
      isReport: true,
      figures: { applicationsNew: 3 },
      doubtful: ['applicationsNew', 'reviewTotal'],
      inconsistencies: [],
    };
    writeFileSync(join(dir, 'converted.truth.json'), JSON.stringify(truth));
    const result = await scoreCorpus(dir);
    const [entry] = result.entries;
    expect(entry!.doubtful).toEqual({
      marked: 1,
      expected: 2,
      missed: ['reviewTotal'],
      extra: ['applicationsCarriedOver', 'applicationsHandled', 'applicationsCarriedForward'],
    });
    expect(result.totals).toMatchObject({ doubtfulMarked: 1, doubtfulExpected: 2, doubtfulExtra: 3 });
    // the figure itself is still right: a doubtful mark is not a wrong figure
    expect(entry!.figures).toMatchObject({ right: 1, expected: 1 });
    const lines = formatResult(result, dir).trimEnd().split('\n');
    expect(lines.slice(-3).every((l) => l.startsWith('TOTAL '))).toBe(true);
    expect(lines.at(-3)).toContain('doubtful figures marked doubtful: 1/2 (3 shown doubtful the truth does not list)');
    expect(lines).toContain('    doubtful extra applicationsHandled: shown doubtful, the truth does not list it');
    expect(lines).toContain('    not doubtful   reviewTotal: the truth calls it doubtful, shown as certain');
  });
});

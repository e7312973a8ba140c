/**
 * Batch runs in the scores (issue 21): the expected agencies a run names, who has no report for its year, and
 * failed items, each shown and exported with its reason instead of being dropped. Expectations by hand.
 */

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runMissing, runYear, unscoredRows } from '../../../components/library/batch-model';
import type { BatchItem, BatchRun } from '../../../utils/batch/queue';
import { LIBRARY_STRINGS } from '../../../utils/i18n/library';
import { agencyGroups, agencyKey } from '../../../utils/library/agency';
import { missingAgencies, parseExpectedAgencies } from '../../../utils/library/expected';
import { filterUnscored, scoresCsv } from '../../../utils/score/view';

const zh = LIBRARY_STRINGS['zh-Hans'];

const row = (id: number, agency: string, year: number, url = `https://www.nanling.gov.cn/${id}.html`) => ({
  id,
  url,
  agency,
  agencyKey: agencyKey(agency),
  year,
  latest: 1 as const,
});

function item(order: number, patch: Partial<BatchItem>): BatchItem {
  return {
    id: `r1 ${order}`,
    runId: 'r1',
    order,
    url: `https://www.nanling.gov.cn/item-${order}.html`,
    state: 'checked',
    attempts: 1,
    updatedAt: 1000 + order,
    ...patch,
  };
}

describe('expected agencies', () => {
  it('reads one name per line, dropping blanks, list numbers and repeats (full-width spaces too)', () => {
    expect(parseExpectedAgencies('1. 南岭县教育局\n\n2、南岭县财政局\r\n南岭县教育局\n　南岭县 民政局 \n三、城关镇人民政府')).toEqual([
      '南岭县教育局',
      '南岭县财政局',
      '南岭县 民政局',
      '城关镇人民政府',
    ]);
    expect(parseExpectedAgencies('  \n ')).toEqual([]);
  });

  it('names those with no report of the year; a linked name counts as the same agency', () => {
    const rows = [row(1, '南岭县教育局', 2022), row(2, '南岭县财政局', 2021), row(3, '南岭县民政局', 2022)];
    const groups = agencyGroups([{ a: '南岭县民政局', b: '南岭县民政事务局' }]);
    expect(missingAgencies(['南岭县教育局', '南岭县财政局', '南岭县民政事务局', '城关镇人民政府'], rows, 2022, groups)).toEqual([
      '南岭县财政局',
      '城关镇人民政府',
    ]);
    // Without the link, 民政事务局 has no report.
    expect(missingAgencies(['南岭县民政事务局'], rows, 2022)).toEqual(['南岭县民政事务局']);
  });
});

describe('a run in the scores', () => {
  const rows = [row(1, '南岭县教育局', 2022), row(2, '南岭县财政局', 2022), row(3, '南岭县财政局', 2021)];
  const run: BatchRun = {
    id: 'r1',
    createdAt: 1,
    state: 'done',
    source: 'https://www.nanling.gov.cn/zfxxgk/ndbg/index.html',
    expected: ['南岭县教育局', '南岭县财政局', '城关镇人民政府'],
  };
  const items: BatchItem[] = [
    item(0, { result: { reportId: 1, errors: 0, warnings: 0, kind: 'html' } }),
    item(1, { result: { reportId: 2, errors: 1, warnings: 0, kind: 'html' } }),
    item(2, { result: { reportId: 3, errors: 0, warnings: 0, kind: 'html' } }),
    item(3, {
      state: 'failed',
      title: '南岭县水利局2022年政府信息公开工作年度报告',
      failure: { code: 'http', status: 404, message: '404' },
    }),
    // Failed, then saved by a later try: not a failure any more.
    item(4, { state: 'failed', url: rows[0]!.url, failure: { code: 'timeout', message: 't' } }),
  ];

  it('is about the year most of its reports are of', () => {
    expect(runYear(items, rows)).toBe(2022);
    expect(runYear([], rows)).toBeNull();
    expect(runMissing(run, items, rows, new Map())).toEqual({ year: 2022, missing: ['城关镇人民政府'] });
  });

  it('shows the failed item and the missing agency, each with its reason', () => {
    const unscored = unscoredRows([run], items, rows, new Map(), zh, 'zh-Hans');
    expect(unscored).toEqual([
      {
        kind: 'failed',
        agency: '南岭县水利局2022年政府信息公开工作年度报告',
        region: '南岭县',
        year: 2022,
        url: 'https://www.nanling.gov.cn/item-3.html',
        reason: '批量检查未能检查：服务器返回 HTTP 404',
      },
      {
        kind: 'missing',
        agency: '城关镇人民政府',
        region: '',
        year: 2022,
        url: null,
        reason: '名单上的机构，报告库中没有 2022 年度的报告',
      },
    ]);
    // The year filter keeps them; a filter on scores (errors, a histogram bin) has nothing to say of them.
    expect(filterUnscored(unscored, { year: 2021 })).toEqual([]);
    expect(filterUnscored(unscored, { year: 2022 })).toHaveLength(2);
    expect(filterUnscored(unscored, { errors: true })).toEqual([]);
  });

  it('exports them in the CSV: no score, the reason in 说明', () => {
    const csv = scoresCsv([], unscoredRows([run], items, rows, new Map(), zh, 'zh-Hans'));
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(
      parsed.data.map((l) => [l['机构 agency'], l['年度 year'], l['得分 score'], l['得分率 percent'], l['网址 url'], l['说明 note']]),
    ).toEqual([
      [
        '南岭县水利局2022年政府信息公开工作年度报告',
        '2022',
        '',
        '',
        'https://www.nanling.gov.cn/item-3.html',
        '批量检查未能检查：服务器返回 HTTP 404',
      ],
      ['城关镇人民政府', '2022', '', '', '', '名单上的机构，报告库中没有 2022 年度的报告'],
    ]);
  });
});

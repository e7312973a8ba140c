/**
 * The engine counts what each rule compared (the panel's "已核对 N 项"): a relation or figure that held counts
 * as much as one that failed; one that could not be compared (blank, missing) does not count.
 */
import { describe, expect, it } from 'vitest';
import { checkedCount, newTally, runRules } from '../../../utils/rules';
import balance from '../../../utils/rules/applications-balance';
import { defineRule } from '../../../utils/rules/types';
import { addApplicationsTable, baseReport, consistentApplicationValues, row7 } from './build-report';

describe('checked tally', () => {
  it('applications-balance: one relation per applicant column (six columns and 总计), held or not', () => {
    const tally = newTally();
    const held = runRules(addApplicationsTable(baseReport(), '2021', consistentApplicationValues('2021')), {}, [balance], tally);
    expect(held).toEqual([]);
    expect(tally.checked).toEqual({ 'applications-balance': 7 });

    // Seed 003's shape: one new application, nothing handled: 自然人 and 总计 fail, every column still compared.
    const failing = newTally();
    const findings = runRules(
      addApplicationsTable(baseReport({ year: 2020 }), '2019', {
        new: row7(1, 0, 0, 0, 0, 0),
        carriedOver: row7(0, 0, 0, 0, 0, 0),
        'refused.2': row7(1, 0, 0, 0, 0, 0),
        total: row7(0, 0, 0, 0, 0, 0),
        carriedForward: row7(0, 0, 0, 0, 0, 0),
      }),
      {},
      [balance],
      failing,
    );
    expect(findings).toHaveLength(2);
    expect(checkedCount(failing)).toBe(7);
  });

  it('a table whose terms are all blank is not counted as checked', () => {
    const tally = newTally();
    runRules(
      addApplicationsTable(baseReport(), '2021', { new: [null], carriedOver: [null], total: [null], carriedForward: [null] }),
      {},
      [balance],
      tally,
    );
    expect(checkedCount(tally)).toBe(0);
  });

  it('counts are per rule and summed; a rule that throws counts nothing', () => {
    const counting = defineRule({
      id: 'counting',
      meta: {
        severity: 'info',
        category: 'tables',
        docs: { 'zh-Hans': '', en: '', why: { 'zh-Hans': '', en: '' }, fix: { 'zh-Hans': '', en: '' }, example: '' },
        messages: { m: { 'zh-Hans': '', 'zh-Hant': '', en: '' } },
      },
      check(_report, _context, emit) {
        emit.checked?.(3);
        emit.checked?.();
      },
    });
    const throwing = defineRule({
      id: 'throwing',
      meta: { ...counting.meta },
      check(_report, _context, emit) {
        emit.checked?.(5);
        throw new Error('broken');
      },
    });
    const tally = newTally();
    runRules(baseReport(), {}, [counting, throwing], tally);
    expect(tally.checked).toEqual({ counting: 4 });
    expect(checkedCount(tally)).toBe(4);
    expect(checkedCount(null)).toBe(0);
  });
});

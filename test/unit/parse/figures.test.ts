/**
 * Key figures from 表三 when its 总计 cells are blank: a reader adds up the applicant columns; the
 * blank is still reported. Page: the hand-built clean-2021 report with cells blanked as Word exports
 * leave them (empty <p>, &nbsp;, a dash).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { checkDocument } from '../../../utils/pipeline';

const original = readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'), 'utf8');

/** Replaces the last cell (总计) of the row whose label is `label`. */
function blankTotal(html: string, label: string, blank: string): string {
  const re = new RegExp(`(<td[^>]*>${label}[^<]*</td>(?:<td>[^<]*</td>)*)<td>\\d+</td></tr>`);
  expect(re.test(html), label).toBe(true);
  return html.replace(re, `$1<td>${blank}</td></tr>`);
}

describe('key figures when the 总计 column is blank', () => {
  it('takes the sum of the applicant columns, and blank-cells still reports the blanks', () => {
    let html = blankTotal(original, '一、本年新收政府信息公开申请数量', '<p>&nbsp;</p>');
    html = blankTotal(html, '（七）总计', '');
    // 二、上年结转: 3 | 1 | 0 | 0 | 0 | 0 | 4 → 科研机构 printed as "—", 总计 blank.
    html = html.replace(
      '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td>',
      '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>3</td><td>1</td><td>—</td><td>0</td><td>0</td><td>0</td><td></td>',
    );
    const { report, findings } = checkDocument(htmlToDocument(html));
    expect(report.standard.applications?.rows.new?.total?.value.kind).toBe('missing');
    // 40+5+1+0+2+1 = 49; 3+1+0+0+0 = 4 (the dash is missing, not 0); 41+5+1+0+2+1 = 50.
    expect(report.figures.applicationsNew).toBe(49);
    expect(report.figures.applicationsCarriedOver).toBe(4);
    expect(report.figures.applicationsHandled).toBe(50);
    expect(report.figures.applicationsCarriedForward).toBe(3);
    expect(findings.some((f) => f.rule === 'blank-cells')).toBe(true);
  });

  it('falls back to the prose when the whole row is blank', () => {
    const html = original.replace(
      '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>40</td><td>5</td><td>1</td><td>0</td><td>2</td><td>1</td><td>49</td>',
      '<td colspan="3">一、本年新收政府信息公开申请数量</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td>',
    );
    // Prose: "2022年，本局新收政府信息公开申请49件".
    expect(checkDocument(htmlToDocument(html)).report.figures.applicationsNew).toBe(49);
  });

  it('gives no sum over a row whose applicant cell is not a count', () => {
    const html = original.replace(
      '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td>',
      '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>-3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td></td>',
    );
    const { report } = checkDocument(htmlToDocument(html));
    // No sum over a negative count (invalid-value reports it); the prose "上年结转4件" is the figure.
    expect(report.figures.applicationsCarriedOver).toBe(4);
  });
});

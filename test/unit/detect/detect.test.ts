// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isReportTitle, looksLikeReport } from '../../../utils/detect/looks-like-report';

function page(title: string, h1 = ''): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  if (h1) {
    const el = doc.createElement('h1');
    el.textContent = h1;
    doc.body.append(el);
  }
  return doc;
}

describe('the cheap detector', () => {
  it.each([
    '平邑县卫生健康局2023年政府信息公开工作年度报告',
    '張掖市衛生和計劃生育委員會 2017年政府信息公開工作年度報告',
    '懷化市衛生計生委2018年政務公開工作年度報告',
    '2020年度政府信息公开年报',
    '2021年度政府資訊公開年報', // 報 alone, no 报: the quick character test lets it through
    '2022年政務公開工作報告',
  ])('accepts %s', (title) => expect(isReportTitle(title)).toBe(true));

  it.each([
    '平邑县卫生健康局政府信息公开指南',
    '政府信息公开目录',
    '政府信息公开年报', // a column title on a listing page: no year
    '我县召开2022年政府信息公开工作年度报告编制培训会',
    '关于做好2017年政府信息公开工作年度报告编制发布工作的通知',
    '2023年政府工作报告',
    '我县召开2023年政务公开工作推进会', // 年 and 公 but no 报 or 報: no report names itself without one
    '2023年度政府信息公开工作要点',
  ])('rejects %s', (title) => expect(isReportTitle(title)).toBe(false));

  it('reads the page title, a site-suffixed title and headings', () => {
    expect(looksLikeReport(page('平邑县卫生健康局2023年政府信息公开工作年度报告_平邑县人民政府'))).toBe(true);
    expect(looksLikeReport(page('平邑县人民政府', '平邑县卫生健康局2023年政府信息公开工作年度报告'))).toBe(true);
    expect(looksLikeReport(page('平邑县人民政府', '平邑县卫生健康局开展政务公开培训'))).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { readListing } from '../../../utils/detect/listing';

const fixtures = join(__dirname, '../../fixtures');
const page = (path: string) => htmlToDocument(readFileSync(join(fixtures, path), 'utf8'));

describe('readListing: a 年报 column page', () => {
  // One agency's reports by year on a TRS site: relative links, titles cut with "..." (full in title=""),
  // a 通知 about writing the reports, a link opened by script, the PDF 全真版, and a scripted pager.
  const base = 'https://www.qingxi.gov.cn/scjgj/zfxxgk/ndbg/';
  const listing = readListing(page('listing/trs-agency-listing.html'), `${base}index.html`);
  const agency = '青溪市市场监督管理局';

  it('is a listing, and lists the reports with absolute addresses, full titles, years, agency and the date printed beside each', () => {
    expect(listing.isListing).toBe(true);
    expect(listing.reports).toEqual([
      {
        url: `${base}202401/t20240126_5523107.html`,
        title: `${agency}2023年政府信息公开工作年度报告`,
        year: 2023,
        agency,
        date: '2024-01-26',
      },
      {
        url: `${base}202301/t20230129_5129876.html`,
        title: `${agency}2022年政府信息公开工作年度报告`,
        year: 2022,
        agency,
        date: '2023-01-29',
      },
      {
        url: `${base}202201/t20220128_4788920.html`,
        title: `${agency}2021年政府信息公开工作年度报告`,
        year: 2021,
        agency,
        date: '2022-01-28',
      },
      {
        url: `${base}202101/t20210129_4402155.html`,
        title: `${agency}2020年政府信息公开工作年度报告`,
        year: 2020,
        agency,
        date: '2021-01-29',
      },
      {
        url: `${base}202101/W020210129377718425061.pdf`,
        title: `${agency}2020年政府信息公开工作年度报告（全真版）.pdf`,
        year: 2020,
        agency,
        date: '2021-01-29',
      },
      {
        url: `${base}202001/t20200121_4011348.html`,
        title: `${agency}2019年政府信息公开工作年度报告`,
        year: 2019,
        agency,
        date: '2020-01-21',
      },
    ]);
  });

  it('leaves out the notice about writing the reports and the site navigation', () => {
    expect(listing.reports.some((r) => r.title.includes('通知'))).toBe(false);
    expect(listing.reports.some((r) => r.url.includes('tzgg'))).toBe(false);
  });

  it('reads the pager script: var countPage = 3 → index_1.html, index_2.html', () => {
    expect(listing.nextPages).toEqual([`${base}index_1.html`, `${base}index_2.html`]);
  });

  it('resolves the same links against the directory address too', () => {
    expect(readListing(page('listing/trs-agency-listing.html'), base).nextPages).toEqual([`${base}index_1.html`, `${base}index_2.html`]);
  });

  it('a region-wide 年报 column (all departments and towns for a year): 30 reports and its pager links', () => {
    const region = readListing(page('pages/catalogue.html'), 'http://www.nanling.gov.cn/zfxxgk/ndbg/index.html');
    expect(region.isListing).toBe(true);
    expect(region.reports).toHaveLength(30);
    expect(region.reports[0]).toEqual({
      url: 'http://www.nanling.gov.cn/zfxxgk/ndbg/2022/t20230110_1000.html',
      title: '南岭县人民政府2022年政府信息公开工作年度报告',
      year: 2022,
      agency: '南岭县人民政府',
      date: '2023-01-10',
    });
    expect(region.reports[29]).toEqual({
      url: 'http://www.nanling.gov.cn/zfxxgk/ndbg/2021/t20220124_1029.html',
      title: '城关镇人民政府2021年政府信息公开工作年度报告',
      year: 2021,
      agency: '城关镇人民政府',
      date: '2022-01-24',
    });
    expect(region.nextPages).toEqual([
      'http://www.nanling.gov.cn/zfxxgk/ndbg/index_1.html',
      'http://www.nanling.gov.cn/zfxxgk/ndbg/index_2.html',
    ]);
  });
});

describe('readListing: pages that are not 年报 listings', () => {
  it('a report page is never a listing, whatever it links to', () => {
    const report = readListing(page('pages/seed-004.html'), 'https://www.example.gov.cn/a.html');
    expect(report).toEqual({ isListing: false, reports: [], nextPages: [] });
  });

  it('a news column carrying a few reports among its news items is not a 年报 listing', () => {
    expect(readListing(page('pages/large-listing.html'), 'http://www.nanling.gov.cn/xwzx/gzdt/index.html').isListing).toBe(false);
  });

  it('a news article is not a listing', () => {
    expect(readListing(page('pages/news.html'), 'https://www.example.gov.cn/news.html').isListing).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { readListing } from '../../../utils/detect/listing';
import { looksLikeListing, namesReportColumn } from '../../../utils/detect/looks-like-listing';
import { looksLikeReport } from '../../../utils/detect/looks-like-report';

const fixtures = join(__dirname, '../../fixtures');
const page = (path: string) => htmlToDocument(readFileSync(join(fixtures, path), 'utf8'));

/** A bare column page: head metas, title and a list of links as a CMS writes them. */
function column(opts: { title: string; metas?: Record<string, string>; links: { text: string; title?: string }[] }): Document {
  const metas = Object.entries(opts.metas ?? {})
    .map(([n, c]) => `<meta name="${n}" content="${c}" />`)
    .join('\n');
  const items = opts.links
    .map(
      (l, i) =>
        `<li><span class="date">2023-01-2${i % 10}</span><a href="./t2023012${i}_${1000 + i}.html"${l.title ? ` title="${l.title}"` : ''}>${l.text}</a></li>`,
    )
    .join('\n');
  return htmlToDocument(`<!DOCTYPE html><html><head><meta charset="utf-8" />${metas}<title>${opts.title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zfxxgk/">政府信息公开</a> <a href="/xwdt/">新闻动态</a></div>
<ul class="list">${items}</ul></body></html>`);
}

describe('the every-page listing test', () => {
  it('fires on the TRS agency listing (ColumnName 政府信息公开年报, links cut with "..." and full in title="")', () => {
    const doc = page('listing/trs-agency-listing.html');
    // The report test does not fire there: it is this test that brings the report script to a listing.
    expect(looksLikeReport(doc)).toBe(false);
    expect(looksLikeListing(doc)).toBe(true);
  });

  it('fires on the region-wide 年报 column (no ColumnName: the title "政府信息公开年报 - 南岭县人民政府")', () => {
    const doc = page('pages/catalogue.html');
    expect(namesReportColumn(doc)).toBe(true);
    expect(looksLikeListing(doc)).toBe(true);
  });

  it('does not fire on a news article that links one report in its 相关链接 and 年报 in its sidebar', () => {
    const doc = page('listing/trs-news-with-report-link.html');
    expect(looksLikeReport(doc)).toBe(false);
    expect(looksLikeListing(doc)).toBe(false);
    // The full reading agrees: a listing test that fired here would inject the report script for nothing.
    expect(readListing(doc, 'https://www.qingxi.gov.cn/scjgj/xwdt/gzdt/202403/t20240312_5601122.html').isListing).toBe(false);
  });

  it('does not fire on a 工作动态 news column with a few reports among its news, nor on a news article', () => {
    expect(looksLikeListing(page('pages/large-listing.html'))).toBe(false);
    expect(looksLikeListing(page('pages/news.html'))).toBe(false);
  });

  it('reads the column from ColumnType when the title is only the site name', () => {
    const doc = column({
      title: '青溪市教育局',
      metas: { ColumnName: '', ColumnType: '政府信息公开年度报告' },
      links: [{ text: '青溪市教育局2022年度政府信息公开工作年度报告' }],
    });
    expect(looksLikeListing(doc)).toBe(true);
  });

  it('a 年报 column whose links name no report year does not fire (an empty column, its own menu)', () => {
    const doc = column({
      title: '政府信息公开年报_青溪市教育局',
      links: [
        { text: '政府信息公开年报' },
        { text: '政府信息公开指南' },
        { text: '关于做好2023年政府信息公开工作年度报告编制发布工作的通知' },
      ],
    });
    expect(looksLikeListing(doc)).toBe(false);
  });

  it('fires on a Traditional-script mirror of a column', () => {
    const doc = column({
      title: '政府信息公開年報_青溪市教育局',
      links: [{ text: '青溪市教育局2021年政府信息公開工作年度報告' }],
    });
    expect(looksLikeListing(doc)).toBe(true);
  });

  it('a page of another column with many report-like links does not fire (the column test comes first)', () => {
    const doc = column({
      title: '通知公告_青溪市教育局',
      metas: { ColumnName: '通知公告' },
      links: [{ text: '青溪市教育局2022年政府信息公开工作年度报告' }, { text: '青溪市教育局2021年政府信息公开工作年度报告' }],
    });
    expect(looksLikeListing(doc)).toBe(false);
  });

  // The column test runs no pattern on a name without 年 and 报/報 (they cost most on the every-page path): every
  // form of a 年报 column's name holds both, in the title or in either column meta, in either script.
  it.each([
    '政府信息公开年报',
    '政府信息公开工作年度报告',
    '政务公开年報',
    '政府信息公開年度報告',
    '年报专栏',
    '年報專欄',
    '年度报告',
    '年報',
  ])('names the column %s from the title, ColumnName or ColumnType', (name) => {
    const links = [{ text: '青溪市教育局2022年政府信息公开工作年度报告' }];
    expect(namesReportColumn(column({ title: `${name}_青溪市教育局`, links }))).toBe(true);
    expect(namesReportColumn(column({ title: '青溪市教育局', metas: { ColumnName: name }, links }))).toBe(true);
    expect(namesReportColumn(column({ title: '青溪市教育局', metas: { ColumnType: ` ${name} ` }, links }))).toBe(true);
  });

  it.each(['政府信息公开指南', '工作动态', '年度计划', '公开年度目录'])('does not name the column %s a 年报 column', (name) => {
    const links = [{ text: '青溪市教育局2022年政府信息公开工作年度报告' }];
    expect(namesReportColumn(column({ title: `${name}_青溪市教育局`, metas: { ColumnName: name }, links }))).toBe(false);
  });
});

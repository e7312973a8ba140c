/**
 * Metadata as real pages carry it: the gov-site metas, the "来源/发布时间" line above the article,
 * agencies of every kind, the year in its printed forms, and which date is the publication date.
 * Every expected value is written by hand from the page text in the test.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { parseDocument, parseReportText } from '../../../utils/parse';
import { agencyFromBody, agencyKind, readMetadataFields, readMetaTags } from '../../../utils/parse/metadata';
import { agencyAndYearFromTitle } from '../../../utils/text/title';

/** A CMS article page: head metas, a header line, the article body. */
function page(opts: { head?: string; header?: string; title?: string; body: string }): Document {
  return htmlToDocument(`<!doctype html><html><head><meta charset="utf-8"><title>${opts.title ?? ''}</title>${opts.head ?? ''}</head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a></div>
${opts.header ?? ''}
<div class="TRS_Editor">${opts.body}</div>
<div class="footer">主办：某某人民政府办公室 ICP备05001234号</div></body></html>`);
}

const BODY_2022 = `<p>根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布本年度报告。</p>
<p>一、总体情况</p><p>2022年，我区坚持以公开为常态，主动公开政府信息1024条。</p>
<p>二、主动公开政府信息情况</p><p>详见下表。</p>
<p>三、收到和处理政府信息公开申请情况</p><p>本年新收申请12件。</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>无。</p>
<p>五、存在的主要问题及改进情况</p><p>我区公开质量有待提升。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>`;

describe('the gov-site metas and the header line', () => {
  it('reads PubDate, ArticleTitle, ContentSource and SiteName, ignoring empty ones', () => {
    const doc = page({
      head: `<meta name="SiteName" content="东岭县人民政府"/><meta name="ColumnName" content="政府信息公开年报"/>
<meta name="ArticleTitle" content="东岭县应急管理局2022年度政府信息公开工作年度报告"/><meta name="pubdate" content="2023-01-30 09:12"/>
<meta name="ContentSource" content=""/><meta name="contentsource" content="县应急管理局"/>`,
      body: '<p>正文</p>',
    });
    expect(readMetaTags(doc)).toEqual({
      siteName: '东岭县人民政府',
      columnName: '政府信息公开年报',
      articleTitle: '东岭县应急管理局2022年度政府信息公开工作年度报告',
      pubDate: '2023-01-30 09:12',
      contentSource: '县应急管理局',
    });
  });

  it('splits one header line into its fields and drops the view counter', () => {
    const doc = page({
      header: '<div class="info">来源：区政府办公室 发布时间：2023-01-30 09:12 浏览次数：1024</div>',
      body: '<p>正文</p>',
    });
    const fields = readMetadataFields(doc);
    expect(fields.source).toBe('区政府办公室');
    expect(fields.publishedAt).toBe('2023-01-30 09:12');
  });

  it('reads the header line printed as separate spans with a bare 时间 label', () => {
    const doc = page({ header: '<div><span>来源：平潭县人民政府</span> <span>时间：2020-01-20 15:22</span></div>', body: '<p>正文</p>' });
    const fields = readMetadataFields(doc);
    expect(fields.source).toBe('平潭县人民政府');
    expect(fields.headerDate).toBe('2020-01-20 15:22');
  });

  it('reads a Traditional mirror line (來源/發佈時間/轉載時間) and the title before the mirror name', () => {
    const doc = page({
      title: '江州市鼓樓區教育局2020年政府信息公開工作年度報告 - 政務文庫網',
      header: '<div>來源：鼓樓區教育局　發佈時間：2021-01-27　轉載時間：2021-03-02 07:15</div>',
      body: '<p>本報告根據《中華人民共和國政府信息公開條例》編制。</p><p>一、總體情況</p><p>2020年，我局主動公開政府信息120條。</p><p>二、主動公開政府信息情況</p><p>略。</p><p>三、收到和處理政府信息公開申請情況</p><p>略。</p>',
    });
    const { meta } = parseDocument(doc).report;
    expect(meta.publishedAt).toBe('2021-01-27');
    expect(meta.title).toBe('江州市鼓楼区教育局2020年政府信息公开工作年度报告');
    expect(meta.agency).toBe('江州市鼓楼区教育局');
  });

  it('does not take a bare 时间 label without a date', () => {
    const doc = page({ header: '<div><span>时间：</span><span>上午</span></div>', body: '<p>正文</p>' });
    expect(readMetadataFields(doc).headerDate).toBeUndefined();
  });
});

describe('the publication date', () => {
  const signed = `${BODY_2022}<p>东岭县某某区人民政府</p><p>2023年1月16日</p>`;

  it('is the PubDate meta before the metadata table, and the signature date is only signedAt', () => {
    const doc = page({
      title: '某某区2022年政府信息公开工作年度报告',
      head: '<meta name="PubDate" content="2023-01-20 10:00"/>',
      header: '<table><tr><td>发布日期：</td><td>2023-01-21</td></tr><tr><td>索引号：</td><td>11/2023-01</td></tr></table>',
      body: signed,
    });
    const { meta } = parseDocument(doc).report;
    expect(meta.publishedAt).toBe('2023-01-20');
    expect(meta.publishedAtSource).toBe('meta');
    expect(meta.signedAt).toBe('2023-01-16');
  });

  it('comes from the 发布时间 line when there is no meta', () => {
    const doc = page({
      title: '某某区2022年政府信息公开工作年度报告',
      header: '<div>来源：某某区政府办 发布时间：2023-01-19 浏览次数：3</div>',
      body: signed,
    });
    const { meta } = parseDocument(doc).report;
    expect(meta.publishedAt).toBe('2023-01-19');
    expect(meta.publishedAtSource).toBe('metadata');
  });

  it('is null when the page gives none, even under a signature date', () => {
    const { meta } = parseDocument(page({ title: '某某区2022年政府信息公开工作年度报告', body: signed })).report;
    expect(meta.publishedAt).toBeNull();
    expect(meta.publishedAtSource).toBeNull();
    expect(meta.signedAt).toBe('2023-01-16');
  });
});

describe('agencies of every kind', () => {
  it.each([
    ['平潭综合实验区2019年度政府信息公开工作年度报告', '平潭综合实验区', 'government'],
    ['天府新区管理委员会2022年政府信息公开工作年度报告', '天府新区管理委员会', 'government'],
    ['长沙经济技术开发区管委会2021年政府信息公开工作年度报告', '长沙经济技术开发区管委会', 'government'],
    ['城关街道办事处2022年政府信息公开工作年度报告', '城关街道办事处', 'township'],
    ['马坝镇人民政府2023年政府信息公开工作年度报告', '马坝镇人民政府', 'township'],
    ['马坝镇政府2023年政府信息公开工作年度报告', '马坝镇政府', 'township'],
    ['东岭县政府2023年政府信息公开工作年度报告', '东岭县政府', 'government'],
    ['平邑县地方镇人民政府2022年政府信息公开工作年度报告', '平邑县地方镇人民政府', 'township'],
    ['张掖市人民政府办公厅2020年政府信息公开工作年度报告', '张掖市人民政府办公厅', 'government-office'],
    ['广州市政府参事室2022年政府信息公开工作年度报告', '广州市政府参事室', 'department'],
    ['东岭县政务服务中心2021年政府信息公开工作年度报告', '东岭县政务服务中心', 'department'],
    ['东岭县人民政府研究室2021年政府信息公开工作年度报告', '东岭县人民政府研究室', 'department'],
    ['东岭县2023年政府信息公开工作年度报告', '东岭县', 'government'],
  ])('%s → %s (%s)', (title, agency, kind) => {
    const got = agencyAndYearFromTitle(title);
    expect(got.agency).toBe(agency);
    expect(agencyKind(got.agency)).toBe(kind);
  });

  it('takes the agency from the title, never from the 来源 line naming another body', () => {
    const doc = page({
      title: '平潭综合实验区2019年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会',
      header: '<div><span>来源：平潭县人民政府</span> <span>时间：2020-01-20 15:22</span></div>',
      body: BODY_2022,
    });
    const { meta } = parseDocument(doc).report;
    expect(meta.title).toBe('平潭综合实验区2019年度政府信息公开工作年度报告');
    expect(meta.agency).toBe('平潭综合实验区');
    expect(meta.agencySource).toBe('title');
    expect(meta.publishedAt).toBe('2020-01-20');
  });

  it('resolves 我区 through the site name when nothing else names the body', () => {
    const doc = page({
      title: '2022年政府信息公开工作年度报告',
      head: '<meta name="SiteName" content="东岭市某某区人民政府"/>',
      body: BODY_2022,
    });
    const { meta } = parseDocument(doc).report;
    expect(meta.agency).toBe('东岭市某某区人民政府');
    expect(meta.agencySource).toBe('site');
    expect(meta.agencyKind).toBe('government');
  });

  it('prefers a ContentSource that fits 我区 over a site name that does not', () => {
    const doc = page({
      title: '2022年政府信息公开工作年度报告',
      head: '<meta name="SiteName" content="东岭市人民政府"/><meta name="ContentSource" content="东岭市某某区人民政府"/>',
      body: BODY_2022,
    });
    const { meta } = parseDocument(doc).report;
    expect(meta.agency).toBe('东岭市某某区人民政府');
    expect(meta.agencySource).toBe('source');
  });

  it('falls back to ContentSource, labelled, when the body names no kind of body', () => {
    const body = BODY_2022.replace(/我区/g, '');
    const doc = page({ title: '2022年政府信息公开工作年度报告', head: '<meta name="ContentSource" content="东岭县卫生健康局"/>', body });
    const { meta } = parseDocument(doc).report;
    expect(meta.agency).toBe('东岭县卫生健康局');
    expect(meta.agencySource).toBe('source');
  });

  it('takes the signature before any page field', () => {
    const doc = page({
      title: '2022年政府信息公开工作年度报告',
      head: '<meta name="SiteName" content="东岭县人民政府"/>',
      body: `${BODY_2022}<p>东岭县城关街道办事处</p><p>2023年1月16日</p>`,
    });
    const { meta } = parseDocument(doc).report;
    expect(meta.agency).toBe('东岭县城关街道办事处');
    expect(meta.agencySource).toBe('signature');
    expect(meta.agencyKind).toBe('township');
  });
});

describe('a text dump that starts with a breadcrumb', () => {
  it('takes the title line, not the breadcrumb joined to it', () => {
    const text = `首页 > 政府信息公开 > 法定主动公开内容 > 政府信息公开年报
西塘市卫生健康委员会2022年政府信息公开工作年度报告
发布日期：2023-01-17　　来源：市卫生健康委　　【字体：大 中 小】

本报告根据《中华人民共和国政府信息公开条例》编制。
一、总体情况
2022年，市卫生健康委全年主动公开政府信息3391条。`;
    const { report } = parseReportText(text, htmlToDocument('<!doctype html><html><head></head><body></body></html>'));
    expect(report.meta.title).toBe('西塘市卫生健康委员会2022年政府信息公开工作年度报告');
    expect(report.meta.agency).toBe('西塘市卫生健康委员会');
    expect(report.meta.publishedAt).toBe('2023-01-17');
  });
});

describe('the year', () => {
  it.each([
    ['东岭县卫生健康局2023年度政府信息公开工作年度报告', 2023, '东岭县卫生健康局'],
    ['东岭县卫生健康局二〇二三年政府信息公开工作年度报告', 2023, '东岭县卫生健康局'],
    ['东岭县卫生健康局二零二二年度政府信息公开工作年度报告', 2022, '东岭县卫生健康局'],
    ['东岭县卫生健康局关于2023年政府信息公开工作年度报告', 2023, '东岭县卫生健康局'],
    ['关于东岭县卫生健康局2023年政府信息公开工作年度报告', 2023, '东岭县卫生健康局'],
    ['2023年东岭县卫生健康局政府信息公开工作年度报告', 2023, '东岭县卫生健康局'],
    ['东岭县卫生健康局政府信息公开工作2023年度报告', 2023, '东岭县卫生健康局'],
  ])('%s → %d', (title, year, agency) => {
    expect(agencyAndYearFromTitle(title)).toEqual({ year, agency });
  });

  it('comes from the statistics period when the title is generic', () => {
    const body = BODY_2022.replace('2022年，我区', '过去一年，我区').replace(
      '现公布本年度报告。',
      '现公布本年度报告。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
    );
    const { meta } = parseDocument(page({ title: '政府信息公开工作年度报告', body })).report;
    expect(meta.year).toBe(2021);
  });

  it('comes from the opening of 总体情况 when the title is generic and no period is printed', () => {
    // 2023 is mentioned more often (plans for next year) than the report year 2022.
    const body = BODY_2022.replace('公开质量有待提升。', '2023年将继续推进。2023年计划修订目录。2023年开展培训。');
    const { meta } = parseDocument(page({ title: '政府信息公开工作年度报告', body })).report;
    expect(meta.year).toBe(2022);
  });
});

describe('the real Pingtan pages (test/fixtures/pages, from the shared corpus)', () => {
  it.each([
    ['pingtan-2019.html', 2019, '2020-01-20'],
    ['pingtan-2020.html', 2020, '2021-03-05'],
    ['pingtan-2021.html', 2021, '2022-02-08'],
  ])('%s: agency, year and PubDate', (file, year, published) => {
    const doc = htmlToDocument(readFileSync(join(__dirname, '../../fixtures/pages', file), 'utf8'));
    const { report } = parseDocument(doc);
    expect(report.isReport).toBe(true);
    expect(report.meta.agency).toBe('平潭综合实验区');
    expect(report.meta.year).toBe(year);
    expect(report.meta.publishedAt).toBe(published);
  });
});

describe('agencyFromBody: who compiled the report, when no title names it', () => {
  it('由X编制 names the body; a government office compiling stands for its government', () => {
    expect(agencyFromBody('本报告根据《条例》要求，由栗阳县民政局编制。全文包括概述、主动公开政府信息情况。')).toBe('栗阳县民政局');
    expect(agencyFromBody('本报告由栗阳县人民政府办公室编制。全文包括总体情况、主动公开政府信息情况。')).toBe('栗阳县人民政府');
    expect(agencyFromBody('全文包括总体情况、主动公开政府信息情况。本报告电子版可在门户网站下载。')).toBeNull();
  });
});

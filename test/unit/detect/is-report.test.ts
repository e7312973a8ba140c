/**
 * The full decision on pages whose title does not say what they are: a report says it in its
 * opening ("本报告根据《条例》…编制", "全文包括总体情况、主动公开政府信息情况…"); news, guides and
 * listings do not.
 */
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { parseDocument } from '../../../utils/parse';
import { checkDocument } from '../../../utils/pipeline';

const SECTIONS = `<p>一、总体情况</p><p>2022年，我局坚持以公开为常态、不公开为例外。</p>
<p>二、主动公开政府信息情况</p><p>全年主动公开政府信息215条。</p>
<p>三、收到和处理政府信息公开申请情况</p><p>本年新收政府信息公开申请6件，均已按期答复。</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度未发生行政复议、行政诉讼。</p>
<p>五、存在的主要问题及改进情况</p><p>公开的及时性有待提升。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>`;

function page(title: string, body: string): Document {
  return htmlToDocument(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="header">东岭县人民政府</div><div class="crumb">首页 &gt; 政务公开 &gt; 部门文件</div>
<div id="zoom">${body}</div><div class="footer">主办：东岭县人民政府办公室</div></body></html>`);
}

describe('reports recognised from their opening', () => {
  it('a generic page title and an opening that cites the 条例', () => {
    const doc = page(
      '东岭县人民政府',
      `<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由东岭县交通运输局编制。</p>${SECTIONS}`,
    );
    expect(parseDocument(doc).report.isReport).toBe(true);
  });

  it('an opening that lists the six parts, under a title naming only the column', () => {
    const doc = page(
      '政府信息公开年报_东岭县人民政府',
      `<p>全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。</p>${SECTIONS}`,
    );
    const { report, findings } = checkDocument(doc);
    expect(report.isReport).toBe(true);
    // Recognised means checked: the rules ran (section-missing is silent on a complete report).
    expect(findings.some((f) => f.rule === 'section-missing')).toBe(false);
  });

  it('a title printed over two lines at the top of the article', () => {
    const doc = page(
      '东岭县人民政府',
      `<p>东岭县交通运输局2022年</p><p>政府信息公开工作年度报告</p><p>本报告依据《条例》编制。</p>${SECTIONS}`,
    );
    const { report } = parseDocument(doc);
    expect(report.isReport).toBe(true);
    expect(report.meta.title).toBe('东岭县交通运输局2022年政府信息公开工作年度报告');
    expect(report.meta.agency).toBe('东岭县交通运输局');
    expect(report.meta.year).toBe(2022);
  });
});

describe('a report published under a 通知 stays a report', () => {
  it('关于公布…年度报告的通知 whose body is the report, with its six section headings', () => {
    const doc = page(
      '关于公布东岭县交通运输局2022年政府信息公开工作年度报告的通知',
      `<p>各科室、局属各单位：</p><p>现将东岭县交通运输局2022年政府信息公开工作年度报告公布如下。</p>${SECTIONS}`,
    );
    expect(parseDocument(doc).report.isReport).toBe(true);
  });
});

describe('pages that are not reports stay out', () => {
  it('a news item about compiling the report', () => {
    const doc = page(
      '我县部署政务公开工作',
      `<p>1月10日，县政府办公室召开会议，部署2022年政府信息公开工作年度报告编制工作。</p>
<p>会议要求，各单位按照《条例》规定，全面总结政府信息公开工作情况，年度报告包括总体情况、主动公开政府信息情况等内容。</p>`,
    );
    expect(parseDocument(doc).report.isReport).toBe(false);
  });

  it('an opening that cites the 条例 without any sections or tables', () => {
    const doc = page('东岭县人民政府', '<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p><p>详见附件。</p>');
    expect(parseDocument(doc).report.isReport).toBe(false);
  });

  it('a notice on compiling the reports, numbered like a report and naming its six parts in a sentence', () => {
    const doc = page(
      '关于做好2021年度政府信息公开工作年度报告编制发布工作的通知_政府信息公开年报_江南省人民政府',
      `<h1>关于做好2021年度政府信息公开工作年度报告编制发布工作的通知</h1>
<p>各市、县（市、区）人民政府，省政府各部门：</p>
<p>为做好2021年度政府信息公开工作年度报告编制发布工作，现将有关事项通知如下：</p>
<p>一、严格执行新的格式要求。年度报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。</p>
<p>二、按时发布。县级以上人民政府部门应当于2022年1月31日前公布本部门政府信息公开工作年度报告。</p>
<p>三、统一集中展示。年度报告发布后，请将链接报送省政府办公厅政务公开处。</p>
<p>四、加强审核把关。严禁照搬照抄往年政府信息公开年度报告内容。</p>`,
    );
    expect(parseDocument(doc).report.isReport).toBe(false);
  });

  it('a 公开指南 that describes the annual report', () => {
    const doc = page(
      '东岭县交通运输局政府信息公开指南',
      `<p>本指南根据《中华人民共和国政府信息公开条例》编制。</p>${SECTIONS.replace(/2022年，/, '')}`,
    );
    expect(parseDocument(doc).report.isReport).toBe(false);
  });
});

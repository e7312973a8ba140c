/** The prose facts the rules compare with the tables: each sentence and what a reader takes from it. */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../utils/parse/facts';
import { keyFigures } from '../../../utils/parse/index';

const facts = (text: string) =>
  extractFacts(text, []).facts.map((f) => ({ kind: f.kind, value: f.value, quote: text.slice(f.at.start, f.at.end) }));

describe('facts: table 三 groups in the prose', () => {
  it('共受理 with the carried-over in brackets, then the groups', () => {
    const text =
      '全年共受理政府信息公开申请20件（含上年结转2件），其中予以公开及部分公开12件，因本机关不掌握等原因无法提供5件，不予处理3件。';
    const got = facts(text);
    expect(got).toContainEqual({ kind: 'applicationsNew', value: 20, quote: '20' });
    expect(got).toContainEqual({ kind: 'applicationsGrantedOrPartial', value: 12, quote: '12' });
    expect(got).toContainEqual({ kind: 'applicationsUnable', value: 5, quote: '5' });
    expect(got).toContainEqual({ kind: 'applicationsNotProcessed', value: 3, quote: '3' });
    // the breakdown's total is 20, not the bracketed 2
    expect(got.filter((f) => f.kind === 'other')).toEqual([{ kind: 'other', value: 20, quote: '20' }]);
    expect(extractFacts(text, []).facts.find((f) => f.kind === 'applicationsNew')!.label).toBe('共受理政府信息公开申请');
  });

  it('予以公开, 部分公开 and 不予公开 apart', () => {
    const got = facts('2023年收到政府信息公开申请18件，予以公开10件，部分公开2件，不予公开1件。');
    expect(got.filter((f) => f.kind.startsWith('applications'))).toEqual([
      { kind: 'applicationsNew', value: 18, quote: '18' },
      { kind: 'applicationsGranted', value: 10, quote: '10' },
      { kind: 'applicationsPartial', value: 2, quote: '2' },
      { kind: 'applicationsRefused', value: 1, quote: '1' },
    ]);
  });
});

describe('facts: review and litigation outcomes', () => {
  it('均获维持 after two groups covers each with its own count; 无被纠错 is 0 corrected for both', () => {
    const got = facts('本年度发生行政复议2件、行政诉讼1件，均获维持，无被纠错案件。');
    expect(got).toContainEqual({ kind: 'reviewAllUpheld', value: 2, quote: '2' });
    expect(got).toContainEqual({ kind: 'litigationAllUpheld', value: 1, quote: '1' });
    expect(got).toContainEqual({ kind: 'reviewCorrected', value: 0, quote: '无被纠错' });
    expect(got).toContainEqual({ kind: 'litigationCorrected', value: 0, quote: '无被纠错' });
  });

  it('维持2件、结果纠正1件: counts after the outcome win', () => {
    const got = facts('被申请行政复议3件，其中结果维持2件、结果纠正1件。');
    expect(got).toContainEqual({ kind: 'reviewUpheld', value: 2, quote: '2' });
    expect(got).toContainEqual({ kind: 'reviewCorrected', value: 1, quote: '1' });
  });

  it('尚未审结 in a litigation sentence', () => {
    expect(facts('发生行政诉讼4件，其中维持2件，尚未审结2件。')).toContainEqual({ kind: 'litigationPending', value: 2, quote: '2' });
  });
});

describe('facts: table 二 and fees', () => {
  it('现行有效规范性文件', () => {
    expect(facts('截至年底，现行有效规范性文件665件。')).toEqual([{ kind: 'normativeInForce', value: 665, quote: '665' }]);
  });
  it('fees: none, and an amount', () => {
    expect(facts('本年度未收取任何信息处理费。')).toEqual([{ kind: 'feeCollected', value: 0, quote: '未收取任何信息处理费' }]);
    expect(facts('依申请公开收取信息处理费200元。')).toEqual([{ kind: 'feeCollected', value: 200, quote: '200' }]);
  });
});

describe('facts: laid-out text', () => {
  it('a sentence wrapped at the page width is read whole', () => {
    const text =
      '(三)政府信息管理。本年制发行政规范性文件 3 件，废止 2 件，现行有效行政规范性文件\n19 件，均已在市政府门户网站规范性文件库集中公开。\n(四)平台建设。';
    expect(facts(text)).toContainEqual({ kind: 'normativeInForce', value: 19, quote: '19' });
  });
  it('a heading or a table row after a line is not joined to it', () => {
    const text = '全年共主动公开政府信息三千余条，均在门户网站集中公开发布的\n(四)平台建设 2 件\n行政规范性文件 3 2 17';
    expect(facts(text)).toEqual([]);
  });
  it('an amount after a comma', () => {
    expect(facts('对1件申请数量明显超出合理范围的申请收取信息处理费，共计200元。')).toEqual([
      { kind: 'feeCollected', value: 200, quote: '200' },
    ]);
  });
});

describe('facts: laid-out prose and breakdowns', () => {
  it('reads a phrase broken at a line end and padded with blanks (laid-out PDF text)', () => {
    const text =
      '2019 年，我街道认真贯彻新修订的《条例》，配备兼职信息员 2 名。全年主动\n公开政府信息 213 条，收到政府信息公开申请 11 件。';
    expect(facts(text)).toContainEqual({ kind: 'activeDisclosed', value: 213, quote: '213' });
  });

  it('a 其中 inside brackets ends at the closing bracket: 办结 and 结转 after it are no parts', () => {
    const text = '全区共受理政府信息公开申请238件（其中本年新收225件，上年结转13件），办结212件，结转下年度继续办理26件。';
    const got = extractFacts(text, []).facts.filter((f) => f.kind === 'other');
    expect(got.map((f) => [f.value, f.parts!.map((p) => p.value)])).toEqual([[238, [225, 13]]]);
  });

  it('a 其中 after another clause belongs to that clause, not to the number before it', () => {
    const text = '本机关新收政府信息公开申请10件，上年结转1件，全部办结，其中予以公开5件、部分公开1件，无结转下年度办理的申请。';
    expect(extractFacts(text, []).facts.filter((f) => f.kind === 'other')).toEqual([]);
  });

  it('共公布政府信息N条 is the total disclosed, and a listed part of it is not', () => {
    const text =
      '我区共公布政府信息2599条，(其中机构职能类信息25条，规划计划类信息28条，其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过政府门户网站发布。';
    const all = extractFacts(text, []).facts;
    expect(all.filter((f) => f.kind === 'activeDisclosed').map((f) => f.value)).toContain(2599);
    expect(all.find((f) => f.kind === 'other')!.parts!.map((p) => p.value)).toEqual([25, 28, 856]);
  });

  it('主动公开 with who published between: 主动公开我区各级单位政府信息2645条', () => {
    expect(facts('全年主动公开我区各级单位政府信息2645条，主要通过政府网站公开。')).toContainEqual({
      kind: 'activeDisclosed',
      value: 2645,
      quote: '2645',
    });
  });

  it('a category of information is not the total: 共计公开动态信息15篇', () => {
    expect(facts('今年共计公开动态信息15篇。').filter((f) => f.kind === 'activeDisclosed')).toEqual([]);
  });
});

describe('keyFigures: the total over a part', () => {
  it('takes 共公布…2599条, not its part 其他应主动公开政府信息856条', () => {
    const text =
      '我区共公布政府信息2599条，(其中机构职能类信息25条，其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过网站发布。';
    expect(keyFigures({}, extractFacts(text, []).facts).activeDisclosed).toBe(2599);
  });

  it('keeps a part when the breakdown counts something else: 制发公文364件,其中:主动公开187件', () => {
    const text = '2018制发公文364件,其中:主动公开187件,依申请公开5件,不公开172件。';
    expect(keyFigures({}, extractFacts(text, []).facts).activeDisclosed).toBe(187);
  });
});

describe('facts: applications handled and zeros stated in words', () => {
  const of = (text: string, kind: string) =>
    extractFacts(text, [])
      .facts.filter((f) => f.kind === kind)
      .map((f) => f.value);

  it('已答复N件 in the sentence after the one about applications, same paragraph', () => {
    const text = '全年共收到政府信息公开申请9件，其中公民申请7件，法人或其他组织申请2件。已答复8件，其中同意公开5件，不予公开1件。';
    expect(of(text, 'applicationsHandled')).toEqual([8]);
  });

  it('…not across a paragraph break', () => {
    expect(of('全年共收到政府信息公开申请9件。\n已答复网民留言8件。', 'applicationsHandled')).toEqual([]);
  });

  it('全部办结: handled is what was received and carried over', () => {
    expect(of('我局共收到政府信息公开申请6件，均为公民申请。已全部在规定期限内办结，其中同意公开4件。', 'applicationsHandled')).toEqual([
      6,
    ]);
    expect(of('本机关新收政府信息公开申请10件，上年结转1件，全部办结，其中予以公开5件、部分公开1件。', 'applicationsHandled')).toEqual([
      11,
    ]);
  });

  it('全部办结 after a count that says it includes the carried-over: that count alone', () => {
    expect(of('全年收到政府信息公开申请13件（含上年结转1件），已全部办结。', 'applicationsHandled')).toEqual([13]);
    expect(of('本年度收到政府信息公开申请13件（其中本年新收12件，上年结转1件），均已按时办结。', 'applicationsHandled')).toEqual([13]);
  });

  it('全部在规定期限内答复 (2008 era) counts as all handled; 全部依法依规答复，其中12件已办结 does not', () => {
    expect(
      of('2011年，我局共受理政府信息公开申请9件，其中当面申请5件。已全部在规定期限内答复，其中同意公开6件。', 'applicationsHandled'),
    ).toEqual([9]);
    expect(
      of(
        '2021年，我委共收到政府信息公开申请13件，上年结转1件，全部依法依规答复，其中12件已办结，2件结转至2022年继续办理。',
        'applicationsHandled',
      ),
    ).toEqual([]);
  });

  it('另有N件正在办理中 is carried forward, in a later sentence of the paragraph about applications', () => {
    const text =
      '我局共收到政府信息公开申请47件。申请内容主要集中在征地补偿等方面。截至12月31日，已答复45件，其中同意公开28件；另有2件正在办理中，将于次年1月按期答复。';
    expect(of(text, 'applicationsCarriedForward')).toEqual([2]);
    expect(of('我局共收到政府信息公开申请47件。\n另有2件正在办理中。', 'applicationsCarriedForward')).toEqual([]);
  });

  it('主动公开政府资讯N条: the Taiwan word a Traditional mirror keeps after conversion', () => {
    expect(of('区文化和旅游局依托入口网站，全年主动公开政府资讯438条，其中工作动态214条。', 'activeDisclosed')).toEqual([438]);
  });

  it('none carried forward, no review, no lawsuit, stated in words, are 0', () => {
    const text = '全部办结，无结转下年度办理的申请。本机关未发生政府信息公开行政复议、行政诉讼案件。';
    expect(of('本机关新收政府信息公开申请10件，' + text, 'applicationsCarriedForward')).toEqual([0]);
    expect(of(text, 'reviewTotal')).toEqual([0]);
    expect(of(text, 'litigationTotal')).toEqual([0]);
    expect(of('2018年，我局未发生因政府信息公开申请行政复议和提起行政诉讼的情况。', 'litigationTotal')).toEqual([0]);
  });
});

/**
 * Report openings, written in the forms real ones take (both eras, both scripts, Taiwan wording in
 * mirrors, CMS lines, ruby pinyin left by a mirror, ASCII punctuation, PDF line wraps), against the
 * openings of what is not a report (notices about compiling or submitting reports, news items,
 * guides, catalogues, listings). Each verdict was decided by reading the text:
 * - 'alone': the opening says it is a report in two or more statements: a report even with no body;
 * - 'with-body': one statement: a report once its sections follow;
 * - 'no': not a report.
 * Agencies, sites and figures are invented.
 */
import { describe, expect, it } from 'vitest';
import { emptyDocument, htmlToDocument } from '../../../cli/dom';
import { opensAsReport, readOpening } from '../../../utils/detect/report-opening';
import { parseDocument, parseReportText } from '../../../utils/parse';
import { cleanText } from '../../../utils/text/clean';
import { toSimplified } from '../../../utils/text/convert';
import { detectScript } from '../../../utils/text/script';

type Verdict = 'alone' | 'with-body' | 'no';
interface Opening {
  name: string;
  text: string;
  verdict: Verdict;
  /** The era, for the body appended in the text-path test. */
  era?: '2008' | '2019';
}

/** The text as the parser hands it to the detectors: cleaned, and converted when Traditional. */
function asParsed(raw: string): string {
  const cleaned = cleanText(raw).text;
  return detectScript(cleaned) === 'hant' ? toSimplified(cleaned) : cleaned;
}

const BODY_2019 = `一、总体情况
2021年，我局以公开为常态、不公开为例外，全年主动公开政府信息312条，收到政府信息公开申请5件。
二、主动公开政府信息情况
主动公开规范性文件3件，行政许可决定46件。
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请5件，均按期答复。
四、政府信息公开行政复议、行政诉讼情况
本年度未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
公开的及时性有待提升。
六、其他需要报告的事项
本年度未收取信息处理费。`;
const BODY_2019_HANT = `一、總體情況
2021年，我局以公開為常態、不公開為例外，全年主動公開政府資訊312條，收到政府資訊公開申請5件。
二、主動公開政府資訊情況
主動公開規範性檔案3件，行政許可決定46件。
三、收到和處理政府資訊公開申請情況
本年新收政府資訊公開申請5件，均按期答覆。
四、政府資訊公開行政複議、行政訴訟情況
本年度未發生行政複議、行政訴訟。
五、存在的主要問題及改進情況
公開的及時性有待提升。
六、其他需要報告的事項
本年度未收取資訊處理費。`;
const BODY_2008 = `一、概述
2012年，我局进一步健全政府信息公开工作机制，全年主动公开政府信息186条。
二、主动公开政府信息情况
主动公开机构职能、政策法规、工作动态等信息186条。
三、依申请公开政府信息情况
全年受理政府信息公开申请3件，均已按期答复。
四、政府信息公开的收费及减免情况
未收取任何费用。
五、因政府信息公开申请提起行政复议、行政诉讼的情况
未发生因政府信息公开申请提起行政复议、行政诉讼的情况。
六、存在的主要问题和改进措施
信息更新不够及时，下一步将加强培训。`;
const BODY_2008_HANT = `一、概述
2012年，我局進一步健全政府資訊公開工作機制，全年主動公開政府資訊186條。
二、主動公開政府資訊情況
主動公開機構職能、政策法規、工作動態等資訊186條。
三、依申請公開政府資訊情況
全年受理政府資訊公開申請3件，均已按期答覆。
四、政府資訊公開的收費及減免情況
未收取任何費用。
五、因政府資訊公開申請提起行政複議、行政訴訟的情況
未發生因政府資訊公開申請提起行政複議、行政訴訟的情況。
六、存在的主要問題和改進措施
資訊更新不夠及時，下一步將加強培訓。`;

const REPORTS: Opening[] = [
  // ——— 2019 and later, Simplified ———
  {
    name: '2021 format: compiled by, six parts, statistics period',
    verdict: 'alone',
    text: '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，由青禾县农业农村局编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
  },
  {
    name: 'CMS lines (字号, 来源, 发布时间) before 本年度报告由…编制 and the six parts',
    verdict: 'alone',
    text: '字号：大 中 小\n来源：柳岸区人民政府办公室　发布时间：2023-01-28 10:15　浏览次数：\n本年度报告由柳岸区人民政府办公室编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。',
  },
  {
    name: '现将…年度报告公布如下, then straight into 一、总体情况',
    verdict: 'with-body',
    text: '现将2021年度政府信息公开工作年度报告公布如下。',
  },
  {
    name: '第五十条, 公布如下, statistics period',
    verdict: 'alone',
    text: '根据《中华人民共和国政府信息公开条例》第五十条规定，现将东湖街道办事处2020年政府信息公开工作年度报告公布如下。本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。',
  },
  {
    name: '特编制本报告, period without 起/止, electronic copy',
    verdict: 'alone',
    text: '按照《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，特编制本报告。本报告中所列数据的统计期限自2023年1月1日至2023年12月31日。本报告电子版可在石桥市人民政府门户网站（www.shiqiao.gov.cn）“政府信息公开年报”栏目下载。',
  },
  {
    name: '本报告是根据…由…编制的 and 全文由…组成',
    verdict: 'alone',
    text: '本报告是根据《中华人民共和国政府信息公开条例》要求，由临水县医疗保障局编制的2021年度政府信息公开工作年度报告。全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。',
  },
  {
    name: 'a preamble ending 现将…工作情况报告如下',
    verdict: 'with-body',
    text: '2022年，在县委、县政府的坚强领导下，县统计局认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开，现将2022年度政府信息公开工作情况报告如下：',
  },
  { name: '现就…情况报告如下', verdict: 'with-body', text: '现就我委2020年度政府信息公开工作情况报告如下。' },
  {
    name: '【字体】【打印本页】, a date and 来源 line, 内容包括 and 统计期限为',
    verdict: 'alone',
    text: '【字体：大 中 小】 【打印本页】\n来源：区卫生健康局 2023-01-18\n本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据统计期限为2022年1月1日至2022年12月31日。',
  },
  {
    name: 'PDF text: sentences wrapped across lines, a page header',
    verdict: 'alone',
    text: '平川县水利局文件\n本报告根据《中华人民共和国政府信息公开条例》（以下简称\n《条例》）要求，由平川县水利局编制。全文包括总体情况、主\n动公开政府信息情况、收到和处理政府信息公开申请情况、政府\n信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、\n其他需要报告的事项。本报告所列数据的统计期限自 2021 年 1 月\n1 日起至 2021 年 12 月 31 日止。',
  },
  {
    name: '本年度报告根据…编制 and 报告全文包括',
    verdict: 'alone',
    text: '本年度报告根据《中华人民共和国政府信息公开条例》规定，结合本单位实际编制。报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
  },
  {
    name: 'a government’s own report: 由…人民政府办公室编制的…年度报告',
    verdict: 'alone',
    text: '本报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由云岭县人民政府办公室编制的2019年度云岭县人民政府政府信息公开工作年度报告。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
  },
  {
    name: 'published under an addressee line: 现将…年度报告予以公布',
    verdict: 'with-body',
    text: '各科室、局属各单位：\n现将西岭县林业局2021年政府信息公开工作年度报告予以公布。',
  },
  {
    name: 'Markdown copy with ** around 本报告 and a 2019 citation',
    verdict: 'alone',
    text: '**本报告**根据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔2019〕60号文件要求编制。全文共分为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。',
  },
  {
    name: '公布如下 and the statistics period only',
    verdict: 'alone',
    text: '现将本局2021年度政府信息公开工作年度报告公布如下。本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。',
  },
  { name: 'the statistics period alone', verdict: 'with-body', text: '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。' },
  {
    name: 'the six parts alone',
    verdict: 'with-body',
    text: '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
  },
  {
    name: 'ASCII punctuation from a mirror, Simplified',
    verdict: 'alone',
    text: '本报告根据<<中华人民共和国政府信息公开条例>>(以下简称<<条例>>)要求,由北岗镇人民政府编制.全文包括总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议,行政诉讼情况,存在的主要问题及改进情况,其他需要报告的事项.',
  },
  {
    name: 'a first sentence with a date range, a meeting and 上报, before 本报告…编制',
    verdict: 'alone',
    text: '2022年1月1日至12月31日，我局召开政务公开专题会议2次，按照上级要求及时上报政务信息46条。本报告根据《中华人民共和国政府信息公开条例》要求，由南坪区退役军人事务局编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
  },
  {
    name: 'the metadata table as pipes (发布机构, 发布日期) above the opening',
    verdict: 'alone',
    text: '索引号 | 11350100MB0000000X/2023-00021 | 发布机构 | 河口区退役军人事务局 |\n公开目录 | 部门信息公开年报 | 发布日期 | 2023-01-29 |\n文号 | 公开方式 | 主动公开 |\n本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
  },
  {
    name: 'the report named in full instead of 本报告: 2022年度…年度报告根据…编制',
    verdict: 'with-body',
    text: '2022年度石岭镇人民政府政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》第五十条的规定编制。',
  },
  {
    name: '特制定本报告, and 可在…查阅或下载本报告 (a posting line 2023-01-10 10:00 发布 above)',
    verdict: 'alone',
    text: '2023-01-10 10:00 发布\n根据《中华人民共和国政府信息公开条例》规定，特制定本报告。公众可在南岭县人民政府门户网站查阅或下载本报告。',
  },
  {
    name: '…办公室根据《条例》…，编制了2019年度…年度报告',
    verdict: 'with-body',
    text: '云岭县人民政府办公室根据《中华人民共和国政府信息公开条例》和省政府办公厅有关要求，编制了2019年度云岭县人民政府政府信息公开工作年度报告。',
  },
  {
    name: 'a short opening, then 总体情况 on meetings, 各单位要, reporters and its own compilation (no notice, no news)',
    verdict: 'with-body',
    text: '现将2015年度政府信息公开工作情况报告如下。\n一、概述\n2015年，局党组召开会议专题研究政务公开工作，要求各科室、各单位要把公开作为常态。通过新闻发布会、接受记者采访等形式解读政策5次，并认真做好2014年度政府信息公开工作年度报告编制发布工作。',
  },
  {
    name: 'a whole page copied: the navigation bar (信息发布, 新闻发布会) above the opening',
    verdict: 'alone',
    text: '首页 政务公开 信息发布 新闻发布会 互动交流 办事服务\n当前位置：首页 > 政务公开 > 政府信息公开年报\n本报告由东岭县交通运输局根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
  },
  // ——— 2019 and later, Traditional mirrors ———
  {
    name: 'Traditional mirror with ruby pinyin left in (報(bào), 據(jù), 數(shù)據(jù)) and ASCII punctuation',
    verdict: 'alone',
    text: '時(shí)間:2021-01-22 來(lái)源:南溪縣教育局 點(diǎn)擊:\n本報(bào)告根據(jù)《中華人民共和國政府信息公開條例》(以下簡(jiǎn)稱《條例》)要求編制,全文包括總體情況、主動公開政府信息情況、收到和處理政府信息公開申請情況、政府信息公開行政復(fù)議及行政訴訟情況、存在的主要問題及改進(jìn)情況、其他需要報(bào)告的事項。本報(bào)告中所列數(shù)據(jù)的統(tǒng)計期限自2020年1月1日起至2020年12月31日止。',
  },
  {
    name: 'Taiwan wording: 政府資訊, 所列資料, 統計期限',
    verdict: 'alone',
    text: '本報告根據《中華人民共和國政府資訊公開條例》（以下簡稱《條例》）和《國務院辦公廳政府資訊與政務公開辦公室關於印發〈中華人民共和國政府資訊公開工作年度報告格式〉的通知》（國辦公開辦函〔2021〕30號）要求，由南河縣教育局編制。全文包括總體情況、主動公開政府資訊情況、收到和處理政府資訊公開申請情況、政府資訊公開行政複議及行政訴訟情況、存在的主要問題及改進情況、其他需要報告的事項。本報告中所列資料的統計期限自2021年1月1日起至2021年12月31日止。',
  },
  {
    name: 'Taiwan wording: 入口網站…下載, 請與…聯絡, 統計期間',
    verdict: 'alone',
    text: '本報告中所列資料的統計期間自2019年1月1日起至2019年12月31日止。本報告電子版可在北塘區人民政府入口網站（www.beitang.gov.cn）「政府資訊公開年報」欄目下載。如對本報告有任何疑問，請與北塘區文化和旅遊局辦公室聯絡（電話：0000-6612345）。',
  },
  {
    name: 'Taiwan wording: 資訊化, 網路平臺, 軟體, 特編制本報告',
    verdict: 'alone',
    text: '按照《中華人民共和國政府資訊公開條例》和國務院辦公廳有關要求，結合本局資訊化建設和網路平臺、軟體系統執行情況，特編制本報告。全文包括總體情況、主動公開政府資訊情況、收到和處理政府資訊公開申請情況、政府資訊公開行政複議、行政訴訟情況、存在的主要問題及改進情況、其他需要報告的事項。',
  },
  { name: 'Taiwan wording: 現將…年度報告公佈如下', verdict: 'with-body', text: '現將2020年度政府資訊公開工作年度報告公佈如下。' },
  {
    name: 'Traditional: 由…製作 (Taiwan verb) and 全文包括',
    verdict: 'alone',
    text: '本報告由東岡區政府辦公室依據《中華人民共和國政府資訊公開條例》製作。全文包括總體情況、主動公開政府資訊情況、收到和處理政府資訊公開申請情況、政府資訊公開行政複議及行政訴訟情況、存在的主要問題及改進情況、其他需要報告的事項。',
  },
  // ——— 2008–2018, Simplified ———
  {
    name: '2010: 特向社会公布…年度政府信息公开工作报告, parts 由…组成',
    verdict: 'alone',
    era: '2008',
    text: '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特向社会公布2010年度政府信息公开工作报告。本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、政府信息公开工作存在的主要问题和改进措施等六部分组成。',
  },
  {
    name: '2012: the full classic opening (parts, period, electronic copy, contact)',
    verdict: 'alone',
    era: '2008',
    text: '本报告根据《条例》要求，由沙河市民政局编制。全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请提起行政复议和行政诉讼情况、存在的主要问题及改进措施等。本年度报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。本年度报告的电子版可在沙河市人民政府门户网站（www.shahe.gov.cn）下载。如对本年度报告有任何疑问，请与沙河市民政局办公室联系（地址：沙河市解放路16号；邮编：500001；电话：0000-3312345）。',
  },
  {
    name: '2014: 回应解读 among the parts',
    verdict: 'alone',
    era: '2008',
    text: '本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅关于印发2014年政府信息公开工作要点的通知》要求编制，全文包括概述、主动公开政府信息情况、重点领域政府信息公开情况、政策解读和回应社会关切情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请提起行政复议和行政诉讼的情况、存在的主要问题和改进措施。',
  },
  {
    name: '2016: 全文共包括概况、主动公开情况…',
    verdict: 'alone',
    era: '2008',
    text: '来源：县住建局　发布日期：2017-03-20\n本报告是根据《中华人民共和国政府信息公开条例》规定，由凤台县住房和城乡建设局编制的2016年度政府信息公开工作年度报告。全文共包括概况、主动公开情况、依申请公开情况、政策解读与回应关切情况、复议诉讼情况、存在的问题及改进措施。',
  },
  {
    name: '2009: 依据…规定，现向社会公布…工作报告',
    verdict: 'with-body',
    era: '2008',
    text: '依据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，现向社会公布2009年度平安乡人民政府政府信息公开工作报告。',
  },
  {
    name: '2011: period, electronic copy and contact, no 编制 sentence',
    verdict: 'alone',
    era: '2008',
    text: '本年度报告中所列数据的统计期限自2011年1月1日起至2011年12月31日止。本年度报告的电子版可在长林县人民政府网站（www.changlin.gov.cn）下载。如对本年度报告有任何疑问，请与长林县科学技术局联系。',
  },
  {
    name: '2013: 按照…要求，现将…工作情况报告如下',
    verdict: 'with-body',
    era: '2008',
    text: '按照《中华人民共和国政府信息公开条例》要求，现将2013年度本局政府信息公开工作情况报告如下：',
  },
  {
    name: '2015: CMS lines, 编制本年度报告 and the period',
    verdict: 'alone',
    era: '2008',
    text: '来源：区发改局 发布时间：2016-03-20 字号：[大 中 小]\n依据《中华人民共和国政府信息公开条例》，编制本年度报告。本年度报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止。',
  },
  {
    name: '2010: 本报告由…根据《条例》…编制, the parts listed',
    verdict: 'alone',
    era: '2008',
    text: '本报告由高岭区人民政府办公室根据《中华人民共和国政府信息公开条例》和省政府有关要求编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，政府信息公开工作存在的主要问题和改进措施。',
  },
  // ——— 2008–2018, Traditional mirrors ———
  {
    name: '2012 Taiwan wording: 特向社會公佈…工作報告, 全文包括概述',
    verdict: 'alone',
    era: '2008',
    text: '根據《中華人民共和國政府資訊公開條例》（以下簡稱《條例》）規定，特向社會公佈2012年度政府資訊公開工作報告。全文包括概述、主動公開政府資訊情況、依申請公開政府資訊情況、政府資訊公開的收費及減免情況、因政府資訊公開申請提起行政複議和行政訴訟的情況、政府資訊公開工作存在的主要問題和改進措施。',
  },
  {
    name: '2018 Taiwan wording: 所列資料, 入口網站下載, 聯絡',
    verdict: 'alone',
    era: '2008',
    text: '本年度報告中所列資料的統計期限自2018年1月1日起至2018年12月31日止。本年度報告的電子版可在清水縣人民政府入口網站（www.qingshui.gov.cn）下載。如對本年度報告有任何疑問，請與清水縣財政局辦公室聯絡（地址：清水縣人民路8號；郵編：700001；電話：0000-5512345）。',
  },
  {
    name: '2018 seed-like: ruby pinyin throughout, 現將一年工作總結如下',
    verdict: 'with-body',
    era: '2008',
    text: '今年,在市政務(wù)公開工作領(lǐng)導(dǎo)小組的領(lǐng)導(dǎo)下,市衛(wèi)生健康委高度重視政務(wù)公開工作,按照《中華人民共和國政府信息公開條例》要求,認(rèn)真開展政務(wù)公開,現(xiàn)將一年工作總結(jié)如下。',
  },
  {
    name: '2017 Traditional with ruby pinyin: 本報(bào)告由…編製, 全文包括概述',
    verdict: 'alone',
    era: '2008',
    text: '本報(bào)告由青崗縣環(huán)境保護局根據(jù)《中華人民共和國政府信息公開條例》編製。全文包括概述、主動公開政府信息情況、依申請公開政府信息情況、政府信息公開的收費及減免情況、因政府信息公開申請提起行政復(fù)議和行政訴訟的情況、存在的主要問題和改進措施。',
  },
  {
    name: '2014 Traditional, ASCII punctuation: 本年度報告的電子版…下載, 統計期限',
    verdict: 'alone',
    era: '2008',
    text: '本年度報告中所列數據的統計期限自2014年1月1日起至2014年12月31日止.本年度報告的電子版可在白楊市人民政府門戶網站(www.baiyang.gov.cn)下載.如對本年度報告有任何疑問,請與白楊市商務局辦公室聯繫.',
  },
];

const NOT_REPORTS: Opening[] = [
  {
    name: 'notice on compiling reports, echoing the statistics period and the parts',
    verdict: 'no',
    text: '关于做好2022年度政府信息公开工作年度报告编制发布工作的通知\n各乡镇人民政府，县政府各部门：\n为做好2022年度政府信息公开工作年度报告编制发布工作，现将有关事项通知如下：\n一、年度报告所列数据的统计期限自2022年1月1日起至2022年12月31日止，全文包括总体情况、主动公开政府信息情况等六个部分。\n二、请各单位于2023年1月31日前在门户网站公布本单位年度报告。',
  },
  {
    name: 'the same notice with its title line lost',
    verdict: 'no',
    text: '各乡镇人民政府，县政府各部门：\n为做好2022年度政府信息公开工作年度报告编制发布工作，现将有关事项通知如下：\n一、年度报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n二、全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分，不得缺项。\n三、请各单位于2023年1月31日前在门户网站公布本单位年度报告。',
  },
  {
    name: 'notice on submitting reports (关于报送)',
    verdict: 'no',
    text: '关于报送2021年度政府信息公开工作年度报告的通知\n各区人民政府，市政府各部门：\n根据《中华人民共和国政府信息公开条例》规定，请各单位于2022年1月20日前将本单位2021年度政府信息公开工作年度报告报送至市政务公开办，并于1月31日前向社会公布。',
  },
  {
    name: 'cover letter submitting a report (关于报送…的函)',
    verdict: 'no',
    text: '关于报送我局2022年度政府信息公开工作年度报告的函\n市政务公开办：\n现将我局2022年度政府信息公开工作年度报告报送你办，请审阅。\n附件：2022年度政府信息公开工作年度报告',
  },
  {
    name: 'news: a training meeting on compiling reports',
    verdict: 'no',
    text: '市政务公开办召开2023年度政府信息公开工作年度报告编制培训会\n来源：青山市人民政府办公厅  发布时间：2024-01-10 16:20\n1月9日下午，市政务公开办召开2023年度政府信息公开工作年度报告编制培训会，市直各部门负责人共86人参加。会议要求，年度报告全文包括总体情况、主动公开政府信息情况等六个部分，统计期限自2023年1月1日起至2023年12月31日止。',
  },
  {
    name: 'news: 我区发布…年报, quoting the parts',
    verdict: 'no',
    text: '我区发布2022年政务公开年报\n近日，我区发布2022年度政府信息公开工作年度报告。报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分，全面展示了一年来的政务公开工作成效。',
  },
  {
    name: 'news without a headline: 日前…发布了…年度报告',
    verdict: 'no',
    text: '日前，县政府办公室在门户网站发布了2021年政府信息公开工作年度报告，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。',
  },
  {
    name: 'news, 2008 era: a press conference on the year’s report',
    verdict: 'no',
    text: '3月28日，市政府新闻办举行新闻发布会，通报2010年度政府信息公开工作报告有关情况。本年度报告中所列数据的统计期限自2010年1月1日起至2010年12月31日止。',
  },
  {
    name: 'news with a byline',
    verdict: 'no',
    text: '本报讯（记者 林小东）青山县2023年度政府信息公开工作年度报告日前出炉，报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
  },
  {
    name: 'guide: 编制本指南',
    verdict: 'no',
    text: '为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅有关规定，编制本指南。公民、法人或者其他组织需要获得本机关政府信息公开服务的，可以阅读本指南。',
  },
  {
    name: 'guide in Taiwan wording: 本指南根據…編制',
    verdict: 'no',
    text: '本指南根據《中華人民共和國政府資訊公開條例》編制。公民、法人或者其他組織需要獲得本機關政府資訊公開服務的，可以閱讀本指南。本指南每年更新，並在網站上公佈。',
  },
  {
    name: 'notice in Taiwan wording (編制釋出, 請各單位)',
    verdict: 'no',
    text: '關於做好2019年政府資訊公開工作年度報告編制釋出工作的通知\n各鄉鎮人民政府，縣政府各部門：\n為做好2019年政府資訊公開工作年度報告編制釋出工作，現將有關事項通知如下：\n一、年度報告所列資料的統計期限自2019年1月1日起至2019年12月31日止，全文包括總體情況、主動公開政府資訊情況等六個部分。\n二、請各單位於2020年1月31日前在入口網站公佈本單位年度報告。',
  },
  {
    name: 'evaluation circular: 现将评估情况通报如下',
    verdict: 'no',
    text: '各区县人民政府，市直各部门：\n为提升政府信息公开工作年度报告质量，市政务公开办组织开展了2022年度报告第三方评估，现将评估情况通报如下。\n一、总体情况\n全市68家单位均按时发布了年度报告。',
  },
  {
    name: '2014 work points notice: 各地区、各部门要…',
    verdict: 'no',
    text: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n《2014年政府信息公开工作要点》已经国务院同意，现印发给你们，请结合实际认真贯彻落实。各地区、各部门要认真做好2014年度政府信息公开工作年度报告编制工作。',
  },
  {
    name: 'catalogue page',
    verdict: 'no',
    text: '政府信息公开目录\n索引号 名称 生成日期\n001-2023-0012 关于印发2023年政务公开工作要点的通知 2023-03-01\n001-2023-0013 2022年度部门决算公开 2023-08-15',
  },
  {
    name: '年报 listing page',
    verdict: 'no',
    text: '首页 > 政务公开 > 政府信息公开年报\n青山县农业农村局2022年政府信息公开工作年度报告 2023-01-20\n青山县教育局2022年政府信息公开工作年度报告 2023-01-19\n青山县财政局2022年政府信息公开工作年度报告 2023-01-18\n共3条 首页 上一页 下一页 尾页',
  },
  {
    name: 'a stub pointing at the attachment: one statement and nothing behind it',
    verdict: 'no',
    text: '本报告根据《中华人民共和国政府信息公开条例》编制。\n详见附件。',
  },
];

describe('report openings', () => {
  it('the table is as large as the brief asks', () => {
    expect(REPORTS.length).toBeGreaterThanOrEqual(35);
    expect(NOT_REPORTS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(REPORTS.map((o) => [o.name, o] as const))('%s', (_, o) => {
    const reading = readOpening(asParsed(o.text));
    expect(reading.objections).toEqual([]);
    expect(reading.cues.length).toBeGreaterThan(0);
    expect(opensAsReport(reading)).toBe(o.verdict === 'alone');
  });
});

describe('openings of what is not a report', () => {
  it.each(NOT_REPORTS.map((o) => [o.name, o] as const))('%s', (_, o) => {
    expect(opensAsReport(readOpening(asParsed(o.text)))).toBe(false);
  });
});

/** The whole decision on the CLI's text path: no title line, the opening, then the body (or none). */
function isReportText(text: string): boolean {
  return parseReportText(text, emptyDocument()).report.isReport;
}

describe('titles that are not a report’s own', () => {
  const page = (title: string, body: string) =>
    htmlToDocument(
      `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div id="zoom">${body}</div></body></html>`,
    );

  it('a news headline naming the report (我区发布…年报) is no report title', () => {
    const doc = page(
      '我区发布2022年政务公开年报_柳岸区人民政府',
      '<p>近日，我区发布2022年度政府信息公开工作年度报告。报告全文包括总体情况、主动公开政府信息情况等六个部分，全面展示了一年来的政务公开工作成效。</p><p>据了解，2022年全区主动公开政府信息1.2万余条。</p>',
    );
    expect(parseDocument(doc).report.isReport).toBe(false);
  });

  it('a 2012 report posted under a news headline (某局发布…工作报告) stays a report: its opening and its own headings', () => {
    const text = `市民政局发布2012年度政府信息公开工作报告\n本报告根据《条例》要求，由沙河市民政局编制。全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请提起行政复议和行政诉讼情况、存在的主要问题及改进措施。本年度报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。\n${BODY_2008}`;
    expect(parseReportText(text, emptyDocument()).report.isReport).toBe(true);
    // The same headline over a news item that paraphrases the opening, without the report's headings, stays out.
    const news =
      '市民政局发布2012年度政府信息公开工作报告\n全文包括概述、主动公开政府信息情况、依申请公开政府信息情况等部分，统计期限自2012年1月1日起至2012年12月31日止。';
    expect(parseReportText(news, emptyDocument()).report.isReport).toBe(false);
  });

  it('the same report under a page title that is the report’s own stays a report', () => {
    const doc = page(
      '柳岸区2022年政府信息公开工作年度报告_柳岸区人民政府',
      `<p>本报告由柳岸区人民政府办公室编制。</p>${BODY_2019.split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('')}`,
    );
    expect(parseDocument(doc).report.isReport).toBe(true);
  });
});

describe('the full decision on texts without a title line', () => {
  it.each(REPORTS.map((o) => [o.name, o] as const))('report: %s', (_, o) => {
    const hant = detectScript(cleanText(o.text).text) === 'hant';
    const body = o.era === '2008' ? (hant ? BODY_2008_HANT : BODY_2008) : hant ? BODY_2019_HANT : BODY_2019;
    expect(isReportText(`${o.text}\n${body}`)).toBe(true);
    // Two statements make a report without a body; one does not.
    expect(isReportText(o.text)).toBe(o.verdict === 'alone');
  });

  it.each(NOT_REPORTS.map((o) => [o.name, o] as const))('not a report: %s', (_, o) => {
    expect(isReportText(o.text)).toBe(false);
  });
});

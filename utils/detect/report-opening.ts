/**
 * How a report opens. A report that lost its title (a copied article body, a mirror, a PDF's text
 * without its cover) still says what it is in its first paragraph: who compiled it under the 条例,
 * which parts it has, the period its figures cover, where its electronic copy is. A notice about
 * compiling reports, a news item about them or a 公开指南 opens otherwise, and says so.
 *
 * Input is the parser's normalised text: cleaned (ruby pinyin `務(wù)` dropped, full-width brackets
 * folded to ASCII) and, on a Traditional page, converted by opencc's t2cn chain. That chain turns
 * characters, not Taiwan vocabulary, so a mirror written with Taiwan wording keeps its words:
 * 资讯 (信息), 资料 (数据), 联络 (联系), 入口网站 (门户网站), 网路, 软体, 制作, 档案. The patterns
 * below accept both vocabularies.
 */

/** What an opening says about itself, one id per kind of statement. */
type OpeningCue =
  /** 本报告根据《条例》…由…编制 / 编制本报告 / 本年度报告依据…要求 */
  | 'compiled'
  /** 现将…年度报告公布如下 / 现就…工作情况报告如下 / 特向社会公布…年度…报告 */
  | 'published'
  /** 统计期限自…年1月1日起至…年12月31日止 */
  | 'period'
  /** 全文包括总体情况、主动公开… / 本报告由概述、主动公开…组成 */
  | 'parts'
  /** 本年度报告的电子版可在…下载 / 如对本年度报告有任何疑问，请与…联系 */
  | 'copy-or-contact';

/** What an opening says that no report's opening says. */
type OpeningObjection =
  /** 现将有关事项通知如下, 特此通知, 请各单位…于…前报送 */
  | 'notice'
  /** 1月9日下午，市政务公开办召开…; 近日，我区发布… */
  | 'news'
  /** 本指南根据《条例》编制 */
  | 'guide';

export interface OpeningReading {
  cues: OpeningCue[];
  objections: OpeningObjection[];
}

/** How far into the text an opening reaches: any title and CMS lines, and the first paragraph or two. */
const OPENING_LENGTH = 2500;
/** The part where a notice, news item or guide names what it is (its first lines and first paragraph). */
const HEAD_LENGTH = 700;

// Written compactly ([根依按遵][据照] for 根据/依据/依照/按照/遵照, 编 for 编制/编写/编撰): report.js has a
// byte budget (test/unit/bundle-size.test.ts). 本报告 stands for 本报告 / 本年度报告 / 本年报告 / 本工作报告 / 本报告书; the law for the 条例 or the subject.
const CUES: Array<[OpeningCue, RegExp]> = [
  [
    'compiled',
    // 本报告根据《条例》要求，由…编制 / 本报告由…编制 / 特编制本报告 / 编制了2019年度…年度报告 /
    // 2022年度某某局…年度报告根据《条例》…编制 (根据, 依据, 依照, 按照, 遵照; 编制, 编写, 编撰, 撰写, 制作, 起草)
    /本(?:年度?|工作)?报告书?[是系]?(?:[根依按遵][据照][^。]{0,160}?(?:条例|公开)|由[^。]{2,60}?(?:编|撰|制作|起草))|(?:编制|编写|撰写|制[作定]|形成|完成|发布|释出|公布)了?本(?:年度?|工作)?报告|(?:编制|编写|撰写|制作|形成)(?:了|完成)?[^。，,]{0,20}?(?:19|20)\d\d\s*年度?[^。，,]{0,30}?(?:年度|工作)报告|(?:19|20)\d\d\s*年度?[^。，,]{0,40}?(?:年度|工作)报告[是系]?(?:[根依按][据照][^。]{0,160}?(?:条例|公开)|由[^。]{2,60}?(?:编|撰|制作))/,
  ],
  [
    'published',
    // 现将…年度报告公布如下 / 现就…工作情况报告如下 / 现将一年工作总结如下 / 现将…年报予以公布 /
    // 特向社会公布2010年度政府信息公开工作报告
    /现[将就把对][^。]{0,100}?(?:报告|总结|公[布告]|发布|释出|汇报)如下|现[将把][^。]{0,80}?(?:条例|公开)[^。]{0,40}?(?:报告|年报)[^。]{0,6}?(?:予以|向社会|正式)(?:公[布开]|发布|释出)|[特现兹]此?(?:向社会)?(?:予以)?(?:公[布开]|发布|释出)[^。]{0,60}?(?:19|20)\d\d\s*年[^。]{0,50}?(?:报告|年报)/,
  ],
  [
    'period',
    // 统计期限自2022年1月1日起至2022年12月31日止 / 統計期間自…至… / 统计时限为…至…
    /统计(?:期[限间]|时[限段间]|区间|周期)[^。\d]{0,8}(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。]{0,6}?[至到迄—–~-]/,
  ],
  [
    'parts',
    // 全文包括总体情况、主动公开… / 本报告由概述，主动公开…组成 / 全文共分为概述、主动公开…
    /(?:(?:报告)?全文|本(?:年度?|工作)?报告书?)(?:共|主要|内容)?(?:包[括含]|分为?|由|含)(?:了|以下)?[^。]{0,24}?(?:总体情况|概[述况]|基本情况)[^。]{0,16}?[、，,；;\s](?:[一二三四五六七八九十\d]+[、.])?(?:主动公开|依申请公开|政府(?:信息|资讯)公开)/,
  ],
  [
    'copy-or-contact',
    // 本年度报告的电子版可在…网站下载 / 可在…查阅或下载本报告 / 如对本年度报告有任何疑问，请与…联系 /
    // 如對本報告有任何疑義，請洽…
    /本(?:年度?|工作)?报告书?的?电子[版档文][^。]{0,80}?(?:下载|查阅|获取|浏览)|(?:下载|查阅|浏览)本(?:年度?|工作)?报告|[如若](?:对|有关)?本(?:年度?|工作)?报告[^。]{0,16}?(?:疑[问义]|问题|意见|建议)[^。]{0,60}?(?:联[系络]|[洽咨垂]询|请洽|反映)/,
  ],
];

const NOTICE =
  /通[知报]如下|特此通知|现[就将]有关(?:事项|工作|要求)|请[各你][^。]{0,30}?[于在][^。]{0,16}?前|(?:请|务必)[^。]{0,30}?(?:报送|上报)|请各(?:单位|部门|地|级)|要(?:认真|切实)做好[^。]{0,40}?年度报告/;
/** A news item's first sentence: a day and what happened, or 近日/日前 and what happened. */
const NEWS_SENTENCE =
  /^(?:[^。至到]{0,16}?(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚上?)?[，,]|(?:近日|日前|近期|昨日|今[天日]|连日来)[，,]?)[^。]{0,60}?(?:召开|举[办行]|组织|发布|释出|公布|印发|开展|部署|通报|出炉|晒出)/;
/**
 * A news headline: a short line saying that someone held a meeting or released something, naming the
 * year it is about; never a navigation bar (首页 政务公开 信息发布 互动交流: several words apart).
 */
const NEWS_HEADLINE =
  /^(?=.*(?:19|20)\d\d)(?!(?:\S+\s+){3})(?!\d{4}[-/.]\d)(?![(（]?[一二三四五六七八九十\d]+[)）、.])(?!关于)[^。，,|｜：:]{2,40}?(?:召开|举[办行]|发布|释出|公布|出炉|晒出|部署|印发|通报)(?!日期|时间|机构|者|单位|人|方式)[^。，,|｜：:]{0,40}$/;
const NEWS_BYLINE = /(?:本报|本网|本台)讯|\((?:记者|通讯员)/;
const GUIDE = /本指南/;

/** Objections are read from the head only: what a notice, news item or guide says of itself comes first. */
function objectionsOf(head: string): OpeningObjection[] {
  const out: OpeningObjection[] = [];
  if (NOTICE.test(head.replace(/[\s\u3000]+/g, ''))) out.push('notice');
  const lines = head
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (
    (lines[0] !== undefined && NEWS_HEADLINE.test(lines[0])) ||
    lines.slice(0, 3).some((l) => NEWS_SENTENCE.test(l)) ||
    NEWS_BYLINE.test(head)
  ) {
    out.push('news');
  }
  if (GUIDE.test(head)) out.push('guide');
  return out;
}

/** The opening of a text: its first part (CMS lines above it, 字号/来源/发布时间, match no pattern here). */
function openingOf(text: string): string {
  return text.slice(0, OPENING_LENGTH);
}

/**
 * What the opening says. Cues are looked for with line breaks and spaces removed (PDF text and
 * copied pages wrap sentences); objections in the head only, line breaks kept (a news item's date
 * leads its first line).
 */
export function readOpening(text: string): OpeningReading {
  const opening = openingOf(text);
  const joined = opening.replace(/[\s\u3000]+/g, '');
  const cues = CUES.filter(([, re]) => re.test(joined)).map(([id]) => id);
  const objections = objectionsOf(opening.slice(0, HEAD_LENGTH));
  return { cues, objections };
}

/**
 * The opening by itself: it says it is a report, in two statements (a notice or news item may echo
 * one phrase), and says nothing a notice, news item or guide says. One statement alone is a report
 * only with a body behind it (decided by the caller, who has the sections and tables).
 */
export function opensAsReport(reading: OpeningReading): boolean {
  return reading.objections.length === 0 && reading.cues.length >= 2;
}

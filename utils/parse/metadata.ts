import { isReportTitle, isReportTitleCandidate, titleCandidates } from '../detect/looks-like-report';
import type { AgencyKind, Era, ReportMeta, StandardTables, TextRange } from '../report/types';
import { agencyAndYearFromTitle, arabicYears, cleanAgency } from '../text/title';
import type { PageText } from './page-text';

/** Normalises a short string the same way the article text is (cleaning + Traditional → Simplified). */
type Normalise = (s: string) => string;

// ---- The header metadata table: 索引号 | … | 发布机构 | … | 发布日期 | … ----

const FIELD_LABELS: Record<string, string> = {
  indexNumber: '索引号|索引號',
  publisher: '发布机构|發布機構|发文机关|發文機關|发布单位|發布單位|信息来源|信息來源',
  publishedAt: '发布日期|發布日期|發佈日期|生成日期|发文日期|發文日期|公开日期|公開日期|发布时间|發布時間|發佈時間',
  title: '标题|標題|名称|名稱',
  // The line above many articles: "来源：区政府办 发布时间：2023-01-30 09:12 浏览次数：…".
  source: '来源|來源|文章来源|文章來源|稿件来源|稿件來源|稿源',
  // Bare 时间/日期 only count when a date follows (readMetadataFields checks).
  headerDate: '时间|時間|日期|更新时间|更新時間',
  documentNumber: '文号|文號',
  other: '关键词|關鍵詞|公开形式|公開形式|公开方式|公開方式|责任部门|責任部門|是否有效|公开目录|公開目錄|主题分类|主題分類|有效性|成文日期',
};

/** Cuts trailing page chrome such as "浏览次数：1024" off a field value. */
function stripChrome(value: string): string {
  return value
    .trim()
    .split(/\s{2,}|\s*(?=浏览|瀏覽|点击|點擊|访问|訪問|字号|字號)/)[0]!
    .trim();
}

/** Fields whose value must be a date to count (a label alone proves nothing). */
const DATE_FIELDS = new Set(['publishedAt', 'headerDate']);

/**
 * Every label of FIELD_LABELS as a key: labelOf runs for every short text node of the page, and one lookup
 * replaces a test per field. The first field naming a label wins.
 */
const FIELD_OF = new Map<string, string>();
for (const [field, labels] of Object.entries(FIELD_LABELS))
  for (const label of labels.split('|')) if (!FIELD_OF.has(label)) FIELD_OF.set(label, field);

function labelOf(text: string): string | null {
  return FIELD_OF.get(text.replace(/[\s:：]+/g, '')) ?? null;
}

/** "a：x b：y" → [[a, x], [b, y]]; a label is 2–6 characters at the start or after whitespace. */
function labelledPairs(text: string): [string, string][] {
  const re = /(?:^|[\s|｜])([^\s:：|｜\d][^\s:：|｜]{1,5})[:：]/g;
  const found: { label: string; start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ label: m[1]!, start: m.index, end: m.index + m[0].length });
  return found.map((f, i) => [f.label, text.slice(f.end, found[i + 1]?.start ?? text.length).trim()]);
}

/** The gov-site metas of <head> (国办发〔2017〕47号; domain.md): only the ones the parser reads. */
export interface MetaTags {
  pubDate?: string;
  articleTitle?: string;
  columnName?: string;
  columnType?: string;
  contentSource?: string;
  siteName?: string;
}

const META_TAG_NAMES: Record<string, keyof MetaTags> = {
  pubdate: 'pubDate',
  publishdate: 'pubDate',
  articletitle: 'articleTitle',
  columnname: 'columnName',
  columntype: 'columnType',
  contentsource: 'contentSource',
  sitename: 'siteName',
};

/** Reads the metas by name (case-insensitive); the first non-empty one of each wins, "" counts as absent. */
export function readMetaTags(doc: Document): MetaTags {
  const out: MetaTags = {};
  // The metas of <head> only, walked by hand: live collections re-walk the document on some DOMs,
  // and a selector is compiled anew on each call in Node's DOM.
  // Indexed children, not sibling links: some DOMs (happy-dom) find a sibling by searching the parent's list.
  const metas: Element[] = [];
  const stack: Element[] = [];
  const pushChildren = (el: Element) => {
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  if (doc.head) pushChildren(doc.head);
  while (stack.length && metas.length < 200) {
    const el = stack.pop()!;
    if (el.localName === 'meta' && el.hasAttribute('name')) metas.push(el);
    pushChildren(el);
  }
  for (const meta of metas) {
    const key = META_TAG_NAMES[(meta.getAttribute('name') ?? '').toLowerCase()];
    const content = (meta.getAttribute('content') ?? '').trim();
    if (key && content && !out[key]) out[key] = content;
  }
  return out;
}

const INLINE = new Set('STRONG B EM FONT SPAN LABEL I U'.split(' '));
const MAX_TEXT_NODES = 20_000;

/**
 * Label/value pairs of the metadata table (or label-per-line text dumps). Walks text nodes, not
 * elements: a label is a short text node; its value is what follows it in the same element
 * ("发布日期：2024-01-30", or a sibling node) or the next element after the label's box
 * (<td>索引号</td><td>…</td>, <p>索引號</p><p>…</p>). A value that is itself a label means an empty field.
 */
export function readMetadataFields(doc: Document): Record<string, string> {
  const fields: Record<string, string> = {};
  const root = doc.body;
  if (!root) return fields;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
    seen++;
    const data = (node as Text).data;
    if (data.length > 160) continue;
    const text = data.trim();
    if (text.length < 2) continue;
    if (/^[^:：]{2,6}[:：]\s*\S/.test(text)) {
      // One or more "label：value" pairs in one node ("来源：区政府办 发布时间：2023-01-30 09:12").
      for (const [label, value] of labelledPairs(text)) {
        const field = labelOf(label);
        if (!field || field === 'other' || field in fields) continue;
        const v = stripChrome(value);
        if (DATE_FIELDS.has(field) && !parseDate(v)) continue;
        if (v) fields[field] = v;
      }
      continue;
    }
    const field = labelOf(text);
    if (!field || field === 'other' || field in fields) continue;
    // The label's box: climb out of inline wrappers (<td><strong>索引号</strong>：</td>).
    let box = node.parentElement;
    while (box && INLINE.has(box.tagName.toUpperCase()) && !box.nextElementSibling && box.parentElement) box = box.parentElement;
    const after =
      node.nextSibling && (node.nextSibling.textContent ?? '').replace(/[\s:：]/g, '') ? node.nextSibling : box?.nextElementSibling;
    const value = stripChrome(after?.textContent ?? '');
    if (DATE_FIELDS.has(field) && !parseDate(value)) continue;
    fields[field] = value && value.length <= 120 && !labelOf(value) ? value : '';
  }
  for (const k of Object.keys(fields)) if (!fields[k]) delete fields[k];
  return fields;
}

// ---- Dates, agency, year ----

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseDate(text: string): string | null {
  const m = /((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The signature at the end: an agency name, then a date. Searches only the last part of the text. */
function findSignature(text: string): { agency: string | null; date: string | null; at: TextRange } | null {
  const tailStart = Math.max(0, text.length - 600);
  const tail = text.slice(tailStart);
  const re = /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail))) last = m;
  if (!last) return null;
  const date = isoDate(Number(last[1]), Number(last[2]), Number(last[3]));
  const before = tail.slice(0, last.index).replace(/[\s|]+$/, '');
  // The name is the last line, or the text after the last sentence end on the same line.
  const cut = Math.max(
    before.lastIndexOf('\n'),
    before.lastIndexOf('。'),
    before.lastIndexOf('|'),
    before.lastIndexOf(' ') > before.length - 41 ? before.lastIndexOf(' ') : -1,
  );
  const name = before.slice(cut + 1);
  const agency = cleanAgency(name);
  const start = tailStart + (agency ? cut + 1 : last.index);
  return { agency, date, at: { start, end: tailStart + last.index + last[0].length } };
}

export function agencyKind(agency: string | null): AgencyKind {
  if (!agency) return null;
  if (/人民政府办公(室|厅)$|政府办$/.test(agency)) return 'government-office';
  // 某镇政府 / 某县政府 are how many titles shorten 人民政府.
  if (/(街道|镇|乡)(人民政府|政府|办事处)?$/.test(agency)) return 'township';
  if (/(人民政府|(省|市|州|盟|县|区|旗)政府)$/.test(agency)) return 'government';
  // A zone's or new area's committee governs it; a place named bare is its government reporting.
  if (/(实验区|试验区|示范区|新区|开发区|高新区|园区|合作区)(党工委)?(管理委员会|管委会)?$/.test(agency)) return 'government';
  if (/(省|市|州|盟|县|区|旗)$/.test(agency)) return 'government';
  return 'department';
}

function statisticsPeriod(text: string): ReportMeta['statisticsPeriod'] {
  const m =
    /(?:统计|数据)[^。)\n]{0,12}?(?:期限|时间|时限|区间|周期|范围)[^。)\n\d]{0,8}((?:19|20)[^。)\n]{2,40}?(?:至|到|—|-|~)[^。)\n，,]{2,20})/.exec(
      text,
    );
  if (!m) return null;
  const body = m[1]!;
  const [a, b] = body.split(/至|到|—|~/);
  const start = m.index + m[0].indexOf(body);
  return {
    text: body,
    at: { start, end: start + body.length },
    start: strictDate(a ?? ''),
    end: strictDate(b ?? ''),
  };
}

function strictDate(s: string): string | null {
  const m = /^\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * The report year from the body when the title does not give it: the report naming itself
 * ("…2023年政府信息公开工作年度报告"), then the opening "2023年，…" / "2023年度…" of the text, then the
 * most frequent "20xx年" (seed 001's mirror lost its title).
 */
function yearFromBody(text: string): number | null {
  const t = arabicYears(text);
  const named = /((?:19|20)\d\d)年度?(?:政府信息|政务)公开(?:工作)?(?:年度)?(?:报告|年报)/.exec(t.slice(0, 3000));
  if (named) return Number(named[1]);
  const opening = /(?:^|\n)\s*(?:[一二三四五六七八九十]+、[^\n]{0,12}\n\s*)?((?:19|20)\d\d)年(?:度)?[，,以来我全本]/.exec(t.slice(0, 3000));
  if (opening) return Number(opening[1]);
  return dominantYear(t);
}

/** Most frequent "20xx年" in the text. */
function dominantYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/((?:19|20)\d\d)\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)!) best = year;
  return best;
}

function eraOf(year: number | null, standard: StandardTables, text: string): Era | null {
  const tableFormat = standard.applications?.format ?? standard.activeDisclosure?.format;
  if (tableFormat) return tableFormat;
  if (/〔2021〕30号/.test(text)) return '2021';
  if (/〔2019〕60号/.test(text)) return '2019';
  if (year === null) return null;
  if (year <= 2018) return '2008';
  return year <= 2020 ? '2019' : '2021';
}

/** Separators between a portal title's parts: "题目_栏目_站点", "题目 - 站点". */
const TITLE_PARTS = /[_|｜—–]+|\s+-\s+/;

/** A report title ends in its kind, perhaps with a bracketed remark ("…年度报告（全文）"). */
const ENDS_AS_TITLE = /(报告|年报|報告|年報)\s*(（[^（）]*）|\([^()]*\))?\s*$/;

/** The title found, normalised, and as printed (cleaned, in the page's own script). */
interface FoundTitle {
  title: string;
  printed: string;
}

function findTitle(
  doc: Document,
  fields: Record<string, string>,
  text: string,
  normalise: Normalise,
  fromTextDump = false,
  clean: Normalise = (s) => s,
  candidates: string[] = titleCandidates(doc),
): FoundTitle | null {
  const found = (n: string, printed: string): FoundTitle => {
    const title = n.trim();
    const p = printed.trim();
    // Conversion is character for character almost always; if not, show the normalised form.
    return { title, printed: p.length === title.length ? p : title };
  };
  for (const candidate of candidates) {
    const n = normalise(candidate);
    const printed = clean(candidate);
    // A portal title carries the site and column after the report's own title: take the part.
    const parts = n.split(TITLE_PARTS);
    const index = parts.length > 1 ? parts.findIndex((part) => isReportTitle(part) && ENDS_AS_TITLE.test(part)) : -1;
    if (index >= 0) return found(parts[index]!, printed.split(TITLE_PARTS)[index] ?? parts[index]!);
    if (isReportTitle(n)) return found(n, printed);
    if (isReportTitleCandidate(candidate)) return found(n, printed);
  }
  if (fields.title && isReportTitle(fields.title)) return found(fields.title, fields.title);
  // The title printed at the top of the article, sometimes over two lines
  // ("平潭综合实验区2019年" / "政府信息公开工作年度报告", "平罗县卫生计生局" / "2018年…年度报告").
  // split's limit: the first lines only, not every line of the article.
  const lines = text
    .split('\n', fromTextDump ? 8 : 10)
    // Markdown headings in copied text ("# 某某局2020年…年度报告").
    .map((l) => l.trim().replace(/^#{1,6}\s+/, ''))
    .filter(Boolean);
  // A page of links lists many report titles at its top; a report prints one, then its body.
  if (lines.filter((l) => l.length <= 80 && isReportTitle(l)).length > 1) return null;
  if (!fromTextDump && !REPORT_BODY.test(text.slice(0, 4000))) return null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 80) continue;
    const next = lines[i + 1];
    // "东岭县交通运输局2022年" / "政府信息公开工作年度报告": the first half names the body or ends in the year.
    // Never a breadcrumb ("首页 > … > 政府信息公开年报") before a title that is whole by itself.
    const wholeNext = next !== undefined && isReportTitle(next) && /(19|20)\d\d/.test(next);
    if (
      !isReportTitle(line) &&
      next &&
      !wholeNext &&
      !/[>＞»]/.test(line) &&
      line.length <= 50 &&
      next.length <= 50 &&
      isReportTitle(line + next)
    ) {
      return { title: line + next, printed: line + next };
    }
    if (isReportTitle(line)) {
      const prev = i > 0 ? cleanAgency(lines[i - 1]!) : null;
      const title = prev && /^(19|20)\d\d/.test(line) ? `${prev}${line}` : line;
      return { title, printed: title };
    }
  }
  return null;
}

/** Words only a report's own opening or sections use. */
const REPORT_BODY = /本报告|总体情况|主动公开政府信息情况|收到和处理政府信息公开申请/;

/** Words by which a report names its own body without naming it: 我区, 本县, 我局, 本机关. */
const SELF_REFERENCE = /(?:我|本)(区|县|市|州|旗|镇|乡|街道|局|委|办|厅|中心|院|室)/g;
/** The suffixes a name must carry for a self-reference to resolve to it (我区 → …区 or …区人民政府). */
const SELF_SUFFIX: Record<string, RegExp> = {
  区: /区(人民政府|管委会|管理委员会|党工委管委会)?$/,
  县: /县(人民政府)?$/,
  市: /市(人民政府)?$/,
  州: /州(人民政府)?$/,
  旗: /旗(人民政府)?$/,
  镇: /镇(人民政府)?$/,
  乡: /乡(人民政府)?$/,
  街道: /街道(办事处)?$/,
  局: /局$/,
  委: /委(员会)?$/,
  办: /办(公室)?$/,
  厅: /厅$/,
  中心: /中心$/,
  院: /院$/,
  室: /室$/,
};

/** The most frequent self-reference of the body (我区 → 区), or null. */
function selfReference(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(SELF_REFERENCE)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, n] of counts) if (best === null || n > counts.get(best)!) best = k;
  return best;
}

/** A name the body gives the report: "现将平潭综合实验区2019年政府信息公开工作年度报告公布如下". */
export function agencyFromBody(text: string): string | null {
  // Laid-out PDF text wraps lines inside names ("白沙县退役军" / "人事务局 2020 年度…"): join them.
  const head = text.slice(0, 1500).replace(/\s+/g, '');
  const re =
    /(?:^|[\s，。、；：“”《》（）(),])([^\s，。、；：“”《》（）(),]{3,40}?)((?:19|20)\d\d)年度?(?:政府信息|政务)公开(?:工作)?(?:年度)?(?:报告|年报)/gm;
  for (const m of head.matchAll(re)) {
    const name = m[1]!.replace(/^(现将|特将|现就|现予|现|特|兹将|本报告为|本报告是|这是|此为|发布|公布|编制|制定|根据|按照|依据)+/, '');
    const agency = cleanAgency(name);
    if (agency) return agency;
  }
  // "本报告…由栗阳县民政局编制": a government's report is compiled by its office, which is not the reporting body.
  const compiled = /由([^\s，。、；：“”《》（）(),]{3,40}?)(?:负责)?编制/.exec(head);
  if (compiled) return cleanAgency(compiled[1]!.replace(/(政府|管委会|管理委员会)办公(室|厅)$/, '$1'));
  return null;
}

/** Ways a name can stand for the reporting body. */
type AgencySource = NonNullable<ReportMeta['agencySource']>;

export function buildMeta(input: {
  page: PageText;
  standard: StandardTables;
  /** The document was built from a text dump: the title may be in the first lines. */
  fromTextDump: boolean;
  /** titleCandidates(doc), which the caller already has. */
  titleCandidates: string[];
}): ReportMeta {
  const { standard } = input;
  const { doc, view, normalise, clean } = input.page;
  const { text, script } = view;
  const rawFields = readMetadataFields(doc);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawFields)) fields[k] = normalise(v);
  const tags = readMetaTags(doc);
  const tag = (v: string | undefined) => (v ? normalise(v).trim() : null);
  const foundTitle = findTitle(doc, fields, text, normalise, input.fromTextDump, clean, input.titleCandidates);
  const title = foundTitle?.title ?? null;
  const fromTitle = title ? agencyAndYearFromTitle(title) : { agency: null, year: null };
  const signature = findSignature(text);
  const contentSource = cleanAgency(tag(tags.contentSource) ?? '') ?? cleanAgency(fields.source ?? '');
  const siteName = cleanAgency((tag(tags.siteName) ?? '').split(/[_|｜—–\s]+/)[0]!);
  const publisher = fields.publisher ?? null;

  // The agency as the report names itself first (title, signature, the body's own words); then a
  // self-reference (我区) resolved through the page's publisher, source or site; then those fields
  // unresolved, labelled as such: they name who published the page, not always who reported.
  // A name is looked for only while none before it was found (most reports name the agency in their title): `body`
  // is the first name of the three, and the candidates below are taken in order.
  const body = fromTitle.agency || signature?.agency || agencyFromBody(text);
  const self = body ? null : selfReference(text);
  const resolves = (name: string | null) => (name && self && SELF_SUFFIX[self]?.test(name) ? name : null);
  const candidates: [string | null, AgencySource][] = [
    [fromTitle.agency, 'title'],
    [signature?.agency ?? null, 'signature'],
    [body, 'body'],
    [resolves(cleanAgency(publisher ?? '')), 'metadata'],
    [resolves(contentSource), 'source'],
    [resolves(siteName), 'site'],
    [publisher, 'metadata'],
    [contentSource, 'source'],
    [siteName, 'site'],
  ];
  const [agency, agencySource] = candidates.find(([name]) => name) ?? [null, null];

  const period = statisticsPeriod(text);
  const periodYear = period?.start ? Number(period.start.slice(0, 4)) : null;
  const year = fromTitle.year ?? periodYear ?? yearFromBody(text);

  // Publication: what the page says of itself (PubDate meta, the 发布时间 line, the metadata table).
  // The date under the signature is when the report was signed, often days earlier; it stays in
  // signedAt (late-publication falls back to it) and is never presented as the publication date.
  const tagDate = tags.pubDate ? parseDate(tags.pubDate) : null;
  const fieldDate = fields.publishedAt ? parseDate(fields.publishedAt) : fields.headerDate ? parseDate(fields.headerDate) : null;
  const publishedAt = tagDate ?? fieldDate ?? null;

  let printedAgency: string | null = null;
  if (agency && agencySource === 'title' && foundTitle) {
    const at = foundTitle.title.indexOf(agency);
    printedAgency = at >= 0 ? foundTitle.printed.slice(at, at + agency.length) : null;
  } else if (agency && agencySource === 'signature' && signature) {
    printedAgency = view.printed(signature.at.start, signature.at.start + agency.length);
  }
  return {
    title,
    agency,
    agencySource,
    publisher,
    year,
    publishedAt,
    publishedAtSource: tagDate ? 'meta' : fieldDate ? 'metadata' : null,
    signedAt: signature?.date ?? null,
    indexNumber: fields.indexNumber ?? null,
    format: eraOf(year, standard, text),
    script,
    agencyKind: agencyKind(agency),
    statisticsPeriod: period,
    printed: { title: foundTitle?.printed ?? null, agency: printedAgency ?? agency },
  };
}

import type { AgencyKind, Era, ReportMeta, StandardTables, TextRange } from '../report/types';
import { isReportTitle, isReportTitleCandidate, titleCandidates } from '../detect/looks-like-report';
import type { PageText } from './page-text';

/** Normalises a short string the same way the article text is (cleaning + Traditional → Simplified). */
export type Normalise = (s: string) => string;

// ---- The header metadata table: 索引号 | … | 发布机构 | … | 发布日期 | … ----

const FIELD_LABELS: Record<string, RegExp> = {
  indexNumber: /^(索引号|索引號)$/,
  publisher: /^(发布机构|發布機構|发文机关|發文機關|发布单位|發布單位|信息来源|信息來源)$/,
  publishedAt: /^(发布日期|發布日期|生成日期|发文日期|發文日期|公开日期|公開日期|发布时间|發布時間)$/,
  title: /^(标题|標題|名称|名稱)$/,
  documentNumber: /^(文号|文號)$/,
  other: /^(关键词|關鍵詞|公开形式|公開形式|公开方式|公開方式|责任部门|責任部門|是否有效|公开目录|公開目錄|主题分类|主題分類|有效性|成文日期)$/,
};

/** Cuts trailing page chrome such as "浏览次数：1024" off a field value. */
function stripChrome(value: string): string {
  return value.trim().split(/\s{2,}|\s*(?=浏览|瀏覽|点击|點擊|访问|訪問|字号|字號)/)[0]!.trim();
}

function labelOf(text: string): string | null {
  const t = text.replace(/[\s:：]+/g, '');
  for (const [field, re] of Object.entries(FIELD_LABELS)) if (re.test(t)) return field;
  return null;
}

const INLINE = new Set(['STRONG', 'B', 'EM', 'FONT', 'SPAN', 'LABEL', 'I', 'U']);
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
    if (data.length > 80) continue;
    const text = data.trim();
    if (text.length < 2) continue;
    const inline = /^([^:：]{2,5})[:：]\s*(.+)$/.exec(text);
    if (inline) {
      const field = labelOf(inline[1]!);
      if (field && field !== 'other' && !(field in fields)) fields[field] = stripChrome(inline[2]!);
      continue;
    }
    const field = labelOf(text);
    if (!field || field === 'other' || field in fields) continue;
    // The label's box: climb out of inline wrappers (<td><strong>索引号</strong>：</td>).
    let box = node.parentElement;
    while (box && INLINE.has(box.tagName.toUpperCase()) && !box.nextElementSibling && box.parentElement) box = box.parentElement;
    const after = node.nextSibling && (node.nextSibling.textContent ?? '').replace(/[\s:：]/g, '') ? node.nextSibling : box?.nextElementSibling;
    const value = stripChrome(after?.textContent ?? '');
    fields[field] = value && value.length <= 120 && !labelOf(value) ? value : '';
  }
  for (const k of Object.keys(fields)) if (!fields[k]) delete fields[k];
  return fields;
}

// ---- Dates, agency, year ----

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseDate(text: string): string | null {
  const m = /((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const AGENCY_END = /(委员会|委|局|办公室|办公厅|办|政府|厅|部|署|中心|院|处|所|站|会|街道办事处|街道|镇|乡|管委会|队|室)$/;

export function cleanAgency(name: string): string | null {
  const t = name.replace(/[\s《》“”"|]+/g, '').replace(/^(关于|关於)/, '');
  if (t.length < 3 || t.length > 40) return null;
  return AGENCY_END.test(t) ? t : null;
}

/** "张掖市卫生和计划生育委员会2017年政府信息公开工作年度报告" → agency + year; also "2017年张掖市…". */
export function agencyAndYearFromTitle(title: string): { agency: string | null; year: number | null } {
  const t = title.replace(/\s+/g, '');
  const m = /^(.*?)((?:19|20)\d\d)年度?(.*)$/.exec(t);
  if (!m) return { agency: null, year: null };
  const year = Number(m[2]);
  let agency = cleanAgency(m[1]!);
  if (!agency) {
    const after = /^(.+?)(政府信息|政府资讯|政务)公开/.exec(m[3]!);
    if (after) agency = cleanAgency(after[1]!);
  }
  return { agency, year };
}

/** The signature at the end: an agency name, then a date. Searches only the last part of the text. */
export function findSignature(text: string): { agency: string | null; date: string | null; at: TextRange } | null {
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
  const cut = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('。'), before.lastIndexOf('|'), before.lastIndexOf(' ') > before.length - 41 ? before.lastIndexOf(' ') : -1);
  const name = before.slice(cut + 1);
  const agency = cleanAgency(name);
  const start = tailStart + (agency ? cut + 1 : last.index);
  return { agency, date, at: { start, end: tailStart + last.index + last[0].length } };
}

export function agencyKind(agency: string | null): AgencyKind {
  if (!agency) return null;
  if (/人民政府办公(室|厅)$|政府办$/.test(agency)) return 'government-office';
  if (/人民政府$/.test(agency)) return 'government';
  if (/(街道|镇|乡)(人民政府|办事处)?$/.test(agency)) return 'township';
  return 'department';
}

export function statisticsPeriod(text: string): ReportMeta['statisticsPeriod'] {
  const m = /(?:统计|数据)[^。)\n]{0,12}?(?:期限|时间|时限|区间|周期|范围)[^。)\n\d]{0,8}((?:19|20)[^。)\n]{2,40}?(?:至|到|—|-|~)[^。)\n，,]{2,20})/.exec(text);
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

/** Most frequent "20xx年" in the text: the report year when nothing names it (seed 001's mirror lost its title). */
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

/** The title found, normalised, and as printed (cleaned, in the page's own script). */
export interface FoundTitle {
  title: string;
  printed: string;
}

export function findTitle(
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
    if (isReportTitle(n)) return found(n, printed);
    const parts = n.split(/[_|｜—–]+/);
    const index = parts.findIndex(isReportTitle);
    if (index >= 0) return found(parts[index]!, printed.split(/[_|｜—–]+/)[index] ?? parts[index]!);
    if (isReportTitleCandidate(candidate)) return found(n, printed);
  }
  if (fields.title && isReportTitle(fields.title)) return found(fields.title, fields.title);
  if (!fromTextDump) return null;
  // Text dumps: the title is in the first lines, sometimes split ("平罗县卫生计生局" / "2018年…年度报告").
  const lines = text.split('\n').slice(0, 6).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    if (isReportTitle(lines[i]!)) {
      const prev = i > 0 ? cleanAgency(lines[i - 1]!) : null;
      const title = prev && /^(19|20)\d\d/.test(lines[i]!) ? `${prev}${lines[i]}` : lines[i]!;
      return { title, printed: title };
    }
  }
  return null;
}

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
  const foundTitle = findTitle(doc, fields, text, normalise, input.fromTextDump, clean, input.titleCandidates);
  const title = foundTitle?.title ?? null;
  const fromTitle = title ? agencyAndYearFromTitle(title) : { agency: null, year: null };
  const signature = findSignature(text);
  const publisher = fields.publisher ?? null;
  let agency: string | null = fromTitle.agency;
  let agencySource: ReportMeta['agencySource'] = agency ? 'title' : null;
  if (!agency && signature?.agency) {
    agency = signature.agency;
    agencySource = 'signature';
  }
  if (!agency && publisher) {
    agency = publisher;
    agencySource = 'metadata';
  }
  const period = statisticsPeriod(text);
  const periodYear = period?.start ? Number(period.start.slice(0, 4)) : null;
  const year = fromTitle.year ?? periodYear ?? dominantYear(text);
  const metaDate = fields.publishedAt ? parseDate(fields.publishedAt) : null;
  const publishedAt = metaDate ?? signature?.date ?? null;
  let printedAgency: string | null = null;
  if (agency && agencySource === 'title' && foundTitle) {
    const at = foundTitle.title.indexOf(agency);
    printedAgency = foundTitle.printed.slice(at, at + agency.length);
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
    publishedAtSource: metaDate ? 'metadata' : signature?.date ? 'signature' : null,
    signedAt: signature?.date ?? null,
    indexNumber: fields.indexNumber ?? null,
    format: eraOf(year, standard, text),
    script,
    agencyKind: agencyKind(agency),
    statisticsPeriod: period,
    printed: { title: foundTitle?.printed ?? null, agency: printedAgency ?? agency },
  };
}

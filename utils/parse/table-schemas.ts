/**
 * The three standard tables (国办公开办函〔2019〕60号 and 〔2021〕30号) declared as data: labels,
 * aliases, and which rows/columns sum to which (relations 1–4 of docs/domain.md). The recogniser
 * (standard-tables.ts) and the rules read these; nothing here is code that needs to change when a
 * new alias turns up.
 *
 * Matching convention (see labelKey): labels and page text are compared after NFKC (full-width
 * brackets, digits and punctuation become ASCII), with all whitespace and quote marks removed.
 * A label matches when its key contains one of the `match` keywords' keys (and none of `exclude`),
 * or, for `exact` entries, when the text with its leading numbering stripped equals the keyword.
 * Input text is Simplified; keywords are Simplified.
 */
import type { ApplicantColumn, ApplicationRow, DisclosureColumn, DisclosureRow, ReviewGroup, ReviewOutcome } from '../report/types';

export type TableFormat = '2019' | '2021';

export interface LabelSchema<K extends string> {
  key: K;
  /** The label as printed in the official template (Simplified, full-width brackets). */
  label: string;
  /** Keywords; any one contained in the text matches. */
  match: readonly string[];
  /** Match by equality with the text after its leading numbering is stripped (short labels like 其他). */
  exact?: readonly string[];
  /** Keywords that veto a match. */
  exclude?: readonly string[];
  /** Formats whose template has this label; absent = both. */
  formats?: readonly TableFormat[];
}

/** Comparison key: NFKC, no whitespace, no quote marks. */
export function labelKey(s: string): string {
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const key = s
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」『』]/g, '')
    .toLowerCase();
  if (keyCache.size > 20_000) keyCache.clear();
  keyCache.set(s, key);
  return key;
}
const keyCache = new Map<string, string>();

/** Leading numbering: 一、 （三） (3) 1. 1、 1． 第一项 … (possibly several: "三、（一）"). */
const NUMBERING_RE =
  /^(?:(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|第[一二三四五六七八九十\d]+项)\s*)+/;

export function stripNumbering(s: string): string {
  return labelKey(s).replace(NUMBERING_RE, '');
}

interface SchemaKeys {
  exclude: string[];
  exact: string[];
  match: string[];
}
/** A schema's label keys, computed once per schema (matching runs for every cell of every table). */
const schemaKeys = new WeakMap<object, SchemaKeys>();
function keysOf(schema: LabelSchema<string>): SchemaKeys {
  let keys = schemaKeys.get(schema);
  if (!keys) {
    keys = { exclude: (schema.exclude ?? []).map(labelKey), exact: (schema.exact ?? []).map(labelKey), match: schema.match.map(labelKey) };
    schemaKeys.set(schema, keys);
  }
  return keys;
}

export function matchesLabel<K extends string>(schema: LabelSchema<K>, text: string): boolean {
  const key = labelKey(text);
  if (!key) return false;
  const keys = keysOf(schema);
  if (keys.exclude.some((e) => key.includes(e))) return false;
  if (keys.exact.length && keys.exact.includes(stripNumbering(text))) return true;
  return keys.match.some((m) => key.includes(m));
}

export function findLabel<K extends string>(
  schemas: readonly LabelSchema<K>[],
  text: string,
  format?: TableFormat,
): LabelSchema<K> | undefined {
  if (format) return schemas.find((s) => (!s.formats || s.formats.includes(format)) && matchesLabel(s, text));
  // The recogniser asks the same schema list about the same cell text many times (scoring, then
  // reading each table part): the answer depends on the two only, so it is remembered.
  let answers = labelAnswers.get(schemas);
  if (!answers) labelAnswers.set(schemas, (answers = new Map()));
  let hit = answers.get(text);
  if (hit === undefined) {
    hit = schemas.find((s) => matchesLabel(s, text)) ?? null;
    if (answers.size > 20_000) answers.clear();
    answers.set(text, hit);
  }
  return (hit ?? undefined) as LabelSchema<K> | undefined;
}
const labelAnswers = new WeakMap<readonly LabelSchema<string>[], Map<string, LabelSchema<string> | null>>();

// ---------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

/** The outcome groups of 三、本年度办理结果 that have numbered sub-rows. */
export type ApplicationGroup = 'refused' | 'unable' | 'notProcessed' | 'other';

export const APPLICATION_GROUPS: readonly LabelSchema<ApplicationGroup>[] = [
  { key: 'refused', label: '（三）不予公开', match: ['不予公开'] },
  { key: 'unable', label: '（四）无法提供', match: ['无法提供'] },
  { key: 'notProcessed', label: '（五）不予处理', match: ['不予处理'] },
  { key: 'other', label: '（六）其他处理', match: ['其他处理'] },
];

export interface ApplicationRowSchema extends LabelSchema<ApplicationRow> {
  /** The group the row is a numbered sub-row of; only matched inside that group. */
  group?: ApplicationGroup;
}

/** All rows of table 三 in printed order (both formats; see `formats`). */
export const APPLICATION_ROWS: readonly ApplicationRowSchema[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', match: ['本年新收', '新收政府信息公开申请'] },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', match: ['上年结转'] },
  { key: 'granted', label: '（一）予以公开', match: ['予以公开'] },
  {
    key: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    match: ['部分公开'],
  },
  { key: 'refused.1', group: 'refused', label: '1.属于国家秘密', match: ['国家秘密'] },
  { key: 'refused.2', group: 'refused', label: '2.其他法律行政法规禁止公开', match: ['禁止公开'] },
  { key: 'refused.3', group: 'refused', label: '3.危及“三安全一稳定”', match: ['三安全一稳定', '三安全'] },
  { key: 'refused.4', group: 'refused', label: '4.保护第三方合法权益', match: ['第三方合法权益', '第三方'] },
  { key: 'refused.5', group: 'refused', label: '5.属于三类内部事务信息', match: ['内部事务'] },
  { key: 'refused.6', group: 'refused', label: '6.属于四类过程性信息', match: ['过程性信息', '过程性'] },
  { key: 'refused.7', group: 'refused', label: '7.属于行政执法案卷', match: ['执法案卷'] },
  { key: 'refused.8', group: 'refused', label: '8.属于行政查询事项', match: ['行政查询'] },
  { key: 'unable.1', group: 'unable', label: '1.本机关不掌握相关政府信息', match: ['不掌握'] },
  { key: 'unable.2', group: 'unable', label: '2.没有现成信息需要另行制作', match: ['另行制作', '没有现成信息'] },
  { key: 'unable.3', group: 'unable', label: '3.补正后申请内容仍不明确', match: ['仍不明确', '补正后申请'] },
  { key: 'notProcessed.1', group: 'notProcessed', label: '1.信访举报投诉类申请', match: ['信访', '举报投诉'] },
  { key: 'notProcessed.2', group: 'notProcessed', label: '2.重复申请', match: ['重复申请'] },
  { key: 'notProcessed.3', group: 'notProcessed', label: '3.要求提供公开出版物', match: ['公开出版物', '出版物'] },
  { key: 'notProcessed.4', group: 'notProcessed', label: '4.无正当理由大量反复申请', match: ['大量反复', '反复申请'] },
  {
    key: 'notProcessed.5',
    group: 'notProcessed',
    label: '5.要求行政机关确认或重新出具已获取信息',
    match: ['重新出具', '已获取信息', '确认或重新'],
  },
  {
    key: 'other.1',
    group: 'other',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    match: ['逾期不补正', '不补正'],
    formats: ['2021'],
  },
  {
    key: 'other.2',
    group: 'other',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    match: ['收费通知', '缴纳费用'],
    formats: ['2021'],
  },
  { key: 'other.3', group: 'other', label: '3.其他', match: [], exact: ['其他'], formats: ['2021'] },
  // the single 2019 row; a group header with values of its own is read as this row
  { key: 'other', label: '（六）其他处理', match: ['其他处理'], formats: ['2019'] },
  { key: 'total', label: '（七）总计', match: [], exact: ['总计', '合计'] },
  { key: 'carriedForward', label: '四、结转下年度继续办理', match: ['结转下年'] },
];

/** The block label 三、本年度办理结果 (printed across the outcome rows; not a row of its own). */
export const APPLICATION_OUTCOME_BLOCK: readonly LabelSchema<'outcomes'>[] = [
  { key: 'outcomes', label: '三、本年度办理结果', match: ['本年度办理结果', '办理结果'] },
];

/** Printed row order per format. */
export const APPLICATION_ROW_ORDER: Record<TableFormat, readonly ApplicationRow[]> = {
  '2019': APPLICATION_ROWS.filter((r) => !r.formats || r.formats.includes('2019')).map((r) => r.key),
  '2021': APPLICATION_ROWS.filter((r) => !r.formats || r.formats.includes('2021')).map((r) => r.key),
};

/** Rows under 三、本年度办理结果 whose sum is （七）总计 (relation 2). */
export const APPLICATION_OUTCOME_ROWS: Record<TableFormat, readonly ApplicationRow[]> = {
  '2019': APPLICATION_ROW_ORDER['2019'].filter((k) => !['new', 'carriedOver', 'total', 'carriedForward'].includes(k)),
  '2021': APPLICATION_ROW_ORDER['2021'].filter((k) => !['new', 'carriedOver', 'total', 'carriedForward'].includes(k)),
};

/** Relation 1, every column: left[0] + left[1] = right[0] + right[1] (一 + 二 = （七） + 四). */
export const APPLICATION_BALANCE = {
  left: ['new', 'carriedOver'],
  right: ['total', 'carriedForward'],
} as const satisfies { left: readonly ApplicationRow[]; right: readonly ApplicationRow[] };

/** Relation 2: Σ APPLICATION_OUTCOME_ROWS[format] = this row. */
export const APPLICATION_OUTCOME_TOTAL_ROW: ApplicationRow = 'total';

/** Applicant columns. `subtotal` (小计, not in the template) and the 法人或其他组织 parent are not values. */
export type ApplicantHeader = ApplicantColumn | 'subtotal' | 'orgParent' | 'applicantParent';

export const APPLICANT_HEADERS: readonly LabelSchema<ApplicantHeader>[] = [
  { key: 'natural', label: '自然人', match: ['自然人'] },
  { key: 'orgParent', label: '法人或其他组织', match: ['法人或其他组织', '法人或者其他组织', '法人和其他组织'] },
  { key: 'commercial', label: '商业企业', match: ['商业企业'] },
  { key: 'research', label: '科研机构', match: ['科研机构'] },
  { key: 'publicInterest', label: '社会公益组织', match: ['社会公益组织', '公益组织'] },
  { key: 'legal', label: '法律服务机构', match: ['法律服务机构'] },
  { key: 'otherOrg', label: '其他', match: [], exact: ['其他', '其他组织'] },
  { key: 'subtotal', label: '小计', match: [], exact: ['小计'] },
  { key: 'total', label: '总计', match: [], exact: ['总计', '合计'] },
  { key: 'applicantParent', label: '申请人情况', match: ['申请人情况'] },
];

/** The 法人或其他组织 sub-columns, in printed order. */
export const ORGANISATION_COLUMNS: readonly ApplicantColumn[] = ['commercial', 'research', 'publicInterest', 'legal', 'otherOrg'];

/** Relation 3, every row: Σ these columns = total. */
export const APPLICANT_TERM_COLUMNS: readonly ApplicantColumn[] = ['natural', ...ORGANISATION_COLUMNS];
export const APPLICANT_TOTAL_COLUMN: ApplicantColumn = 'total';

// ---------------------------------------------------------------------------------------------
// Table 四 — 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------

export type ReviewHeader = ReviewGroup | 'litigationParent';

/*
 * The fragments ('直接起', '复后起', '尚未结', and '行政复' alone) are these headers as OCR reads a Traditional scan: the
 * recogniser's dictionary has no 議, 訴, 訟 or 審, and drops them (issue 18).
 */
export const REVIEW_GROUP_HEADERS: readonly LabelSchema<ReviewHeader>[] = [
  { key: 'litigationDirect', label: '未经复议直接起诉', match: ['直接起', '未经复议'] },
  { key: 'litigationAfterReview', label: '复议后起诉', match: ['复议后', '复后起'] },
  { key: 'review', label: '行政复议', match: ['行政复议'], exact: ['行政复'], exclude: ['诉讼'] },
  { key: 'litigationParent', label: '行政诉讼', match: ['行政诉讼'], exclude: ['复议'] },
];

export const REVIEW_OUTCOME_HEADERS: readonly LabelSchema<ReviewOutcome>[] = [
  { key: 'upheld', label: '结果维持', match: ['结果维持', '维持'] },
  { key: 'corrected', label: '结果纠正', match: ['结果纠正', '纠正'] },
  { key: 'other', label: '其他结果', match: ['其他结果'] },
  { key: 'pending', label: '尚未审结', match: ['未审结', '尚未结'] },
  { key: 'total', label: '总计', match: [], exact: ['总计', '合计'] },
];

/** Relation 4, each group: Σ these outcomes = total. */
export const REVIEW_OUTCOME_TERMS: readonly ReviewOutcome[] = ['upheld', 'corrected', 'other', 'pending'];
export const REVIEW_TOTAL_OUTCOME: ReviewOutcome = 'total';

// ---------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------

export const DISCLOSURE_ROWS: readonly LabelSchema<DisclosureRow>[] = [
  { key: 'normativeDocuments', label: '规范性文件', match: ['规范性文件'] },
  { key: 'regulations', label: '规章', match: [], exact: ['规章'] },
  { key: 'otherServices', label: '其他对外管理服务事项', match: ['其他对外管理服务', '对外管理服务事项'] },
  { key: 'licensing', label: '行政许可', match: ['行政许可'] },
  { key: 'penalty', label: '行政处罚', match: ['行政处罚'] },
  { key: 'enforcement', label: '行政强制', match: ['行政强制'] },
  { key: 'fees', label: '行政事业性收费', match: ['行政事业性收费', '事业性收费'] },
  { key: 'procurement', label: '政府集中采购', match: ['政府集中采购', '集中采购'], formats: ['2019'] },
];

export const DISCLOSURE_COLUMNS: readonly LabelSchema<DisclosureColumn>[] = [
  { key: 'made', label: '本年新制作数量', match: ['新制作数量', '新制作'], formats: ['2019'] },
  { key: 'published', label: '本年新公开数量', match: ['新公开数量'], formats: ['2019'] },
  { key: 'totalPublished', label: '对外公开总数量', match: ['对外公开总数量', '公开总数量'], formats: ['2019'] },
  { key: 'issued', label: '本年制发件数', match: ['制发件数', '本年制发'], formats: ['2021'] },
  { key: 'repealed', label: '本年废止件数', match: ['废止件数', '本年废止'], formats: ['2021'] },
  { key: 'inForce', label: '现行有效件数', match: ['现行有效'], formats: ['2021'] },
  { key: 'previousCount', label: '上一年项目数量', match: ['上一年项目数量', '上年项目数量'], formats: ['2019'] },
  { key: 'change', label: '本年增/减', match: ['增/减', '增减', '增(减)'], formats: ['2019'] },
  { key: 'decisions', label: '处理决定数量', match: ['处理决定数量', '处理决定'] },
  { key: 'feeAmount', label: '本年收费金额（单位：万元）', match: ['收费金额'], formats: ['2021'] },
  { key: 'procurementCount', label: '采购项目数量', match: ['采购项目数量'], formats: ['2019'] },
  { key: 'procurementAmount', label: '采购总金额', match: ['采购总金额'], formats: ['2019'] },
];

/** Block header "第二十条第（N）项" → N. */
export function disclosureItem(text: string): number | null {
  const m = /第二十条第\(([一二三四五六七八九十]+)\)项/.exec(labelKey(text)) ?? /^第\(([一二三四五六七八九十]+)\)项/.exec(labelKey(text));
  if (!m) return null;
  const n = '一二三四五六七八九十'.indexOf(m[1]) + 1;
  return n > 0 && m[1].length === 1 ? n : m[1] === '十' ? 10 : null;
}

/** Text markers of each format (domain: "2021+ report using 2019 columns … is out of date"). */
export const FORMAT_MARKERS: Record<TableFormat, readonly string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '第二十条第（九）项', '政府集中采购', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '行政规范性文件', '本年收费金额', '逾期不补正', '收费通知'],
};

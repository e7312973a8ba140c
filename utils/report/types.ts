/**
 * The Report model: the one contract between parser, rules, UI, storage and CLI.
 * Plain JSON only (no DOM nodes): a Report crosses extension messaging and lands in IndexedDB.
 */
export const REPORT_SCHEMA_VERSION = 1 as const;

export type Script = 'hans' | 'hant';
/** Format era: 2008 (2007 条例, free form), 2019 (国办公开办函〔2019〕60号), 2021 (〔2021〕30号). */
export type Era = '2008' | '2019' | '2021';
export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
export type Severity = 'error' | 'warning' | 'info';

/** Offsets into Report.text (the normalised, Simplified text of the article). End is exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** A grid slot of Report.tables[table]; row/col are grid coordinates after rowspan/colspan expansion. */
export interface CellRef {
  table: number;
  row: number;
  col: number;
}

/**
 * Where a finding points. Resolved back to page nodes by the content script (which keeps the
 * parse's node map in memory); `quote` lets a saved report be re-anchored like a Hypothesis quote selector.
 */
export type Location =
  | ({ kind: 'cell'; quote: string } & CellRef)
  | ({ kind: 'text'; quote: string } & TextRange)
  | { kind: 'section'; path: number[]; quote: string }
  | { kind: 'report' };

export interface Section {
  /** The heading's number as an integer (一 → 1, （三） → 3, 2. → 2). */
  number: number;
  /** The number as printed, without brackets or punctuation: 一, 三, 2. */
  label: string;
  /** 1 = 一、, 2 = （一）, 3 = 1. / 1、 */
  level: number;
  /** Heading text after the number, Simplified, trimmed; '' when the heading is the number alone. */
  title: string;
  /** Where the heading (number + title) is in Report.text. */
  heading: TextRange;
  /** From the heading's start to the start of the next heading of the same or a higher level. */
  body: TextRange;
  /** Indexes into Report.tables of the tables inside this section (including its children). */
  tables: number[];
  /** Number of <img> elements inside the section (tables pasted as images). */
  images: number;
  children: Section[];
}

export type TableKind = 'active-disclosure' | 'applications' | 'review-litigation' | 'other';

export interface GridCell {
  /** Top-left grid slot of the cell. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Normalised (Simplified, cleaned) text. */
  text: string;
  header: boolean;
  /** For tables recovered from a text dump: where the cell's text lies in Report.text. */
  range?: TextRange;
  /** How the cell was read when not from a plain grid (a picture: data-read="picture" on the cell). */
  read?: CellRead;
}

export interface ReportTable {
  index: number;
  source: 'html' | 'text';
  kind: TableKind;
  rows: number;
  cols: number;
  cells: GridCell[];
  /** slots[r][c] = index into cells of the cell covering that slot, -1 where no cell covers it (ragged rows). */
  slots: number[][];
  /** Path (numbers) of the section containing the table, [] when before any heading. */
  section: number[];
  /** The table's span in Report.text (the text view writes table rows as "a | b |" lines). */
  range?: TextRange;
}

/** A typed table value. Blank and placeholder cells are `missing`, never 0. */
export type Value =
  /** `note`: a bracketed remark after the number ("31（其中修订9件）" → 31, note 其中修订9件); never summed. */
  { kind: 'number'; value: number; text: string; note?: string } | { kind: 'missing'; text: string } | { kind: 'text'; text: string };

export interface CellValue {
  value: Value;
  at: CellRef;
  /** How the value was placed in its row and column. Absent on reports saved before it existed: read as 'grid'. */
  read?: CellRead;
}

/**
 * How sure the parser is of where a table value belongs (issue 17). Only 'grid' and 'columns' are certain;
 * a relation with any other term is never reported as an error.
 * - grid: a cell of an HTML (or ruled PDF) grid under a recognised header;
 * - columns: a text table whose columns are certain;
 * - position: the column was guessed by position (see `reason`);
 * - unplaced: a number in text with no place at all;
 * - picture: read from a picture by OCR; certain only with `confidence` at or above the OCR threshold.
 */
type Placement = 'grid' | 'columns' | 'position' | 'unplaced' | 'picture';

/** Why a value was placed by position rather than by a header. */
export type DoubtReason =
  | 'generic-header' // header named 数据1…数据6 / 列1…
  | 'spurious-header' // a header row repeated or spurious in the middle of the table
  | 'split-rows' // rows split one per table
  | 'short-row' // a row with fewer cells than columns
  | 'glued-label' // a label glued to a number
  | 'shifted-cells' // cells shifted by a split label ("（三）不 | 4.保护第三方合法权益 | …")
  | 'merged-note'; // a cell note merged with its neighbour ("235（其中修订 16 件）")

export interface CellRead {
  placed: Placement;
  reason?: DoubtReason;
  /** OCR only: the recogniser's confidence, 0–1, and other readings of the digits it was unsure of. */
  confidence?: number;
  alternatives?: string[];
  /** OCR only: the cell's box in the picture, in the picture's pixels. */
  box?: { image: number; x: number; y: number; w: number; h: number };
}

// ---- Standard table keys (schemas in utils/parse/table-schemas.ts) ----

export type ApplicantColumn = 'natural' | 'commercial' | 'research' | 'publicInterest' | 'legal' | 'otherOrg' | 'total';

export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legal',
  'otherOrg',
  'total',
];

/**
 * Row ids of table 三. Outcome sub-rows are numbered as printed: refused.1..8, unable.1..3,
 * notProcessed.1..5; 2019 has a single `other`, 2021 has other.1..3.
 */
export type ApplicationRow =
  | 'new'
  | 'carriedOver'
  | 'granted'
  | 'partial'
  | `refused.${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`
  | `unable.${1 | 2 | 3}`
  | `notProcessed.${1 | 2 | 3 | 4 | 5}`
  | 'other'
  | `other.${1 | 2 | 3}`
  | 'total'
  | 'carriedForward';

export interface ApplicationsTable {
  table: number;
  format: '2019' | '2021';
  /** rows[row][column]; a row or column absent from the page is absent here. */
  rows: Partial<Record<ApplicationRow, Partial<Record<ApplicantColumn, CellValue>>>>;
  /** A number of each row whose label named no row (read 'unplaced'): a sum missing a row is then not certain. */
  unplaced?: CellValue[];
  /** Reports saved before CellValue.read: grid rows whose values were placed by a guess (read as 'position', 'short-row'). */
  guessedRows?: GuessedRow[];
}

export type ReviewGroup = 'review' | 'litigationDirect' | 'litigationAfterReview';
export type ReviewOutcome = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';
export const REVIEW_GROUPS: readonly ReviewGroup[] = ['review', 'litigationDirect', 'litigationAfterReview'];
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ['upheld', 'corrected', 'other', 'pending', 'total'];

export interface ReviewLitigationTable {
  table: number;
  groups: Partial<Record<ReviewGroup, Partial<Record<ReviewOutcome, CellValue>>>>;
  /** Reports saved before CellValue.read: grid rows whose values were placed by a guess (read as 'position', 'short-row'). */
  guessedRows?: GuessedRow[];
}

export type DisclosureRow =
  | 'regulations'
  | 'normativeDocuments'
  | 'licensing'
  | 'otherServices'
  | 'penalty'
  | 'enforcement'
  | 'fees'
  | 'procurement';

export type DisclosureColumn =
  // 2019 第（一）项
  | 'made'
  | 'published'
  | 'totalPublished'
  // 2021 第（一）项
  | 'issued'
  | 'repealed'
  | 'inForce'
  // 2019 第（五）（六）（八）项
  | 'previousCount'
  | 'change'
  | 'decisions'
  // 2021 第（八）项 (万元)
  | 'feeAmount'
  // 2019 第（九）项
  | 'procurementCount'
  | 'procurementAmount';

export interface ActiveDisclosureTable {
  table: number;
  format: '2019' | '2021';
  rows: Partial<Record<DisclosureRow, Partial<Record<DisclosureColumn, CellValue>>>>;
  /** Reports saved before CellValue.read: grid rows whose values were placed by a guess (read as 'position', 'short-row'). */
  guessedRows?: GuessedRow[];
}

/** A row of a grid table, by table index and row. */
interface GuessedRow {
  table: number;
  row: number;
}

export interface StandardTables {
  activeDisclosure?: ActiveDisclosureTable;
  applications?: ApplicationsTable;
  reviewLitigation?: ReviewLitigationTable;
}

// ---- Facts stated in the prose ----

/** What a figure stated in the prose counts (FactKind), one list for the type and the saved-data schema. */
export const FACT_KINDS = [
  'activeDisclosed', // 主动公开…N条
  'applicationsNew', // 收到/新收…申请 N 件
  'applicationsCarriedOver', // 上年结转 N 件
  'applicationsHandled', // 办结/答复 N 件
  'applicationsCarriedForward', // 结转下年 N 件
  'reviewTotal', // 行政复议 N 件
  'litigationTotal', // 行政诉讼 N 件
  // Groups of table 三 named in the prose
  'applicationsGrantedOrPartial', // 予以公开及部分公开 N 件 = （一）+（二）
  'applicationsGranted', // 予以公开 N 件: （一), or （一）+（二） in loose prose
  'applicationsPartial', // 部分公开 N 件 = （二）
  'applicationsRefused', // 不予公开 N 件 = Σ（三）
  'applicationsUnable', // 无法提供 N 件: （四）1 or Σ（四）
  'applicationsNotProcessed', // 不予处理 N 件 = Σ（五）
  // Outcomes of table 四 named in the prose (review = 行政复议, litigation = both 行政诉讼 groups)
  'reviewUpheld', // 维持 N 件
  'reviewCorrected', // 纠错/纠正 N 件; 无被纠错 → 0
  'reviewPending', // 尚未审结 N 件
  'reviewAllUpheld', // 均获维持: value = the cases the sentence counts, 0 when it gives no count
  'litigationUpheld',
  'litigationCorrected',
  'litigationPending',
  'litigationAllUpheld',
  // Table 二 and fees named in the prose
  'normativeInForce', // 现行有效规范性文件 N 件
  'regulationsInForce', // 现行有效规章 N 件
  'feeCollected', // 收取…费 N 元 (unit 元 or 万元); 未收取…费 → 0. label names the fee: 信息处理费, 行政事业性收费, 费用
  'other',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface FactPart {
  label: string;
  value: number;
  at: TextRange;
  /** 200余条: never compared exactly. */
  approximate?: boolean;
}

export interface Fact {
  kind: FactKind;
  value: number;
  unit: string;
  /** The phrase the number belongs to, e.g. 主动公开政府信息. */
  label: string;
  at: TextRange;
  /** "共N…其中a、b…": the breakdown that should add up to value (may be approximate: 余/多). */
  parts?: FactPart[];
  /** The value is approximate (余, 多, 以上, 约): never compared exactly. */
  approximate?: boolean;
}

export interface PercentFact {
  percent: number;
  at: TextRange;
  /** Numerator and denominator when the sentence states them. */
  numerator?: number;
  denominator?: number;
}

export interface DeclaredParts {
  /** The number declared in "共N个部分". */
  count: number;
  /** The part names listed before it. */
  listed: string[];
  at: TextRange;
}

export interface Figures {
  activeDisclosed: number | null;
  applicationsNew: number | null;
  applicationsCarriedOver: number | null;
  applicationsHandled: number | null;
  applicationsCarriedForward: number | null;
  reviewTotal: number | null;
  litigationTotal: number | null;
}
export type FigureKey = keyof Figures;

/** The key figures in display order. */
export const FIGURE_KEYS: readonly FigureKey[] = [
  'activeDisclosed',
  'applicationsNew',
  'applicationsCarriedOver',
  'applicationsHandled',
  'applicationsCarriedForward',
  'reviewTotal',
  'litigationTotal',
];

/** Figures of a report that states none. */
export function emptyFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as unknown as Figures;
}

export type AgencyKind = 'government' | 'government-office' | 'department' | 'township' | null;

export interface ReportMeta {
  title: string | null;
  agency: string | null;
  /** Where the agency came from. */
  /**
   * Where the agency came from: the report's own words (title, signature, body), else the page's
   * publisher fields as a labelled fallback: metadata = 发布机构, source = ContentSource meta or the
   * 来源 line, site = SiteName. A fallback names who published the page, not always who reported.
   */
  agencySource: 'title' | 'signature' | 'body' | 'metadata' | 'source' | 'site' | null;
  /** 发布机构 of the metadata table, as printed (Simplified). */
  publisher: string | null;
  year: number | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  /**
   * meta = the PubDate meta tag; metadata = a 发布时间/发布日期 field (the line above the article or the
   * metadata table). 'signature' only in reports saved before the signature date stopped counting as
   * the publication date (it is signedAt). listing = the date beside the report's link on its 年报 column
   * page, taken by a batch run only when the report itself gives none.
   */
  publishedAtSource: 'meta' | 'metadata' | 'signature' | 'listing' | null;
  /** The date under the signature, YYYY-MM-DD. */
  signedAt: string | null;
  indexNumber: string | null;
  format: Era | null;
  script: Script;
  agencyKind: AgencyKind;
  /** "数据统计期限为2018年1月1日至2018年12月31日" */
  statisticsPeriod: { text: string; at: TextRange; start: string | null; end: string | null } | null;
  /** Title and agency as printed (cleaned, in the page's own script), for display; absent in old reports. */
  printed?: { title: string | null; agency: string | null };
  /** What the 年报 column page said of this report (batch runs): its link's title and date, as listed. */
  listed?: { title: string | null; date: string | null; page: string | null };
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /**
   * Where the report came from. `kind` 'pdf' (absent for pages): read from a PDF, opened again in pdf.html;
   * `fileHash`: hashBytes of the PDF file, the revision identity of a PDF (its bytes, not its rebuilt text).
   */
  source: {
    url: string | null;
    title: string | null;
    kind?: 'html' | 'pdf';
    fileHash?: string;
    /** Nothing could be read (a scanned PDF without text): kept so the report still appears, never scored. */
    unreadable?: 'scanned';
    /** Pages of a scanned PDF read by OCR: what is missing there may be unread, not absent. */
    ocrPages?: number;
  };
  isReport: boolean;
  meta: ReportMeta;
  /** The article's normalised text (Simplified, cleaned). Every TextRange points into it. */
  text: string;
  sections: Section[];
  tables: ReportTable[];
  standard: StandardTables;
  facts: Fact[];
  percents: PercentFact[];
  declaredParts: DeclaredParts[];
  figures: Figures;
  /**
   * The key figures read from a table cell whose column is a guess (CellValue.read not certain): shown as
   * doubtful. Absent when none is, and in reports saved before it existed.
   */
  doubtfulFigures?: FigureKey[];
}

export interface LocalizedText {
  'zh-Hans': string;
  'zh-Hant': string;
  en: string;
}

/**
 * Placeholder values of a finding's message: plain JSON, used as-is (string, number), per locale
 * (LocalizedText), or anything else a rule adds (lists of arithmetic terms…); the renderer tolerates what it
 * does not know. Left as unknown so rules' own value types need no index signature.
 */
export type FindingData = Record<string, unknown>;

/**
 * One problem, as ESLint reports it: which rule, which of its messages, the values to fill the message
 * with, and where. The text is rendered only for display, in the reader's locale (utils/rules/render.ts),
 * so rewording a message changes no stored finding and no review key.
 */
export interface Finding {
  rule: string;
  /** Key into the rule's meta.messages. */
  messageId: string;
  /** Values for the message's {placeholders}; extra keys are allowed. */
  data: FindingData;
  severity: Severity;
  location: Location;
  /** Further places involved (the other terms of a failed sum, the other year's cell). */
  related?: Location[];
}

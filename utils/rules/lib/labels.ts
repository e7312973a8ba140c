/**
 * Names of standard-table rows, columns and sections in the three locales, for messages.
 * zh-Hant is written by hand (no converter in the report script).
 */
import type {
  ApplicantColumn,
  ApplicationRow,
  DisclosureColumn,
  DisclosureRow,
  LocalizedText,
  ReviewGroup,
  ReviewOutcome,
} from '../../report/types';

const t = (hans: string, hant: string, en: string): LocalizedText => ({ 'zh-Hans': hans, 'zh-Hant': hant, en });

export const COLUMN_LABELS: Record<ApplicantColumn, LocalizedText> = {
  natural: t('自然人', '自然人', 'natural persons'),
  commercial: t('商业企业', '商業企業', 'commercial enterprises'),
  research: t('科研机构', '科研機構', 'research institutions'),
  publicInterest: t('社会公益组织', '社會公益組織', 'public-interest organisations'),
  legal: t('法律服务机构', '法律服務機構', 'legal-service organisations'),
  otherOrg: t('其他', '其他', 'other organisations'),
  total: t('总计', '總計', 'total'),
};

const REFUSED = [
  '属于国家秘密',
  '其他法律行政法规禁止公开',
  '危及“三安全一稳定”',
  '保护第三方合法权益',
  '属于三类内部事务信息',
  '属于四类过程性信息',
  '属于行政执法案卷',
  '属于行政查询事项',
];
const REFUSED_HANT = [
  '屬於國家秘密',
  '其他法律行政法規禁止公開',
  '危及“三安全一穩定”',
  '保護第三方合法權益',
  '屬於三類內部事務信息',
  '屬於四類過程性信息',
  '屬於行政執法案卷',
  '屬於行政查詢事項',
];

const rowLabels = new Map<ApplicationRow, LocalizedText>();

/** The row's name in the three locales (memoised: every relation term asks for it). */
export function rowLabel(row: ApplicationRow): LocalizedText {
  let label = rowLabels.get(row);
  if (!label) rowLabels.set(row, (label = buildRowLabel(row)));
  return label;
}

function buildRowLabel(row: ApplicationRow): LocalizedText {
  const [head, n] = row.split('.') as [string, string | undefined];
  const i = n ? Number(n) : 0;
  switch (head) {
    case 'new':
      return t('一、本年新收申请', '一、本年新收申請', 'I. new applications');
    case 'carriedOver':
      return t('二、上年结转申请', '二、上年結轉申請', 'II. carried over from last year');
    case 'granted':
      return t('（一）予以公开', '（一）予以公開', '(1) disclosed');
    case 'partial':
      return t('（二）部分公开', '（二）部分公開', '(2) partly disclosed');
    case 'refused':
      return t(`（三）不予公开 ${i}.${REFUSED[i - 1]}`, `（三）不予公開 ${i}.${REFUSED_HANT[i - 1]}`, `(3) refused, item ${i}`);
    case 'unable':
      return t(`（四）无法提供 ${i}`, `（四）無法提供 ${i}`, `(4) unable to provide, item ${i}`);
    case 'notProcessed':
      return t(`（五）不予处理 ${i}`, `（五）不予處理 ${i}`, `(5) not processed, item ${i}`);
    case 'other':
      return i
        ? t(`（六）其他处理 ${i}`, `（六）其他處理 ${i}`, `(6) other handling, item ${i}`)
        : t('（六）其他处理', '（六）其他處理', '(6) other handling');
    case 'total':
      return t('（七）总计', '（七）總計', '(7) total handled');
    case 'carriedForward':
      return t('四、结转下年度继续办理', '四、結轉下年度繼續辦理', 'IV. carried forward to next year');
    default:
      return t(row, row, row);
  }
}

export const GROUP_LABELS: Record<ReviewGroup, LocalizedText> = {
  review: t('行政复议', '行政復議', 'administrative review'),
  litigationDirect: t('行政诉讼（未经复议直接起诉）', '行政訴訟（未經復議直接起訴）', 'litigation (direct)'),
  litigationAfterReview: t('行政诉讼（复议后起诉）', '行政訴訟（復議後起訴）', 'litigation (after review)'),
};

export const OUTCOME_LABELS: Record<ReviewOutcome, LocalizedText> = {
  upheld: t('结果维持', '結果維持', 'upheld'),
  corrected: t('结果纠正', '結果糾正', 'corrected'),
  other: t('其他结果', '其他結果', 'other outcome'),
  pending: t('尚未审结', '尚未審結', 'pending'),
  total: t('总计', '總計', 'total'),
};

export const DISCLOSURE_ROW_LABELS: Record<DisclosureRow, LocalizedText> = {
  regulations: t('规章', '規章', 'regulations (规章)'),
  normativeDocuments: t('规范性文件', '規範性文件', 'normative documents'),
  licensing: t('行政许可', '行政許可', 'administrative licensing'),
  otherServices: t('其他对外管理服务事项', '其他對外管理服務事項', 'other public services'),
  penalty: t('行政处罚', '行政處罰', 'administrative penalties'),
  enforcement: t('行政强制', '行政強制', 'administrative enforcement'),
  fees: t('行政事业性收费', '行政事業性收費', 'administrative fees'),
  procurement: t('政府集中采购', '政府集中採購', 'government procurement'),
};

export const DISCLOSURE_COLUMN_LABELS: Record<DisclosureColumn, LocalizedText> = {
  made: t('本年新制作数量', '本年新製作數量', 'made this year'),
  published: t('本年新公开数量', '本年新公開數量', 'published this year'),
  totalPublished: t('对外公开总数量', '對外公開總數量', 'total published'),
  issued: t('本年制发件数', '本年制發件數', 'issued this year'),
  repealed: t('本年废止件数', '本年廢止件數', 'repealed this year'),
  inForce: t('现行有效件数', '現行有效件數', 'in force'),
  previousCount: t('上一年项目数量', '上一年項目數量', 'items last year'),
  change: t('本年增/减', '本年增/減', 'change this year'),
  decisions: t('处理决定数量', '處理決定數量', 'decisions'),
  feeAmount: t('本年收费金额', '本年收費金額', 'fees collected'),
  procurementCount: t('采购项目数量', '採購項目數量', 'procurement items'),
  procurementAmount: t('采购总金额', '採購總金額', 'procurement amount'),
};

export const TABLE_LABELS = {
  activeDisclosure: t('主动公开情况表', '主動公開情況表', 'the proactive-disclosure table'),
  applications: t('收到和处理政府信息公开申请情况表', '收到和處理政府信息公開申請情況表', 'the applications table'),
  reviewLitigation: t('行政复议、行政诉讼情况表', '行政復議、行政訴訟情況表', 'the review and litigation table'),
} as const;

const HANS = '零一二三四五六七八九十';
export function chineseNumeral(n: number): string {
  if (n <= 10) return HANS[n] ?? String(n);
  if (n < 20) return '十' + HANS[n - 10];
  if (n < 100) return HANS[Math.floor(n / 10)] + '十' + (n % 10 ? HANS[n % 10] : '');
  return String(n);
}

export { t as localized };

/** "a、b、c等7项" in three locales: at most `max` names, then how many in all. */
export function listOf(items: LocalizedText[], max = 6): LocalizedText {
  const shown = items.slice(0, max);
  const more = items.length > max;
  return t(
    shown.map((i) => i['zh-Hans']).join('、') + (more ? `等 ${items.length} 项` : ''),
    shown.map((i) => i['zh-Hant']).join('、') + (more ? `等 ${items.length} 項` : ''),
    shown.map((i) => i.en).join('; ') + (more ? `, ${items.length} in all` : ''),
  );
}

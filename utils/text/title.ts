/**
 * An agency's name and a report's year as a title states them. Shared by the parser (utils/parse/metadata.ts)
 * and the listing reader (utils/detect/listing.ts), so neither folder imports the other for it.
 */

/**
 * How an agency's name ends. Besides …局/…委员会/…人民政府: zones and new areas (…综合实验区, …新区),
 * places named bare (某某区, 某某县: a government reporting as its place), offices (…参事室, …研究室),
 * centres, street offices and towns.
 */
const AGENCY_END =
  /(委员会|委|局|办公室|办公厅|办|政府|厅|部|署|中心|院|处|所|站|会|街道办事处|街道|镇|乡|管委会|队|室|区|县|市|州|盟|旗|省)$/;
/** Not a name: sentence punctuation, digits, or words that end a phrase rather than a name. */
const NOT_A_NAME = /[，,。、；;：:！!？?“”"'\d]/;

export function cleanAgency(name: string): string | null {
  const t = name
    .replace(/[\s《》“”"|]+/g, '')
    .replace(/^[#*>]+/, '')
    .replace(/^(关于|关於)/, '')
    .replace(/(关于|关於|的)$/, '');
  if (t.length < 3 || t.length > 40 || NOT_A_NAME.test(t)) return null;
  return AGENCY_END.test(t) ? t : null;
}

/** 二〇二三年 / 二零二三年 → 2023年: years written in Chinese digits, as some titles print them. */
export function arabicYears(text: string): string {
  const digits: Record<string, string> = {
    〇: '0',
    零: '0',
    Ｏ: '0',
    O: '0',
    一: '1',
    二: '2',
    三: '3',
    四: '4',
    五: '5',
    六: '6',
    七: '7',
    八: '8',
    九: '9',
  };
  return text.replace(/([一二][〇零ＯO一二三四五六七八九]{3})(?=年)/g, (m) => [...m].map((c) => digits[c] ?? c).join(''));
}

/** "张掖市卫生和计划生育委员会2017年政府信息公开工作年度报告" → agency + year; also "2017年张掖市…", "…关于2023年…", "二〇二三年…". */
export function agencyAndYearFromTitle(title: string): { agency: string | null; year: number | null } {
  const t = arabicYears(title.replace(/\s+/g, ''));
  const m = /^(.*?)((?:19|20)\d\d)年度?(.*)$/.exec(t);
  if (!m) return { agency: null, year: null };
  const year = Number(m[2]);
  let agency = cleanAgency(m[1]!.replace(/(政府信息|政务)公开(工作)?$/, ''));
  if (!agency) {
    const after = /^(.+?)(政府信息|政府资讯|政务)公开/.exec(m[3]!);
    if (after) agency = cleanAgency(after[1]!);
  }
  return { agency, year };
}

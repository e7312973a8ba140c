/** Agency names: the key used to group reports, and the region a name starts with. */

/** A comparison key for an agency name: whitespace and brackets' variants removed, full-width → half-width. */
export function agencyKey(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')');
}

const PROVINCE = /^(北京市|天津市|上海市|重庆市|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区|香港特别行政区|澳门特别行政区|[^\s省市]{2,3}省)/;
const PLACE = /^([^\s省市县区州盟旗]{1,7}?(?:自治州|自治县|自治旗|地区|市|州|盟|县|区|旗))/;
/** Names that start like a place but are not one (市卫生健康委 = "the city's health commission"). */
const NOT_A_PLACE = /^(市|县|区|州|省)/;

/**
 * The region an agency belongs to, read from the start of its name: the province if named, else the first
 * place (城市/县/区). 张掖市卫生健康委员会 → 张掖市; 甘肃省张掖市人民政府 → 甘肃省; 市卫生健康委 → ''.
 */
export function regionOf(agency: string | null | undefined): string {
  const name = agencyKey(agency);
  if (!name || NOT_A_PLACE.test(name)) return '';
  const p = PROVINCE.exec(name);
  if (p) return p[1];
  const m = PLACE.exec(name);
  if (m && m[1].length < name.length) return m[1];
  return '';
}

/** Group agency keys that are linked (directly or through a chain of renames). */
export function agencyGroups(links: readonly { a: string; b: string }[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const { a, b } of links) {
    const ga = groups.get(a) ?? new Set([a]);
    const gb = groups.get(b) ?? new Set([b]);
    if (ga === gb) continue;
    for (const k of gb) ga.add(k);
    for (const k of ga) groups.set(k, ga);
  }
  return groups;
}

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

const PROVINCE =
  /^(北京市|天津市|上海市|重庆市|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区|香港特别行政区|澳门特别行政区|[^\s省市]{2,3}省)/;
const PLACE = /^([^\s省市县区州盟旗]{1,7}?(?:自治州|自治县|自治旗|地区|市|州|盟|县|区|旗))/;
/** Names that start like a place but are not one (市卫生健康委 = "the city's health commission"). */
const NOT_A_PLACE = /^(市|县|区|州|省)/;

/**
 * The region an agency belongs to, read from the start of its name: the province if named, else the first
 * place (城市/县/区). 张掖市卫生健康委员会 → 张掖市; 甘肃省张掖市人民政府 → 甘肃省; 市卫生健康委 → ''.
 */
export function regionOf(agency: string | null | undefined, known: readonly string[] = []): string {
  const name = agencyKey(agency);
  if (!name || NOT_A_PLACE.test(name)) return '';
  const p = PROVINCE.exec(name);
  if (p) return p[1];
  const zone = ZONE.exec(name);
  const m = PLACE.exec(name);
  // A place before the zone (青溪市高新技术产业开发区 → 青溪市) is the region, as for any other name.
  if (m && m[1].length < name.length && (!zone || m[1].length <= zone.index)) return m[1];
  if (zone) {
    // A zone named without its place (南岭经济技术开发区管委会): the known region its stem begins (南岭县), else the zone itself.
    const stem = name.slice(0, zone.index);
    const host = stem.length >= 2 ? known.find((r) => r.startsWith(stem) && /[市县区州盟旗]$/.test(r) && !ZONE.test(r)) : undefined;
    return host ?? name.slice(0, zone.index + zone[0].length);
  }
  return '';
}

/** Special zones (issue 21): their names rarely start with the place they lie in. Longest keywords first. */
const ZONE =
  /(?:综合实验区|实验区|经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|开发区|新区|工业园区|园区|保税区|自贸区|合作区|度假区|风景区|管理区)/;

/** Whether a name is a special zone's (…实验区, …新区管理委员会, …开发区管委会). */
export function isSpecialZone(agency: string | null | undefined): boolean {
  return ZONE.test(agencyKey(agency));
}

/**
 * Names that are likely one agency (issue 21): the same name but for a higher-level place in front
 * (淮安市洪泽区人民政府 / 洪泽区人民政府), or a known short form of the same body (…人民政府 / …政府,
 * …管理委员会 / …管委会). Only suggested: the user accepts each, and accepted ones become agency links.
 * Not a merge: an office and its government (…人民政府办公室 / …人民政府) are two agencies, each with its report.
 */
export function suggestMerges(names: readonly string[]): Array<{ a: string; b: string; why: 'prefix' | 'variant' }> {
  const byKey = new Map<string, string>();
  for (const n of names) {
    const k = agencyKey(n);
    if (k && !byKey.has(k)) byKey.set(k, n);
  }
  const canonical = (k: string) =>
    k
      .replace(/人民政府$/, '政府')
      .replace(/管理委员会$/, '管委会')
      .replace(/委员会$/, '委');
  const out: Array<{ a: string; b: string; why: 'prefix' | 'variant' }> = [];
  const seen = new Set<string>();
  const add = (x: string, y: string, why: 'prefix' | 'variant') => {
    const [a, b] = x < y ? [x, y] : [y, x];
    if (seen.has(`${a}\u0000${b}`)) return;
    seen.add(`${a}\u0000${b}`);
    out.push({ a: byKey.get(a)!, b: byKey.get(b)!, why });
  };
  const keys = [...byKey.keys()];
  const byCanon = new Map<string, string[]>();
  for (const k of keys) byCanon.set(canonical(k), [...(byCanon.get(canonical(k)) ?? []), k]);
  for (const group of byCanon.values()) for (let i = 1; i < group.length; i++) add(group[0]!, group[i]!, 'variant');
  for (const long of keys) {
    // The longer name is a higher-level place + the shorter one, which itself starts with a place.
    for (const short of keys) {
      if (short === long || (!long.endsWith(short) && !canonical(long).endsWith(canonical(short)))) continue;
      const shortCanon = canonical(short);
      const head = canonical(long).slice(0, canonical(long).length - shortCanon.length);
      if (!head || !canonical(long).endsWith(shortCanon)) continue;
      // The head must be a whole place name (省/市/州/县…), and the short name must itself start with a place
      // (洪泽区…): 卫生健康局 alone under 淮安市卫生健康局 is another city's bureau, not the same body.
      if (!/^(?:[^\s]{1,8}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗))+$/.test(head)) continue;
      if (!PLACE.test(short) || NOT_A_PLACE.test(short)) continue;
      add(long, short, 'prefix');
    }
  }
  return out;
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

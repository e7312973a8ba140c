import type { CellValue } from '../report/types';
import { localized } from './lib/labels';
import { cellLocation } from './lib/tables';
import { defineRule } from './types';

/**
 * Who may make 规章 (立法法 art. 91, 93): 国务院部门, provincial governments, governments of 设区的市 and
 * 自治州. We flag the cases that are surely wrong: townships and street offices, county/district
 * governments, and local departments (bureaus).
 */
export function cannotMakeRegulations(kind: string | null, agency: string | null): boolean {
  const name = agency ?? '';
  if (kind === 'township' || /(乡|镇|街道)(人民政府|办事处)?$|街道办事处/.test(name)) return true;
  if (kind === 'department') {
    // National ministries make 部门规章.
    if (/^(国务院|国家|中华人民共和国|中国)/.test(name) || /^[^省市县区州盟旗]{1,8}部$/.test(name)) return false;
    return true;
  }
  if (kind === 'government' || kind === 'government-office') {
    return /(县|区|旗)(人民政府)?(办公室)?$/.test(name.replace(/人民政府办公室$/, '人民政府'));
  }
  return false;
}

export default defineRule({
  id: 'implausible-regulations',
  meta: {
    severity: 'warning',
    category: 'tables',
    docs: {
      'zh-Hans':
        '只有国务院部门、省级政府和设区的市、自治州政府可以制定规章。乡镇、街道、县区政府或普通委办局在“规章”一行填了大于 0 的数，几乎一定是把规范性文件或其他文件填错了行。',
      en: 'Only State Council departments, provincial governments and governments of cities with districts or autonomous prefectures make 规章. A township, street office, county/district government or ordinary bureau with 规章 > 0 has almost surely put other documents in the wrong row.',
      why: {
        'zh-Hans': '规章是法定的立法形式；无权制定的机关填报规章数会误导公众并暴露填报错误。',
        en: '规章 are a statutory form of legislation; a count from an agency with no such power misleads readers and reveals a filing error.',
      },
      fix: {
        'zh-Hans': '核实“规章”一行：本机关无权制定规章的，把数字移到“规范性文件”或其他相应的行，并改正合计。',
        en: 'Check the 规章 row: an agency that cannot make rules should move the number to 规范性文件 or the row it belongs to, and correct the totals.',
      },
      example: '某县卫生健康局：规章 本年制发件数 3。',
      severity: {
        'zh-Hans':
          '只作警告：机关类型是从名称推断的（可能不准），而且无权制定规章的机关填了规章数，通常是把规范性文件填错了行，需要读者判断。',
        en: 'A warning: the kind of agency is inferred from its name (which can mislead), and a 规章 count from an agency that cannot make them usually means documents were put in the wrong row, which a reader must judge.',
      },
    },
    messages: {
      implausible: {
        'zh-Hans': '{agency}无权制定规章，但“规章”一行填了 {value}',
        'zh-Hant': '{agency}無權制定規章，但「規章」一行填了 {value}',
        en: '{agency} cannot make 规章 (regulations), yet the 规章 row reads {value}',
      },
    },
  },
  check(report, _context, emit) {
    const row = report.standard.activeDisclosure?.rows.regulations;
    if (!row) return;
    if (!cannotMakeRegulations(report.meta.agencyKind, report.meta.agency)) return;
    const cells = Object.values(row).filter((c): c is CellValue => !!c && c.value.kind === 'number' && c.value.value > 0);
    const [first, ...rest] = cells;
    if (first?.value.kind !== 'number') return;
    const agency = report.meta.agency ?? localized('本机关', '本機關', 'This agency');
    emit(
      'implausible',
      { agency, value: first.value.text },
      cellLocation(report, first),
      rest.map((c) => cellLocation(report, c)),
    );
  },
});

/** Filling a message template with a finding's data, in one locale (render.ts; read-from-scan, which quotes a rule). */
import type { FindingData, Locale, LocalizedText } from '../../report/types';

function isLocalized(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedText)['zh-Hans'] === 'string';
}

/** One placeholder value as text; lists are joined, a term ({label, value}) reads "label value". */
export function formatValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (isLocalized(value)) return value[locale] ?? value['zh-Hans'];
  if (Array.isArray(value)) return value.map((v) => formatValue(v, locale)).join(locale === 'en' ? ', ' : '、');
  const record = value as Record<string, unknown>;
  if ('label' in record) return [formatValue(record.label, locale), formatValue(record.value, locale)].filter(Boolean).join(' ');
  if ('value' in record) return formatValue(record.value, locale);
  return '';
}

/** Fills {placeholders} of one template; an unknown placeholder is left as written, extra data ignored. */
export function fillTemplate(template: string, data: Readonly<FindingData>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(data, name)) return whole;
    return formatValue(data[name], locale);
  });
}

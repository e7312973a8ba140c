/**
 * The report's fixed terms as the recogniser gives them back from a Traditional page, put right. Its
 * dictionary (ppocr_keys_v1.txt, 6,622 characters) has no 議, 訴 or 審, so 行政復議 comes back "行政復" and 行政訴訟
 * "行政" or "行政讼"; and two glyphs it has are often lost or taken for a neighbour: 開 after 公 ("主動公政府信息",
 * "依申請公政府信息") and 動 read as 勤 ("主勤公"). The parser's prose patterns look for 主动公开, 行政复议 and 行政
 * 诉讼, so a scan's 主動公開政府信息2410條 or 未受理行政復議 was not found.
 *
 * Applied to OCR text only (readTablePicture's runs), never to a page's own text: each repair puts back a glyph
 * the recogniser cannot give or is known to drop, where only that term fits (行政復 followed by anything but
 * 議/核/查; 公 after 主動/依申請 not followed by a glyph that makes another word, as 公布, 公示, 公眾). A figure
 * found in a scan's prose is shown doubtful anyway (utils/parse keyFigures' scan rule).
 */

interface Repair {
  re: RegExp;
  to: string;
}

/** Glyphs after 公 that make a word of their own (公布, 公示, 公告, 公眾, 公共, 公報, 公司, 公安, 公平, 公正, 公文…). */
const NOT_OPEN = '開开布示告眾众共報报司安平正文務务用章函民積积益路園园廳厅';

const REPAIRS: Repair[] = [
  // 動 read as 勤 where only 主動 fits.
  { re: /主勤(?=公)/g, to: '主動' },
  // 公開 with 開 lost, after the words that always take it.
  { re: new RegExp(`(主[動动]|依申[請请]|不予|予以|部分)公(?![${NOT_OPEN}])`, 'g'), to: '$1公開' },
  { re: /(政府信息|政[務务])公(?=[工申的情深內内形透])/g, to: '$1公開' },
  // 復議 without its 議 (not in the dictionary): after 行政 or 未經, before 後/后起訴.
  { re: /(行政|未[經经])([復复])(?![議议核查])/g, to: '$1$2議' },
  { re: /([復复])(?=[後后]起)/g, to: '$1議' },
  // 訴訟 without 訴 (not in the dictionary): "行政讼" keeps its 訟; "提起行政" and "復議、行政" lost both.
  { re: /行政(?=[訟讼])/g, to: '行政訴' },
  { re: /(提起|[議议][、和或及與与])行政(?![訴诉訟讼])/g, to: '$1行政訴訟' },
];

/** OCR text with the report's fixed terms put back (see the module comment); other text as it came. */
export function repairOcrTerms(text: string): string {
  let out = text;
  for (const r of REPAIRS) out = out.replace(r.re, r.to);
  return out;
}

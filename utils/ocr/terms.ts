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

/** The repairs, each glyph put back in the script of the text around it (開 or 开, 議 or 议, 訴訟 or 诉讼). */
function repairs(hant: boolean): Repair[] {
  const [open, moved, review, sue, suit] = hant ? ['開', '動', '議', '訴', '訟'] : ['开', '动', '议', '诉', '讼'];
  return [
    // 動 read as 勤 where only 主動 fits.
    { re: /主勤(?=公)/g, to: `主${moved}` },
    // 公開 with 開 lost, after the words that always take it.
    { re: new RegExp(`(主[動动]|依申[請请]|不予|予以|部分)公(?![${NOT_OPEN}])`, 'g'), to: `$1公${open}` },
    { re: /(政府信息|政[務务])公(?=[工申的情深內内形透])/g, to: `$1公${open}` },
    // 復議 without its 議 (not in the dictionary): after 行政 or 未經, before 後/后起訴.
    { re: /(行政|未[經经])([復复])(?![議议核查])/g, to: `$1$2${review}` },
    { re: /([復复])(?=[後后]起)/g, to: `$1${review}` },
    // 訴訟 without 訴 (not in the dictionary): "行政讼" keeps its 訟; "提起行政" and "復議、行政" lost both.
    { re: /行政(?=[訟讼])/g, to: `行政${sue}` },
    { re: /(提起|[議议][、和或及與与])行政(?![訴诉訟讼])/g, to: `$1行政${sue}${suit}` },
  ];
}
const HANT = repairs(true);
const HANS = repairs(false);
/** Glyphs of the report's words that only Traditional text has: the text's script, for the glyphs put back. */
const TRADITIONAL = /[開動請復與關為機發資條數據於實區縣衛會單應統報總辦結轉經後費門網務處個們]/;

/** OCR text with the report's fixed terms put back (see the module comment); other text as it came. */
export function repairOcrTerms(text: string): string {
  let out = text;
  for (const r of TRADITIONAL.test(text) ? HANT : HANS) out = out.replace(r.re, r.to);
  return out;
}

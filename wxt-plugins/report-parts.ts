/**
 * Build-time plugin for the report script only (issue 19, "only what the page needs"): modules that most
 * report pages never use are replaced by stubs that take them from the part registry (utils/parts.ts).
 * The real modules ship as their own small content scripts (entrypoints/part-*.content.ts), which the
 * background injects into the frame when the report script asks (loadPart). A stub throws PartNotLoaded
 * when its part is missing, so a page that needs a part it was not given is checked again once it has it:
 * never a wrong result, only a later one. Tests, the CLI and every other entrypoint import the real modules.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const PARTS = resolve(ROOT, 'utils/parts.ts');

/** Real module (absolute path) → the stub's source. Each stub exports what the report script imports. */
export const REPORT_PART_STUBS: Record<string, string> = {
  // The converter with its dictionaries (utils/text/convert.ts): only Traditional pages need it.
  [resolve(ROOT, 'utils/text/convert.ts')]: `import { part, hasPart } from ${JSON.stringify(PARTS)};
export function toSimplified(text) { return part('t2s').toSimplified(text); }
export function converterBuilt() { return hasPart('t2s'); }`,
  [resolve(ROOT, 'utils/detect/listing.ts')]: `import { part } from ${JSON.stringify(PARTS)};
export function readListing(doc, url) { return part('listing').readListing(doc, url); }`,
  [resolve(ROOT, 'utils/parse/text-tables.ts')]: `import { part } from ${JSON.stringify(PARTS)};
export function findTextTables(lines, eligible, normalise) { return part('textTables').findTextTables(lines, eligible, normalise); }`,
  // Marking a finding's place in the page: only on a click, so it comes with the later rules. Nothing can be
  // marked before it is loaded, so there is nothing to clear either.
  [resolve(ROOT, 'utils/anchor/highlight.ts')]: `import { part, hasPart } from ${JSON.stringify(PARTS)};
export function highlight(target, doc, panel) { return hasPart('laterRules') ? part('laterRules').highlight(target, doc, panel) : null; }
export function clearHighlight() { if (hasPart('laterRules')) part('laterRules').clearHighlight(); }
export function markFindings(...args) { if (hasPart('laterRules')) part('laterRules').markFindings(...args); }
export function panelPlacement(host, tuck) { return hasPart('laterRules') ? part('laterRules').panelPlacement(host, tuck) : undefined; }
export function clearMarks(doc) { if (hasPart('laterRules')) part('laterRules').clearMarks(doc); }`,
  // The answer line and the cards' categories (issue 21.7): they count the whole catalogue, so they come with it.
  [resolve(ROOT, 'components/shared/answer.ts')]: `import { part, hasPart } from ${JSON.stringify(PARTS)};
export function answerOf(findings, reviews, checked) { return hasPart('laterRules') ? part('laterRules').answerOf(findings, reviews, checked) : null; }
export function answerText(answer, locale) { return part('laterRules').answerText(answer, locale); }
export function categoryLabel(category, locale) { return part('laterRules').categoryLabel(category, locale); }
export function categoryOf(finding) { return hasPart('laterRules') ? part('laterRules').categoryOf(finding) : null; }`,
  // The page's PDF links (附件), an offer made once the page's own check is on screen.
  [resolve(ROOT, 'utils/pdf/url.ts')]: `import { part, hasPart } from ${JSON.stringify(PARTS)};
export function pdfLinks(doc, url) { return part(hasPart('laterRules') ? 'laterRules' : 'listing').pdfLinks(doc, url); }`,
  // The words of a failed save or review: '' until the part is loaded (the panel shows the failure once it is).
  [resolve(ROOT, 'utils/i18n/said.ts')]: `import { part, hasPart } from ${JSON.stringify(PARTS)};
export function saidText(said, locale) { return hasPart('said') ? part('said').saidText(said, locale) : ''; }`,
  // The catalogue starts without them; the report script adds them (addLaterRules) once they are loaded.
  [resolve(ROOT, 'utils/rules/later-rules.ts')]: `export const LATER_RULES = [];`,
};

const PREFIX = '\0report-lens:part-stub:';

export function reportParts(): Plugin {
  return {
    name: 'report-lens:report-parts',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.startsWith(PREFIX)) return source;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const path = resolved?.id.split('?')[0];
      return path && REPORT_PART_STUBS[path] !== undefined ? PREFIX + path : null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? REPORT_PART_STUBS[id.slice(PREFIX.length)]! : null;
    },
  };
}

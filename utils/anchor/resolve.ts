/**
 * Anchoring (issue 20.3): where a finding points. A finding's Location is plain JSON (a table cell, a text
 * range, a section heading, the whole report); this module turns it into a target in a document, and the
 * rest of utils/anchor/ turns a target into what a view shows:
 * - resolve.ts: Location → an element (a cell) or a Range (a sentence, a heading) in the parsed document;
 * - highlight.ts: a target outlined and scrolled to in a web page, and every finding's mark drawn over it;
 * - pdf.ts: a target of a PDF's reconstructed document → rectangles on its pages (pdf.html draws them);
 * - picture.ts: a cell of a table read from a picture → its box on the picture as the page shows it;
 * - copy.ts: a target in a copy of the page (its pictures replaced by their tables) → the live page;
 * - places.ts: the further places a finding names (a term's cell, the table beside a sentence).
 * Pure where it can be: documents and elements are passed in.
 */

import type { TextView } from '../parse/text-view';
import { findSection } from '../report/sections';
import type { Location, ReportTable, Section } from '../report/types';

/** What a Location resolves to in a document: a cell (or the article) as an element, a sentence as a Range. */
export type Target = Element | Range;

/** A target that is a text range (a Range, or an object shaped like one), not an element. */
export function isRange(target: Target): target is Range {
  return 'commonAncestorContainer' in target;
}

/** Maps a finding's Location back to page nodes. In memory only: it holds DOM references. */
export interface PageAnchors {
  root: Element;
  view: TextView;
  resolve(location: Location): Target | null;
}

/** What the parser found that a Location can point at. */
export interface AnchorSources {
  /** The article: a report-wide finding's target. */
  root: Element;
  /** The text view, with its map from Report.text offsets back to text nodes. */
  view: TextView;
  /** The data tables, in Report.tables order… */
  tables: readonly Pick<ReportTable, 'slots'>[];
  /** …and each one's cell elements, indexed as its grid's slots are (tableToGrid's elements). */
  cellElements: readonly (readonly Element[])[];
  sections: Section[];
}

/**
 * The parsed document's anchors. A cell is found through its grid slot, so a cell spanning rows or columns
 * is the same element from any slot it covers; a text range and a section heading through the text view.
 */
export function pageAnchors({ root, view, tables, cellElements, sections }: AnchorSources): PageAnchors {
  return {
    root,
    view,
    resolve(location) {
      switch (location.kind) {
        case 'cell': {
          const slot = tables[location.table]?.slots[location.row]?.[location.col];
          return slot === undefined || slot < 0 ? null : (cellElements[location.table]?.[slot] ?? null);
        }
        case 'text':
          return view.rangeFor(location.start, location.end);
        case 'section': {
          const section = findSection(sections, location.path, location.quote, view.text);
          return section ? view.rangeFor(section.heading.start, section.heading.end) : null;
        }
        default:
          return root;
      }
    },
  };
}

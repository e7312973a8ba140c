import type { ComponentChildren } from 'preact';
import type { Strings } from '@/utils/i18n';
import { FIGURE_KEYS, type FigureKey, type Figures } from '@/utils/report/types';

/**
 * Key figures of a report; every figure element carries data-figure="<FigureKey>". A figure read from a table
 * cell whose column is a guess carries data-doubtful and a mark whose tooltip says so. `mark` adds a page's
 * own mark after a figure (pdf.html: read from a scanned page, with the confidence); kept out of here so
 * that the report script does not carry it.
 */
export function FigureList({
  figures,
  doubtful = [],
  mark,
  t,
}: {
  figures: Figures;
  doubtful?: readonly FigureKey[];
  mark?: (key: FigureKey) => ComponentChildren;
  t: Strings;
}) {
  const present = FIGURE_KEYS.filter((key) => figures[key] !== null && figures[key] !== undefined);
  if (present.length === 0) return null;
  return (
    <dl class="rl-figures">
      {present.map((key) => {
        const doubt = doubtful.includes(key);
        return (
          <div class="rl-figure" data-figure={key} key={key} {...(doubt ? { 'data-doubtful': '' } : {})}>
            <dt>{t.figureLabels[key]}</dt>
            <dd>
              {String(figures[key])}
              {doubt ? (
                <abbr class="rl-doubtful" title={t.figureDoubtful} aria-label={t.figureDoubtful}>
                  {t.figureDoubtfulMark}
                </abbr>
              ) : null}
              {mark?.(key)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

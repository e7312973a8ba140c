import { FIGURE_KEYS, type Figures } from '@/utils/report/types';
import type { Strings } from '@/utils/i18n';


/** Key figures of a report; every figure element carries data-figure="<FigureKey>". */
export function FigureList({ figures, t }: { figures: Figures; t: Strings }) {
  const present = FIGURE_KEYS.filter((key) => figures[key] !== null && figures[key] !== undefined);
  if (present.length === 0) return null;
  return (
    <dl class="rl-figures">
      {present.map((key) => (
        <div class="rl-figure" data-figure={key} key={key}>
          <dt>{t.figureLabels[key]}</dt>
          <dd>{String(figures[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

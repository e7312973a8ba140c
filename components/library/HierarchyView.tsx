import { useMemo, useState } from 'preact/hooks';
import { errorText } from '@/utils/i18n/errors';
import { type ChildReport, hierarchyOf } from '@/utils/library/evaluate';
import { type HierarchyLink, suggestHierarchy } from '@/utils/library/hierarchy';
import type { ReportRow } from '@/utils/library/types';
import { compareWithChildren } from '@/utils/rules/lib/hierarchy';
import { formatNumber, useLibrary } from './context';
import { useLive } from './useLive';

const collator = new Intl.Collator('zh-Hans-CN');

/** The 上下级 view: marked parents and their children, suggestions, marking by hand, and a year's sums. */
export function HierarchyView() {
  const { db, writes, t, rows, locale } = useLibrary();
  const h = t.hierarchy;
  const links = useLive(() => db.hierarchyLinks.toArray(), []).value ?? [];
  // The error itself, worded when shown (in the reader's language at that moment).
  const [error, setError] = useState<unknown>(null);
  const latest = useMemo(() => rows.filter((r) => r.latest === 1 && r.agencyKey), [rows]);
  // Agency key → the name as printed (the newest saved name of that key).
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of [...latest].sort((a, b) => a.savedAt.localeCompare(b.savedAt))) m.set(r.agencyKey, r.agency ?? r.agencyKey);
    return m;
  }, [latest]);
  const name = (key: string) => names.get(key) ?? key;
  const agencies = useMemo(() => [...names.keys()].sort((a, b) => collator.compare(name(a), name(b))), [names]);

  const byParent = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const l of links) m.set(l.parent, [...(m.get(l.parent) ?? []), l.child]);
    for (const list of m.values()) list.sort((a, b) => collator.compare(name(a), name(b)));
    return m;
  }, [links, names]);
  const marked = useMemo(() => new Set(links.map((l: HierarchyLink) => `${l.parent}\u0000${l.child}`)), [links]);
  const suggestions = useMemo(() => {
    const out: Array<{ parent: string; children: string[] }> = [];
    for (const [parent, children] of suggestHierarchy(latest)) {
      const fresh = children.filter((c) => !marked.has(`${parent}\u0000${c}`));
      if (fresh.length) out.push({ parent, children: fresh });
    }
    return out.sort((a, b) => collator.compare(name(a.parent), name(b.parent)));
  }, [latest, marked]);

  const act = (work: Promise<void>) => {
    setError(null);
    work.catch((e: unknown) => setError(e));
  };
  const [parent, setParent] = useState('');
  const [child, setChild] = useState('');

  return (
    <section data-testid="hierarchy" data-hierarchy-view>
      <p class="hint">{h.hint}</p>
      {error !== null ? (
        <p class="error" role="alert">
          {errorText(error, locale)}
        </p>
      ) : null}

      <h2>{h.marked}</h2>
      {byParent.size === 0 ? <p>{h.noMarks}</p> : null}
      {[...byParent]
        .sort(([a], [b]) => collator.compare(name(a), name(b)))
        .map(([p, children]) => (
          <div class="hierarchy-parent" key={p} data-hierarchy-parent={p}>
            <h3>{name(p)}</h3>
            <p>
              {h.children}:{' '}
              {children.map((c) => (
                <span class="tag" key={c} data-hierarchy-child={c}>
                  {name(c)}{' '}
                  <button
                    type="button"
                    class="link"
                    data-action="unmark-child"
                    aria-label={`${h.unmark} ${name(c)}`}
                    onClick={() => act(writes.unmarkChild(p, c))}
                  >
                    {h.unmark}
                  </button>
                </span>
              ))}
            </p>
            <ParentYears parent={p} parentRows={latest.filter((r) => r.agencyKey === p)} />
          </div>
        ))}

      <h2>{h.suggestions}</h2>
      {suggestions.length === 0 ? <p>{h.noSuggestions}</p> : null}
      <ul class="suggestions">
        {suggestions.map((s) => (
          <li key={s.parent} data-suggestion-parent={s.parent}>
            <strong>{name(s.parent)}</strong> ←{' '}
            {s.children.map((c) => (
              <span class="tag" key={c} data-suggestion data-parent={s.parent} data-child={c}>
                {name(c)}{' '}
                <button type="button" data-action="accept-suggestion" onClick={() => act(writes.markChild(s.parent, c))}>
                  {h.accept}
                </button>
              </span>
            ))}{' '}
            {s.children.length > 1 ? (
              <button
                type="button"
                data-action="accept-all"
                onClick={() =>
                  act(
                    (async () => {
                      for (const c of s.children) await writes.markChild(s.parent, c);
                    })(),
                  )
                }
              >
                {h.acceptAll}
              </button>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{h.manual}</h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          act(writes.markChild(parent, child).then(() => setChild('')));
        }}
      >
        <label>
          {h.parent}{' '}
          <select data-input="hierarchy-parent" value={parent} onChange={(e) => setParent((e.target as HTMLSelectElement).value)}>
            <option value="">{h.choose}</option>
            {agencies.map((k) => (
              <option key={k} value={k}>
                {name(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {h.child}{' '}
          <select data-input="hierarchy-child" value={child} onChange={(e) => setChild((e.target as HTMLSelectElement).value)}>
            <option value="">{h.choose}</option>
            {agencies
              .filter((k) => k !== parent)
              .map((k) => (
                <option key={k} value={k}>
                  {name(k)}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" data-action="mark-child" disabled={!parent || !child || parent === child}>
          {h.mark}
        </button>
      </form>
    </section>
  );
}

/** A parent's years: choose one, see its figures against the children's sum. */
function ParentYears({ parent, parentRows }: { parent: string; parentRows: ReportRow[] }) {
  const { t } = useLibrary();
  const years = useMemo(
    () => [...new Set(parentRows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a),
    [parentRows],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? null);
  const row = parentRows.filter((r) => r.year === year).sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  return (
    <div>
      {years.length > 1 ? (
        <label>
          {t.chooseYear}{' '}
          <select data-input="hierarchy-year" value={year ?? ''} onChange={(e) => setChosen(Number((e.target as HTMLSelectElement).value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {row?.id ? (
        <SumTable parent={parent} reportId={row.id} year={year} />
      ) : (
        <p>{t.hierarchy.noParentReport(year === null ? '' : ` ${year} `)}</p>
      )}
    </div>
  );
}

function SumTable({ parent, reportId, year }: { parent: string; reportId: number; year: number | null }) {
  const { db, t, locale, openReport } = useLibrary();
  const h = t.hierarchy;
  const data = useLive(async () => {
    const body = await db.bodies.get(reportId);
    if (!body) return undefined;
    const context = await hierarchyOf(db, body.report);
    const children: ChildReport[] = context?.children ?? [];
    const missing = context?.missingChildren ?? [];
    return { children, missing, comparisons: compareWithChildren(body.report, children, missing) };
  }, [reportId]).value;
  if (!data) return null;
  const signed = (n: number | null) => (n === null ? h.notCheckable : n > 0 ? `+${formatNumber(n)}` : formatNumber(n));
  return (
    <div data-hierarchy-table data-parent={parent} data-year={year ?? ''}>
      <p>
        <button type="button" class="link" onClick={() => openReport(reportId)}>
          {h.own} {year ?? ''}
        </button>
        {data.children.length ? (
          <>
            {' · '}
            {h.found}
            {data.children.map((c, i) => (
              <span key={c.id}>
                {i ? '、' : ''}
                <button type="button" class="link" data-action="open-child" data-report-id={c.id} onClick={() => openReport(c.id)}>
                  {c.label}
                </button>
              </span>
            ))}
          </>
        ) : (
          <> · {h.noChildren}</>
        )}
      </p>
      {data.missing.length ? (
        <p class="hint" data-hierarchy-missing>
          {h.missing(data.missing.join('、'))}
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{h.figure}</th>
              <th class="num">{h.own}</th>
              <th class="num">{h.sum}</th>
              <th class="num">{h.difference}</th>
            </tr>
          </thead>
          <tbody>
            {data.comparisons.map((c) => (
              <tr key={c.figure.id} data-figure={c.figure.id} data-difference={c.difference ?? ''}>
                <th scope="row">{c.figure.label[locale]}</th>
                <td class="num">{formatNumber(c.parent)}</td>
                <td class="num" title={c.children.map((p) => `${p.label} ${formatNumber(p.value)}`).join('、')}>
                  {c.sum === null ? h.notCheckable : formatNumber(c.sum)}
                </td>
                <td class={c.difference ? 'num count-error' : 'num'}>{c.parent === null ? '—' : signed(c.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { errorText } from '@/utils/i18n/errors';
import { suggestMerges } from '@/utils/library/agency';
import { agencyKey, listAgencyLinks } from '@/utils/library/store';
import { useLibrary } from './context';
import { useLive } from './useLive';

export function AgencyLinks() {
  const { db, writes, t, rows, locale } = useLibrary();
  const links = useLive(() => listAgencyLinks(db), []).value ?? [];
  const names = useMemo(
    () => [...new Set(rows.map((r) => r.agency).filter((a): a is string => !!a))].sort(new Intl.Collator('zh-Hans-CN').compare),
    [rows],
  );
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  // The error itself, worded when shown (in the reader's language at that moment).
  const [error, setError] = useState<unknown>(null);
  // Suggested, never merged by itself: the user accepts each; pairs already linked (directly or not) are left out.
  const suggestions = useMemo(() => {
    const linked = new Set(links.map((l) => `${l.a}\u0000${l.b}`));
    return suggestMerges(names).filter((s) => {
      const [x, y] = [agencyKey(s.a), agencyKey(s.b)].sort();
      return !linked.has(`${x}\u0000${y}`);
    });
  }, [names, links]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await writes.link(a, b);
      setA('');
      setB('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section data-testid="agency-links">
      <p class="hint">{t.linksHint}</p>
      <form onSubmit={submit} class="filters">
        <datalist id="agency-names">
          {names.map((n) => (
            <option value={n} key={n} />
          ))}
        </datalist>
        <input
          list="agency-names"
          aria-label={t.linkA}
          placeholder={t.linkA}
          value={a}
          data-testid="link-a"
          onInput={(e) => setA((e.target as HTMLInputElement).value)}
        />
        <input
          list="agency-names"
          aria-label={t.linkB}
          placeholder={t.linkB}
          value={b}
          data-testid="link-b"
          onInput={(e) => setB((e.target as HTMLInputElement).value)}
        />
        <button type="submit" data-testid="link-submit" disabled={!a.trim() || !b.trim()}>
          {t.link}
        </button>
      </form>
      {error !== null ? (
        <p class="error" role="alert">
          {errorText(error, locale)}
        </p>
      ) : null}
      {suggestions.length ? (
        <div data-testid="merge-suggestions">
          <p class="hint">{t.mergeHint}</p>
          <ul class="links">
            {suggestions.map((s) => (
              <li key={`${s.a}\u0000${s.b}`} data-testid="merge-suggestion" data-why={s.why}>
                {s.a} ⇄ {s.b} <small>（{t.mergeWhy[s.why]}）</small>{' '}
                <button
                  type="button"
                  data-action="accept-merge"
                  onClick={() => void writes.link(s.a, s.b).catch((err: unknown) => setError(err))}
                >
                  {t.mergeAccept}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {links.length === 0 ? <p>{t.noLinks}</p> : null}
      <ul class="links">
        {links.map((l) => (
          <li key={l.id} data-testid="agency-link">
            {l.a} ⇄ {l.b}{' '}
            <button type="button" onClick={() => void writes.unlink(l.a, l.b).catch((err: unknown) => setError(err))}>
              {t.unlink}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

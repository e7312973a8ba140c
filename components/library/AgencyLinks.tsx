import { useMemo, useState } from 'preact/hooks';
import { listAgencyLinks } from '@/utils/library/store';
import { useLibrary } from './context';
import { useLive } from './useLive';

export function AgencyLinks() {
  const { db, writes, t, rows } = useLibrary();
  const links = useLive(() => listAgencyLinks(db), []).value ?? [];
  const names = useMemo(() => [...new Set(rows.map((r) => r.agency).filter((a): a is string => !!a))].sort(new Intl.Collator('zh-Hans-CN').compare), [rows]);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await writes.link(a, b);
      setA('');
      setB('');
    } catch (err) {
      setError(String((err as { zh?: string }).zh ?? err));
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
        <input list="agency-names" aria-label={t.linkA} placeholder={t.linkA} value={a} data-testid="link-a" onInput={(e) => setA((e.target as HTMLInputElement).value)} />
        <input list="agency-names" aria-label={t.linkB} placeholder={t.linkB} value={b} data-testid="link-b" onInput={(e) => setB((e.target as HTMLInputElement).value)} />
        <button type="submit" data-testid="link-submit" disabled={!a.trim() || !b.trim()}>{t.link}</button>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {links.length === 0 ? <p>{t.noLinks}</p> : null}
      <ul class="links">
        {links.map((l) => (
          <li key={l.id} data-testid="agency-link">
            {l.a} ⇄ {l.b}{' '}
            <button type="button" onClick={() => void writes.unlink(l.a, l.b).catch((err: unknown) => setError(String((err as { zh?: string }).zh ?? err)))}>{t.unlink}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

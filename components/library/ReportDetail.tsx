import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/utils/i18n/errors';
import { type HierarchyContext, hierarchyOf } from '@/utils/library/evaluate';
import { findingKey, getReport, type Neighbour, neighboursOf, reviewsFor, revisionsOf } from '@/utils/library/store';
import { FIGURE_KEYS, type Review, type ReviewStatus } from '@/utils/library/types';
import { savedReportHref } from '@/utils/pdf/url';
import type { Finding } from '@/utils/report/types';
import { renderFinding } from '@/utils/rules/render';
import { formatDate, formatNumber, useLibrary } from './context';
import { useLive } from './useLive';

/** Under a hierarchy-sum finding: the children's reports it was summed from, to open each one. */
function ChildReports({ hierarchy }: { hierarchy: HierarchyContext }) {
  const { t, openReport } = useLibrary();
  return (
    <p class="hint" data-testid="hierarchy-children">
      {t.hierarchy.childReports}
      {hierarchy.children.map((c, i) => (
        <span key={c.id}>
          {i ? '、' : ''}
          <button type="button" class="link" data-action="open-child" data-report-id={c.id} onClick={() => openReport(c.id)}>
            {c.label}
          </button>
        </span>
      ))}
      {hierarchy.missingChildren.map((name, i) => (
        <span key={name}>
          {i || hierarchy.children.length ? '、' : ''}
          {name}
          {t.hierarchy.childMissingShort}
        </span>
      ))}
    </p>
  );
}

/** Under a carry-over finding: the earlier year's saved report it was compared with, one click away. */
function OtherYear({ other }: { other: Neighbour }) {
  const { t, openReport } = useLibrary();
  return (
    <p class="hint" data-testid="other-year">
      <button type="button" class="link" data-action="open-other-year" data-report-id={other.id} onClick={() => openReport(other.id)}>
        {t.openOtherYear(other.label)}
      </button>
    </p>
  );
}

function FindingReview({
  finding,
  review,
  reportId,
  hierarchy,
  previous,
}: {
  finding: Finding;
  review?: Review;
  reportId: number;
  hierarchy?: HierarchyContext;
  previous?: Neighbour;
}) {
  const { writes, t, locale } = useLibrary();
  const [note, setNote] = useState(review?.note ?? '');
  useEffect(() => setNote(review?.note ?? ''), [review?.note]);
  const key = findingKey(finding);
  const mark = (status: ReviewStatus | null) => writes.review(reportId, key, status ? { status, note } : null);
  const text = renderFinding(finding, locale);
  return (
    <li
      class={`finding sev-${finding.severity}${review?.status === 'dismissed' ? ' is-dismissed' : ''}`}
      data-testid="finding"
      data-rule={finding.rule}
      data-finding-key={key}
      data-review={review?.status ?? ''}
    >
      <div class="finding-text">
        <span class={`sev sev-${finding.severity}`}>{t.counts[finding.severity]}</span> {text}
        <code class="rule">{finding.rule}</code>
        {review ? <span class="tag">{review.status === 'confirmed' ? t.confirmed : t.dismissed}</span> : null}
      </div>
      {finding.rule === 'hierarchy-sum' && hierarchy ? <ChildReports hierarchy={hierarchy} /> : null}
      {finding.rule === 'carry-over' && previous ? <OtherYear other={previous} /> : null}
      <div class="review">
        <input
          type="text"
          aria-label={t.note}
          placeholder={t.note}
          value={note}
          maxLength={2000}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
        <button type="button" data-testid="confirm-finding" aria-pressed={review?.status === 'confirmed'} onClick={() => mark('confirmed')}>
          {t.confirm}
        </button>
        <button type="button" data-testid="dismiss-finding" aria-pressed={review?.status === 'dismissed'} onClick={() => mark('dismissed')}>
          {t.dismiss}
        </button>
        {review ? (
          <button type="button" onClick={() => mark(null)}>
            {t.clearReview}
          </button>
        ) : null}
      </div>
    </li>
  );
}

export function ReportDetail({ id, onBack }: { id: number; onBack: () => void }) {
  const { db, writes, t, locale } = useLibrary();
  const saved = useLive(() => getReport(db, id), [id]).value;
  const reviews = useLive(() => reviewsFor(db, id), [id]).value ?? [];
  const revisions = useLive(async () => (saved ? revisionsOf(db, saved.url) : []), [saved?.url]).value ?? [];
  const hasHierarchy = !!saved?.findings.some((f) => f.rule === 'hierarchy-sum');
  // The children a hierarchy-sum finding was summed from (read again when the marks or the library change).
  const hierarchy = useLive(async () => (saved && hasHierarchy ? hierarchyOf(db, saved.report) : undefined), [saved, hasHierarchy]).value;
  const hasCarryOver = !!saved?.findings.some((f) => f.rule === 'carry-over');
  // The earlier year a carry-over finding compares with (the gap is reported on this, the later year).
  const lastYear = useLive(
    async () =>
      saved && hasCarryOver
        ? (await neighboursOf(db, { ...saved.report, source: { ...saved.report.source, url: saved.url } })).previous
        : undefined,
    [saved, hasCarryOver],
  ).value;
  const [checking, setChecking] = useState(true);
  // The error itself, worded when shown (in the reader's language at that moment).
  const [error, setError] = useState<unknown>(null);

  // Viewing a report re-runs the rules with the neighbour years now in the library.
  useEffect(() => {
    let live = true;
    setChecking(true);
    writes
      .reevaluate(id)
      .catch((e) => live && setError(e))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [id]);

  if (!saved) return <p>{t.loading}</p>;
  const byKey = new Map(reviews.map((r) => [r.findingKey, r]));
  const previous = saved.previousId ? revisions.find((r) => r.id === saved.previousId) : undefined;
  const href = savedReportHref(saved, '/pdf.html');
  return (
    <section class="detail" data-testid="report-detail" data-report-id={id} data-checking={checking ? 'true' : 'false'}>
      <button type="button" onClick={onBack} data-testid="back">
        ← {t.back}
      </button>
      <h2>{saved.title ?? saved.agency ?? saved.url}</h2>
      <p class="meta">
        {saved.agency} · {saved.year ?? ''} · {saved.era ? t.eras[saved.era] : ''} · {t.columns.savedAt} {formatDate(saved.savedAt, locale)}
        {href ? (
          <>
            {' · '}
            <a href={href} target="_blank" rel="noopener noreferrer">
              {t.open}
            </a>
          </>
        ) : null}
      </p>
      {previous ? (
        <p class="changed" data-testid="changed-since">
          {t.changedSince(formatDate(previous.savedAt, locale))}
        </p>
      ) : null}
      {revisions.length > 1 ? (
        <p class="revisions">
          {t.revisions}:{' '}
          {revisions.map((r) => (
            <button
              type="button"
              class={r.id === id ? 'link current' : 'link'}
              key={r.id}
              onClick={() => (location.hash = `#report=${r.id}`)}
            >
              {formatDate(r.savedAt, locale)}
            </button>
          ))}
        </p>
      ) : null}
      <dl class="figures">
        {FIGURE_KEYS.map((k) => (
          <div key={k}>
            <dt>{t.figures[k]}</dt>
            <dd data-figure={k}>
              {formatNumber(saved.figures[k])}
              {saved.doubtfulFigures?.includes(k) && saved.figures[k] !== null ? (
                <abbr class="doubtful" data-doubtful="" title={t.figureDoubtful} aria-label={t.figureDoubtful}>
                  {t.figureDoubtfulMark}
                </abbr>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <h3>
        {t.findings}{' '}
        <span class="count" data-testid="finding-count">
          {saved.counts.total}
        </span>
        {saved.counts.dismissed ? (
          <small>
            {' '}
            ({t.dismissed} {saved.counts.dismissed})
          </small>
        ) : null}
      </h3>
      {checking ? <p class="hint">{t.rechecking}</p> : null}
      {error !== null ? (
        <p class="error" role="alert">
          {t.error}
          {errorText(error, locale)}
        </p>
      ) : null}
      {saved.findings.length === 0 ? <p>{t.noFindings}</p> : null}
      <ul class="findings">
        {saved.findings.map((f) => (
          <FindingReview
            key={findingKey(f)}
            finding={f}
            review={byKey.get(findingKey(f))}
            reportId={id}
            hierarchy={hierarchy}
            previous={lastYear}
          />
        ))}
      </ul>
    </section>
  );
}

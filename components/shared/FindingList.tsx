import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { tablePlace } from '@/utils/anchor/places';
import type { Strings } from '@/utils/i18n';
import type { Finding, Locale, Severity } from '@/utils/report/types';
import { countActive, type ReviewMap, type ReviewState, type ReviewStatus, reviewOf } from '@/utils/reviews';
import type { RuleHelp } from '@/utils/rules/help-source';
import { renderFinding } from '@/utils/rules/render';
import { categoryLabel, categoryOf } from './answer';
import { FindingTerms } from './FindingTerms';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Counts per severity; dismissed findings are left out when reviews are given. */
export function countBySeverity(findings: readonly Finding[], reviews?: ReviewMap | null): Record<Severity, number> {
  const { error, warning, info } = countActive(findings, reviews);
  return { error, warning, info };
}

export function findingText(finding: Finding, locale: Locale): string {
  return renderFinding(finding, locale);
}

/** Resolves to an error message to show, or null when the review was saved. */
export type ReviewHandler = (finding: Finding, review: { status: ReviewStatus; note: string } | null) => Promise<string | null>;

interface Props {
  findings: readonly Finding[];
  locale: Locale;
  t: Strings;
  /** When given, each finding is a button that calls it (click or Enter). */
  onSelect?: (finding: Finding, index: number) => void;
  selected?: number | null;
  /** Index of a finding whose place could not be found in the page. */
  notFound?: number | null;
  /** Reviews of the saved report (findingKey → review): dismissed findings are listed apart and not counted. */
  reviews?: ReviewMap | null;
  /** When given (the panel), each finding has a small control to confirm or dismiss it with a note. */
  onReview?: ReviewHandler;
  /** The rules' 为什么 / 怎么改, once loaded; `onHelp` asks for them (the panel). Without it the rule id is shown plain. */
  help?: Readonly<Record<string, RuleHelp>> | null;
  onHelp?: () => void;
  /** Open this finding's card (a mark clicked in the page): its group unfolds, the card scrolls into view and takes the focus. */
  reveal?: { index: number; n: number } | null;
}

/**
 * The earlier year's report a cross-year finding names (data.otherUrl, the address the library saved): only a
 * web address is linked, so a saved value can never become a script or extension link.
 */
export function earlier(finding: Finding): string | null {
  const url = finding.data.otherUrl;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

interface Entry {
  finding: Finding;
  index: number;
  review: ReviewState | undefined;
}

/** One line of a severity group: a finding, or the notices of one rule behind one line. */
export type Row<E> = { kind: 'one'; entry: E } | { kind: 'group'; rule: string; entries: E[] };

/**
 * Notices (info) of one rule, two or more, behind one line at the place of the first (issue 21.8: no
 * floods); errors and warnings are always listed one by one.
 */
export function groupNotices<E extends { finding: Finding }>(entries: readonly E[]): Row<E>[] {
  const byRule = new Map<string, E[]>();
  for (const e of entries) {
    if (e.finding.severity !== 'info') continue;
    const list = byRule.get(e.finding.rule);
    if (list) list.push(e);
    else byRule.set(e.finding.rule, [e]);
  }
  const rows: Row<E>[] = [];
  const placed = new Set<string>();
  for (const e of entries) {
    const same = e.finding.severity === 'info' ? byRule.get(e.finding.rule)! : null;
    if (!same || same.length < 2) rows.push({ kind: 'one', entry: e });
    else if (!placed.has(e.finding.rule)) {
      placed.add(e.finding.rule);
      rows.push({ kind: 'group', rule: e.finding.rule, entries: same });
    }
  }
  return rows;
}

/**
 * The words of a notice group's line. Blank-cell notices (one per block of a table) are counted by the cells
 * they name, "19 处空白单元格（4 条提示）", when each carries its cell count; others by notice, "3 条提示（rule）".
 */
export function noticeGroupText(rule: string, findings: readonly Finding[], t: Strings): string {
  if (rule === 'blank-cells' && findings.every((f) => f.messageId === 'blank' && typeof f.data?.count === 'number')) {
    const cells = findings.reduce((sum, f) => sum + (f.data.count as number), 0);
    return t.blankCellsGroup(cells, findings.length);
  }
  return t.noticeGroup(findings.length, t.noticeGroupLabels[rule] ?? `${t.severityLabels.info}（${rule}）`);
}

/**
 * Findings grouped by severity with counts, dismissed ones in a group of their own (not counted).
 * Every finding element carries data-rule="<rule id>", and data-review="confirmed|dismissed" when reviewed.
 * Text only, through Preact: messages and notes may quote page content (hostile markup stays text).
 */
export function FindingList({ findings, locale, t, onSelect, selected, notFound, reviews, onReview, help, onHelp, reveal }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [ignoring, setIgnoring] = useState<string | null>(null);
  const [ignoreError, setIgnoreError] = useState<{ rule: string; error: string } | null>(null);
  const [focusAfter, setFocusAfter] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const [focusCard, setFocusCard] = useState<number | null>(null);
  // A new parse closes any open review form.
  useEffect(() => setOpen(null), [findings]);
  useEffect(() => {
    const f = reveal ? findings[reveal.index] : undefined;
    if (!f || !reveal) return;
    if (f.severity === 'info') setExpanded((prev) => new Set(prev).add(f.rule));
    setFocusCard(reveal.index);
  }, [reveal]);
  useEffect(() => {
    if (focusCard === null) return;
    const card = root.current?.querySelector<HTMLElement>(`[data-index="${focusCard}"] .rl-finding`);
    card?.scrollIntoView?.({ block: 'nearest' });
    card?.focus({ preventScroll: true });
    setFocusCard(null);
  }, [focusCard, expanded]);
  // After a review the finding may have moved (to or from the dismissed group): keep the focus on its control.
  useEffect(() => {
    if (focusAfter === null) return;
    root.current?.querySelector<HTMLElement>(`[data-index="${focusAfter}"] .rl-review-toggle`)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  if (findings.length === 0) return <p class="rl-none">{t.noFindings}</p>;
  const entries: Entry[] = findings.map((finding, index) => ({ finding, index, review: reviewOf(finding, reviews) }));
  const active = entries.filter((e) => e.review?.status !== 'dismissed');
  const dismissed = entries.filter((e) => e.review?.status === 'dismissed');

  const item = ({ finding, index, review }: Entry) => {
    const message = findingText(finding, locale);
    const tag = review ? <ReviewTag review={review} t={t} /> : null;
    const formId = `rl-review-${index}`;
    const category = categoryOf(finding);
    // null in the report script until its later part is loaded (components/shared/answer.ts).
    const cat = category ? (
      <span class="rl-cat" data-category={category}>
        {categoryLabel(category, locale)}
      </span>
    ) : null;
    const table = onSelect ? tablePlace(finding) : null;
    const ruleHelp = help?.[finding.rule];
    return (
      <li
        key={index}
        data-index={index}
        data-rule={onSelect ? undefined : finding.rule}
        data-review={onSelect ? undefined : review?.status}
        class={`rl-finding-item${review ? ` rl-review-${review.status}` : ''}`}
      >
        {onSelect ? (
          <div class="rl-finding-row">
            <button
              type="button"
              class={`rl-finding${selected === index ? ' rl-selected' : ''}`}
              data-rule={finding.rule}
              data-review={review?.status}
              aria-pressed={selected === index}
              onClick={() => onSelect(finding, index)}
            >
              {cat}
              <span class="rl-message">{message}</span>
              {tag}
              {notFound === index ? <span class="rl-notfound">{t.notFoundInPage}</span> : null}
            </button>
            {onReview ? (
              <button
                type="button"
                class="rl-review-toggle"
                aria-expanded={open === index}
                aria-controls={open === index ? formId : undefined}
                aria-label={t.reviewOf(message.length > 60 ? `${message.slice(0, 60)}…` : message)}
                title={t.review}
                onClick={() => setOpen(open === index ? null : index)}
              >
                {t.review}
              </button>
            ) : null}
          </div>
        ) : (
          <>
            {cat}
            <span class="rl-message">{message}</span>
            {tag}
          </>
        )}
        {table ? (
          // Both places of a sentence read against the table, each one click away.
          <span class="rl-places">
            <button
              type="button"
              class="rl-term"
              data-place="prose"
              onClick={() => onSelect!({ ...finding, location: finding.location }, index)}
            >
              {t.goProse}
            </button>
            <button type="button" class="rl-term" data-place="table" onClick={() => onSelect!({ ...finding, location: table }, index)}>
              {t.goTable}
            </button>
          </span>
        ) : null}
        {earlier(finding) ? (
          // A cross-year gap is reported on the later year: the earlier year's report is one click away.
          <a class="rl-term" data-place="earlier-report" href={earlier(finding)!} target="_blank" rel="noopener noreferrer">
            {t.earlierReport}
          </a>
        ) : null}
        {onSelect ? (
          // A term's cell goes through the same highlight path as the finding's own place.
          <FindingTerms finding={finding} locale={locale} onSelectTerm={(location) => onSelect({ ...finding, location }, index)} />
        ) : null}
        {onHelp ? (
          <details class="rl-help" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && !help && onHelp()}>
            <summary>{t.whyFix}</summary>
            {ruleHelp ? (
              <dl>
                <dt>{t.why}</dt>
                <dd>{ruleHelp.why[locale]}</dd>
                <dt>{t.fix}</dt>
                <dd>{ruleHelp.fix[locale]}</dd>
              </dl>
            ) : null}
            <span class="rl-rule">{finding.rule}</span>
          </details>
        ) : (
          <span class="rl-rule">{finding.rule}</span>
        )}
        {onReview && open === index ? (
          <ReviewForm
            id={formId}
            review={review}
            t={t}
            submit={(value) => onReview(finding, value)}
            done={() => {
              setOpen(null);
              setFocusAfter(index);
            }}
          />
        ) : null}
      </li>
    );
  };

  // "Ignore all like this": every open finding of the rule dismissed through the one review path, one by one.
  const ignoreAll = async (rule: string, members: readonly Entry[]) => {
    if (!onReview) return;
    setIgnoring(rule);
    setIgnoreError(null);
    for (const { finding } of members) {
      const failed = await onReview(finding, { status: 'dismissed', note: '' }).catch((e: unknown) => String(e));
      if (failed) {
        setIgnoreError({ rule, error: failed });
        break;
      }
    }
    setIgnoring(null);
  };

  const row = (r: Row<Entry>) => {
    if (r.kind === 'one') return item(r.entry);
    const isOpen = expanded.has(r.rule);
    const text = noticeGroupText(
      r.rule,
      r.entries.map((e) => e.finding),
      t,
    );
    const listId = `rl-notices-${r.rule}`;
    return (
      <li key={`group:${r.rule}`} class="rl-notice-group" data-group-rule={r.rule} data-group-count={r.entries.length}>
        <div class="rl-finding-row">
          <button
            type="button"
            class="rl-group-toggle"
            aria-expanded={isOpen}
            aria-controls={isOpen ? listId : undefined}
            onClick={() => {
              const next = new Set(expanded);
              if (isOpen) next.delete(r.rule);
              else next.add(r.rule);
              setExpanded(next);
            }}
          >
            <span class="rl-group-arrow" aria-hidden="true">
              {isOpen ? '▾' : '▸'}
            </span>{' '}
            {text}
          </button>
          {onReview ? (
            <button
              type="button"
              class="rl-review-toggle"
              data-action="ignore-all"
              aria-label={t.ignoreAllLikeLabel(r.entries.length, t.noticeGroupLabels[r.rule] ?? r.rule)}
              title={t.ignoreAllLikeLabel(r.entries.length, t.noticeGroupLabels[r.rule] ?? r.rule)}
              disabled={ignoring !== null}
              onClick={() => void ignoreAll(r.rule, r.entries)}
            >
              {t.ignoreAllLike}
            </button>
          ) : null}
        </div>
        {ignoreError?.rule === r.rule && ignoring === null ? (
          <p class="rl-review-error" role="alert">
            {t.reviewFailed}: {ignoreError.error}
          </p>
        ) : null}
        {isOpen ? <ul id={listId}>{r.entries.map(item)}</ul> : null}
      </li>
    );
  };

  return (
    <div class="rl-findings" ref={root}>
      {SEVERITIES.map((severity) => {
        const group = active.filter((x) => x.finding.severity === severity);
        if (group.length === 0) return null;
        const headingId = `rl-sev-${severity}`;
        return (
          <section class={`rl-group rl-${severity}`} data-severity={severity} key={severity} aria-labelledby={headingId}>
            <h3 id={headingId}>
              <span class="rl-dot" aria-hidden="true" />
              {t.severityLabels[severity]}
              <span class="rl-count" data-count={group.length}>
                {group.length}
              </span>
            </h3>
            <ul>{groupNotices(group).map(row)}</ul>
          </section>
        );
      })}
      {dismissed.length ? (
        <section class="rl-group rl-dismissed-group" data-review-group="dismissed" key="dismissed" aria-labelledby="rl-sev-dismissed">
          <h3 id="rl-sev-dismissed">
            <span class="rl-dot" aria-hidden="true" />
            {t.dismissed}
            <span class="rl-count">{dismissed.length}</span>
          </h3>
          <ul>{dismissed.map(item)}</ul>
        </section>
      ) : null}
    </div>
  );
}

function ReviewTag({ review, t }: { review: ReviewState; t: Strings }) {
  return (
    <span class="rl-review-state" data-status={review.status}>
      <span class="rl-review-label">{review.status === 'confirmed' ? t.confirmed : t.dismissed}</span>
      {review.note ? <span class="rl-review-note">{review.note}</span> : null}
    </span>
  );
}

function ReviewForm({
  id,
  review,
  t,
  submit,
  done,
}: {
  id: string;
  review: ReviewState | undefined;
  t: Strings;
  submit: (value: { status: ReviewStatus; note: string } | null) => Promise<string | null>;
  done: () => void;
}) {
  const [note, setNote] = useState(review?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => input.current?.focus(), []);

  const send = async (status: ReviewStatus | null) => {
    setBusy(true);
    setError(null);
    const failed = await submit(status ? { status, note: note.trim() } : null).catch((e: unknown) => String(e));
    setBusy(false);
    if (failed) setError(failed);
    else done();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own border and legend into the card.
    <div
      class="rl-review-form"
      id={id}
      role="group"
      aria-label={t.review}
      aria-busy={busy}
      onKeyDown={(event) => {
        // Esc closes the form only (not the panel) and gives the focus back to its toggle.
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          done();
        }
      }}
    >
      <input
        ref={input}
        type="text"
        class="rl-review-input"
        aria-label={t.note}
        placeholder={t.note}
        value={note}
        maxLength={2000}
        onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="rl-review-actions">
        <button
          type="button"
          class="rl-review-button"
          data-review-action="confirmed"
          aria-pressed={review?.status === 'confirmed'}
          disabled={busy}
          onClick={() => void send('confirmed')}
        >
          {t.confirm}
        </button>
        <button
          type="button"
          class="rl-review-button"
          data-review-action="dismissed"
          aria-pressed={review?.status === 'dismissed'}
          disabled={busy}
          onClick={() => void send('dismissed')}
        >
          {t.dismiss}
        </button>
        {review ? (
          <button
            type="button"
            class="rl-review-button rl-review-clear"
            data-review-action="clear"
            disabled={busy}
            onClick={() => void send(null)}
          >
            {t.clearReview}
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="rl-review-error" role="alert">
          {t.reviewFailed}: {error}
        </p>
      ) : null}
    </div>
  );
}

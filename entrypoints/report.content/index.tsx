/**
 * The report script: injected on demand by the background (never declared in the manifest), into the
 * one frame whose detector hit, or into the active tab when the user asks "检查此页".
 * Runs the pipeline, mounts the panel in a shadow root, sends the Report to the background once per
 * check (the answer brings the saved state, reviews and cross-year findings), takes later changes pushed
 * by the background (library edits), and re-checks when the article changes.
 *
 * First paint (issue 19): the panel shows the page's own check as soon as it is done. What the reader does
 * not see yet comes after and updates the panel in place: the prose rules (a part loaded after the paint),
 * then the background's answer. Parts most pages never need (utils/parts.ts: the Traditional dictionaries,
 * the listing reader, the text-table reader) are not in this script; the background injects them into this
 * frame when asked, and a check that meets a missing one loads it and runs again.
 */
import { type ComponentChildren, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel, type PanelModel } from '@/components/panel/Panel';
import panelCss from '@/components/panel/panel.css?inline';
import { findingText } from '@/components/shared/FindingList';
import sharedCss from '@/components/shared/shared.css?inline';
import { clearHighlight, clearMarks, highlight, markFindings, panelPlacement } from '@/utils/anchor/highlight';
import type { ListingSummary } from '@/utils/batch/protocol';
import { readListing } from '@/utils/detect/listing';
import { type Said, saidText } from '@/utils/i18n/said';
import { onMessage, type PageState, type SavedState, sendMessage } from '@/utils/messaging';
import { hasPart, PART_NAMES, type PartName, PartNotLoaded, part } from '@/utils/parts';
import { type PdfLink, pdfLinks } from '@/utils/pdf/url';
import { checkDocument } from '@/utils/pipeline';
import type { Finding, Report } from '@/utils/report/types';
import type { ReviewMap, ReviewStatus } from '@/utils/reviews';
import { findingKey, isDismissed } from '@/utils/reviews';
import { addLaterRules, checkedCount, hasLaterRules, newTally, type Rule, runRules, sortFindings } from '@/utils/rules';
import type { RuleHelp } from '@/utils/rules/help-source';
import { getPanelState, getSettings, type PanelState, resolveLocale, type Settings, setPanelState, watchSettings } from '@/utils/settings';
import { detectScript } from '@/utils/text/script';
import { guardHost } from './guard';
import type { PictureReading, PicturesPart } from './pictures';
import { mountShadowUi, type ShadowUi } from './shadow-ui';
import { watchArticle } from './watch';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main(ctx) {
    // Injected twice into the same document (popup "check" after a detector hit): re-check, don't remount.
    const g = globalThis as { __reportLens?: { recheck: () => void } };
    if (g.__reportLens) {
      g.__reportLens.recheck();
      return;
    }
    const lens = new ReportLens(ctx);
    g.__reportLens = { recheck: () => void lens.check('recheck') };
    void lens.start();
  },
});

type CheckResult = ReturnType<typeof checkDocument>;
type Anchors = CheckResult['anchors'];

/** A page that is not a report, read as a 年报 listing (the popup offers batch-check); null when it is not one. */
function readListingOf(url: string): ListingSummary | null {
  try {
    const listing = readListing(document, url);
    return listing.isListing ? { url, reports: listing.reports, nextPages: listing.nextPages } : null;
  } catch (error) {
    // An offer to make, never a reason for the check to fail.
    console.warn('[report-lens] reading the listing failed', error);
    return null;
  }
}

/**
 * Whether the page is probably Traditional, from its title, language and first heading only (reading the
 * article is the parse's job): its dictionaries are then asked for while settings are read. A wrong guess
 * costs only time: the check loads them when it meets Traditional text.
 */
function probablyTraditional(doc: Document): boolean {
  if (/^zh-(hant|tw|hk|mo)/i.test(doc.documentElement.lang)) return true;
  const h1 = doc.getElementsByTagName('h1').item(0)?.textContent ?? '';
  return detectScript(`${doc.title} ${h1.slice(0, 200)}`) === 'hant';
}

/**
 * 附件: the PDFs the page links, offered to pdf.html (read from the page, not the parser). The reader comes
 * with a part (the later rules on a report page, the listing reader elsewhere): none without it.
 */
function attachmentsOf(url: string): PdfLink[] {
  try {
    return pdfLinks(document, url);
  } catch (error) {
    // An offer to make, never a reason for the check to fail.
    if (!(error instanceof PartNotLoaded)) console.warn('[report-lens] reading attachment links failed', error);
    return [];
  }
}

/** Storage key: the panel's key figures folded away, for every site. */
const FIGURES_FOLDED = 'figuresFolded';

/** After a re-check caused by the page changing, wait this long without further change before saving. */
const SETTLE_BEFORE_SAVE_MS = 5000;

/** What the 'pictures' part uses of the report script (PictureLens) is public; the rest is its own. */
class ReportLens {
  settings: Settings | null = null;
  private panelState: PanelState = 'expanded';
  private report: Report | null = null;
  private findings: Finding[] = [];
  private anchors: Anchors | null = null;
  saved: SavedState | null = null;
  private reviews: ReviewMap = {};
  private saving = false;
  private saveError: Said | undefined;
  private attachments: PdfLink[] = [];
  private ui: ShadowUi | null = null;
  private checking = false;
  private host = location.hostname;
  /** 'page' until the prose rules have run and the background has answered this check. */
  private stage: 'page' | 'complete' = 'page';
  private parts = new Map<PartName, Promise<void>>();
  /** Tables published as pictures (issue 18): the live page's own text, the reading under way, its panel line. */
  private text = '';
  private reading: PictureReading | null = null;
  /** Written by the part (PictureLens). */
  pictures: ComponentChildren = null;
  /** Relations and figures the rules compared on this page (the answer line). */
  private checked = 0;
  private figuresFolded = false;
  /** Folded to its tab for now, out of the way of the place a finding points at. */
  private tucked = false;
  private help: Readonly<Record<string, RuleHelp>> | null = null;
  private reveal: { index: number; n: number } | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  async start(): Promise<void> {
    // Storage reads and, on a Traditional page, its dictionaries are on their way while the page is parsed.
    const stored = Promise.all([getSettings(), getPanelState(this.host), browser.storage.local.get(FIGURES_FOLDED).catch(() => ({}))]);
    const dictionaries = probablyTraditional(document) ? this.loadPart('t2s').catch(() => undefined) : null;
    this.stored = stored.then(([settings, state, folded]) => {
      this.settings = settings;
      this.panelState = state;
      this.figuresFolded = (folded as Record<string, unknown>)[FIGURES_FOLDED] === true;
    });
    if (dictionaries) await dictionaries;
    this.ctx.onInvalidated(
      watchSettings((settings) => {
        this.settings = settings;
        this.renderPanel();
      }),
    );
    onMessage('pageStateChanged', ({ data }) => {
      if (this.report?.isReport) this.apply(data);
    });
    onMessage('reopenPanel', () => {
      void this.setState('expanded');
    });
    // "在本网站不再显示" chosen in the popup: this page's panel goes too (the choice is stored for the site).
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some((key) => key.endsWith(`:${this.host}`))) return;
      void getPanelState(this.host).then(
        (state) => {
          if (state === 'closed' && this.panelState !== 'closed') {
            this.panelState = 'closed';
            clearHighlight();
            clearMarks();
            this.renderPanel();
          }
        },
        () => undefined,
      );
    };
    browser.storage.onChanged.addListener(onStorage);
    this.ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    onMessage('findFinding', ({ data }) => {
      const finding = this.findings.find((f) => findingKey(f) === data.key);
      return { found: finding ? this.select(data.location ? { ...finding, location: data.location } : finding) : false };
    });
    await this.check('initial');
    // AJAX portals and tabbed articles: re-check when the article's text changes (debounced, capped).
    watchArticle(
      this.ctx,
      () => this.ui?.shadowHost ?? null,
      () => this.check('mutation'),
    );
  }

  /** Settings and panel state, read once at start. */
  private stored: Promise<void> = Promise.resolve();

  /** A part of this script (utils/parts.ts), injected into this frame by the background; once per part. */
  loadPart(name: PartName): Promise<void> {
    if (hasPart(name)) return Promise.resolve();
    let pending = this.parts.get(name);
    if (!pending) {
      pending = sendMessage('loadPart', { part: name }).then((answer) => {
        if (!hasPart(name)) throw new Error(`${name}: ${answer?.error}`);
      });
      // A failed load may be asked again by a later check.
      pending.catch(() => this.parts.delete(name));
      this.parts.set(name, pending);
    }
    return pending;
  }

  /** checkDocument, loading any part it meets missing and running again (at most once per part). */
  private async checkPage(url: string): Promise<ReturnType<typeof checkDocument>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return checkDocument(document, { url });
      } catch (error) {
        if (!(error instanceof PartNotLoaded) || attempt >= PART_NAMES.length) throw error;
        await this.loadPart(error.part);
      }
    }
  }

  /**
   * The later rules (prose, dates, library), after the first paint: then this page's findings are the whole
   * catalogue's. Only they run: the page's own findings are kept, and as the later rules close the catalogue, sorting
   * the two together gives the order one run of all the rules gives.
   */
  private async laterFindings(report: Report, first: Finding[]): Promise<Finding[] | null> {
    if (hasLaterRules()) return null;
    await this.loadPart('laterRules');
    const rules = part<{ rules: readonly Rule[] }>('laterRules').rules;
    addLaterRules(rules);
    this.laterStyles();
    const tally = newTally();
    const later = runRules(report, {}, rules, tally);
    this.checked += checkedCount(tally);
    return sortFindings(report, [...first, ...later]);
  }

  /** The panel's styles that come with the later part (the review form), once it is loaded. */
  private laterStyles(): void {
    if (this.ui && hasPart('laterRules')) this.ui.addStyle('laterRules', part<{ css: string }>('laterRules').css);
  }

  /** Parse and check the page; returns whether the page is a report. */
  async check(reason: 'initial' | 'mutation' | 'recheck' | 'pictures', read?: CheckResult): Promise<boolean> {
    if (this.checking) return !!this.report?.isReport;
    this.checking = true;
    try {
      const url = location.href;
      const result = read ?? (await this.checkPage(url));
      await this.stored;
      const { report } = result;
      if (reason === 'mutation' && report.text === this.text) return report.isReport;
      // A new check of the page (not the copy with its pictures read): the reading under way is dropped.
      if (!read) {
        this.text = report.text;
        this.reading?.stop();
        this.reading = null;
        this.pictures = null;
      }
      if (!report.isReport) {
        this.report = report;
        this.findings = [];
        // A 年报 listing is never a report and gets no panel, even when it links PDFs: the popup offers
        // batch-check instead of attachments. A page named like a report that only links its PDF gets the offer alone.
        // The listing reader is a part, asked for on pages that are no report (report pages never need it);
        // it brings the attachment reader too.
        await this.loadPart('listing').catch((error: unknown) => console.warn('[report-lens]', error));
        let attachments = (this.attachments = attachmentsOf(url));
        const listing = hasPart('listing') ? readListingOf(url) : null;
        if (listing) this.attachments = attachments = [];
        await sendMessage('pageChecked', { url, report, findings: [], save: false, attachments, ...(listing ? { listing } : {}) }).catch(
          () => undefined,
        );
        if (attachments.length) await this.mount();
        else this.unmount();
        return false;
      }
      // Show the panel first with this page's own findings; the saved state, reviews and cross-year
      // findings arrive in the background's answer a moment later (panel time is measured from document_idle).
      this.report = report;
      this.findings = result.findings;
      this.anchors = result.anchors;
      this.checked = checkedCount(result.tally);
      this.stage = 'page';
      clearHighlight();
      await this.mount();
      // First paint done: the later rules now, in place (their part loads while the panel is on screen).
      try {
        const all = await this.laterFindings(report, result.findings);
        if (all && this.report === report) {
          this.findings = all;
          this.renderPanel();
        }
      } catch (error) {
        console.warn('[report-lens]', error);
      }
      // 附件 (an offer, not a finding): read with the later part, shown in place.
      const attachments = (this.attachments = attachmentsOf(url));
      if (attachments.length) this.renderPanel();
      // The one message of this check that carries the Report. Auto-save on a page's first check happens
      // in the same round trip; a page that keeps rewriting its article is saved once it has settled.
      const autoSave = !!this.settings?.autoSave;
      // Its standard tables missing and pictures shown: the 'pictures' part reads them into a copy of the page.
      const s = report.standard;
      const pictures = !read && !(s.activeDisclosure && s.applications && s.reviewLitigation) && !!document.querySelector('img');
      // Read at once: saved once read ('pictures'), not before.
      if (pictures && this.settings?.readPictures !== 'ask') reason = 'pictures';
      if (autoSave && reason === 'initial') {
        this.saving = true;
        this.renderPanel();
      }
      const answer = await sendMessage('pageChecked', {
        url,
        report,
        findings: this.findings,
        checked: this.checked,
        save: autoSave && (reason === 'initial' || !!read),
        attachments,
      }).catch(() => null);
      this.saving = false;
      this.stage = 'complete';
      if (answer) this.apply(answer);
      else this.renderPanel();
      if (autoSave && reason !== 'initial' && reason !== 'pictures') this.scheduleSave();
      if (pictures)
        void this.loadPart('pictures').then(
          () => (this.reading = part<PicturesPart>('pictures').readPagePictures(this, result, checkDocument)),
        );
      return true;
    } catch (error) {
      console.warn('[report-lens] check failed', error);
      return false;
    } finally {
      this.checking = false;
    }
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SETTLE_BEFORE_SAVE_MS);
  }

  /** The background's word on this page: findings (with cross-year ones), saved state, reviews. */
  private apply(state: PageState): void {
    this.findings = state.findings;
    this.saved = state.saved;
    this.reviews = state.reviews ?? {};
    this.saveError = state.saveError;
    this.renderPanel();
    this.wordSaveError();
  }

  /** A failure's words come with the 'said' part, loaded the first time one is to be shown. */
  private wordSaveError(): void {
    if (this.saveError)
      void this.loadPart('said').then(
        () => this.renderPanel(),
        () => undefined,
      );
  }

  /** Save the report the background already has from this check (no Report crosses again). */
  async save(): Promise<void> {
    if (!this.report) return;
    this.saving = true;
    this.renderPanel();
    // No answer (the worker stopped mid-save): the browser's own words are not for the reader.
    const unanswered = () => ({ ok: false as const, error: { notice: 'saveUnanswered' } as Said });
    const answer = await sendMessage('saveChecked', undefined).catch(unanswered);
    this.saving = false;
    if (answer.ok) {
      this.saved = answer.saved;
      this.saveError = undefined;
    } else {
      this.saveError = answer.error;
    }
    this.renderPanel();
    this.wordSaveError();
  }

  model(): PanelModel | null {
    const report = this.report;
    if (!report) return null;
    const printed = report.meta.printed;
    const locale = resolveLocale(this.settings?.language ?? 'auto', report.meta.script);
    return {
      title: printed?.title || report.meta.title,
      agency: printed?.agency || report.meta.agency,
      year: report.meta.year,
      era: report.meta.format,
      figures: report.figures,
      ...(report.doubtfulFigures ? { doubtfulFigures: report.doubtfulFigures } : {}),
      findings: this.findings,
      reviews: this.reviews,
      locale,
      saved: this.saved,
      saving: this.saving,
      saveError: this.saveError && (saidText(this.saveError, locale) || undefined),
      isReport: report.isReport,
      attachments: this.attachments,
      stage: report.isReport ? this.stage : 'complete',
      checked: this.checked,
      figuresFolded: this.figuresFolded,
      tucked: this.tucked,
      help: this.help,
      reveal: this.reveal,
    };
  }

  /**
   * × ('closed') closes the panel on this page only: it is not stored, so the site's next page shows it
   * again. Only folding is remembered for the site. "Don't show on this site" is the popup's explicit choice
   * (stored as 'closed'); a panel shown again on such a site is shown on that page only.
   */
  private async setState(state: PanelState): Promise<void> {
    const hiddenOnSite = (await getPanelState(this.host).catch(() => 'expanded' as PanelState)) === 'closed';
    this.panelState = state;
    this.tucked = false;
    if (state === 'closed') clearHighlight();
    this.renderPanel();
    if (state !== 'closed' && !this.ui) await this.mount();
    if (state !== 'closed' && !hiddenOnSite) await setPanelState(this.host, state).catch(() => undefined);
  }

  private select(finding: Finding): boolean {
    const target = this.anchors?.resolve(finding.location) ?? null;
    if (!target) {
      clearHighlight();
      return false;
    }
    // Out of the panel's way (issue 21.1): the panel moves to the other corner or folds to its tab.
    const placement = panelPlacement(
      () => this.ui?.shadowHost ?? null,
      () => {
        this.tucked = true;
        this.renderPanel();
      },
    );
    return highlight(target, document, placement) !== null;
  }

  /** Every located finding marked in the page at once (not dismissed ones); a click on one opens its card. */
  private markPage(): void {
    const anchors = this.anchors;
    if (!anchors || !this.ui || this.panelState === 'closed' || !this.report?.isReport) {
      clearMarks();
      return;
    }
    const locale = this.model()!.locale;
    markFindings(
      this.findings,
      (l) => anchors.resolve(l),
      (f) => isDismissed(f, this.reviews),
      (f) => findingText(f, locale),
      async (index) => {
        const finding = this.findings[index];
        if (!finding) return;
        // The panel open first, so that the place is kept clear of it as it now is.
        if (this.panelState !== 'expanded' || this.tucked) await this.setState('expanded');
        this.reveal = { index, n: (this.reveal?.n ?? 0) + 1 };
        this.renderPanel();
        this.select(finding);
      },
    );
  }

  private loadHelp(): void {
    void this.loadPart('help').then(
      () => {
        this.help = part<{ help: Record<string, RuleHelp> }>('help').help;
        this.renderPanel();
        // Not loaded: the card's details show the rule id alone; opening them again asks again.
      },
      () => undefined,
    );
  }

  /** Confirm / dismiss / clear a finding's review through the background; null when saved, else the error. */
  private async review(finding: Finding, review: { status: ReviewStatus; note: string } | null): Promise<string | null> {
    const answer = await sendMessage('reviewFinding', { tabId: -1, key: findingKey(finding), review }).catch((error: unknown) => ({
      ok: false as const,
      error: { notice: 'reviewNotSaved', detail: String(error) } as Said,
    }));
    if (!answer.ok) {
      await this.loadPart('said').catch(() => undefined);
      return saidText(answer.error, this.model()?.locale ?? 'zh-Hans');
    }
    this.saved = answer.saved;
    this.saveError = undefined;
    this.reviews = answer.reviews;
    this.renderPanel();
    return null;
  }

  renderPanel(): void {
    const model = this.model();
    if (!this.ui || !model) return;
    render(
      <Panel
        model={model}
        state={this.panelState}
        onState={(state) => void this.setState(state)}
        onSelect={(finding) => this.select(finding)}
        onSave={() => void this.save()}
        onReview={(finding, review) => this.review(finding, review)}
        onOpenLibrary={() => void sendMessage('openLibrary', { tabId: -1 }).catch(() => undefined)}
        onCheckPdf={(src) => void sendMessage('openPdf', { url: src }).catch(() => undefined)}
        pictures={this.pictures}
        onFigures={(folded) => {
          this.figuresFolded = folded;
          this.renderPanel();
          void browser.storage.local.set({ [FIGURES_FOLDED]: folded }).catch(() => undefined);
        }}
        onHelp={() => this.loadHelp()}
      />,
      this.ui.uiContainer,
    );
    this.markPage();
  }

  private async mount(): Promise<void> {
    if (this.ui) {
      this.renderPanel();
      return;
    }
    const ui = mountShadowUi('report-lens', sharedCss + '\n' + panelCss, () => {
      if (this.ui) render(null, this.ui.uiContainer);
    });
    this.ctx.onInvalidated(() => {
      if (this.ui === ui) this.unmount();
    });
    this.ui = ui;
    guardHost(this.ctx, ui.shadowHost);
    this.laterStyles();
    this.renderPanel();
  }

  private unmount(): void {
    clearHighlight();
    clearMarks();
    this.ui?.remove();
    this.ui = null;
  }
}

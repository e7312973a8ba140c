/**
 * The shared helper of the three user walks (issue 21 item 10: walk-journalist, walk-evaluator,
 * walk-official): the two window sizes, screenshot names (test-results/walks/<browser>-<size>-<user>-<step>.png),
 * an axe-core run on our UI (the panel's shadow root or an extension page) that fails on serious and critical
 * violations, and keyboard-only moves: Tab until the focus (through open shadow roots) is on the control
 * named, then Enter — never a click.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PptrPage } from 'puppeteer-core';
import type { Driver, TestPage } from './driver';
import { GOV_HOST, GOV_HOST_2 } from './server';
import type { DriverOf } from './session';

export const WALK_RESULTS = resolve(import.meta.dirname, '../../../test-results/walks');
mkdirSync(WALK_RESULTS, { recursive: true });

/**
 * The two sizes the issue names: a common laptop and a small one. The journalist's and the official's walks
 * take both sizes in one browser (one launch per browser, not per size), each size on a host of its own: the
 * library keys saved reports, their reviews and a page's closed panel by address, so the walk at the second
 * size meets none of the first's.
 */
export const SIZES = [
  { name: '1280x900', width: 1280, height: 900, host: GOV_HOST },
  { name: '1024x640', width: 1024, height: 640, host: GOV_HOST_2 },
] as const;
export type Size = (typeof SIZES)[number];

export type User = 'journalist' | 'evaluator' | 'official';

/** test-results/walks/<browser>-<size>-<user>-<step>.png */
export function shotPath(browser: string, size: Size, user: User, step: string): string {
  return join(WALK_RESULTS, `${browser}-${size.name}-${user}-${step}.png`);
}

type AnyDriver = DriverOf<'chromium'> | DriverOf<'firefox'>;
type Raw = { kind: 'chromium'; page: PwPage } | { kind: 'firefox'; page: PptrPage };

/**
 * The automation page behind a TestPage: Chromium's wrapper carries it; for Firefox it is found among the
 * browser's pages by a name written into window.name (URLs repeat and change with the hash).
 */
const rawOf = new WeakMap<TestPage, Raw>();
async function rawPage(driver: Driver, page: TestPage): Promise<Raw> {
  const d = driver as AnyDriver;
  if (d.name === 'chromium') return { kind: 'chromium', page: (page as TestPage & { raw: PwPage }).raw };
  const known = rawOf.get(page);
  if (known) return known;
  const mark = `walk-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => void (window.name = m), mark);
  for (const p of await (d as DriverOf<'firefox'>).browser.pages()) {
    const name = await p.evaluate(() => window.name).catch(() => '');
    if (name === mark) {
      rawOf.set(page, { kind: 'firefox', page: p });
      return { kind: 'firefox', page: p };
    }
  }
  throw new Error(`no Firefox page for ${page.url}`);
}

/** The page's viewport set to the walk's size (the window itself is 1280×900 in both drivers). */
export async function setSize(driver: Driver, page: TestPage, size: Size): Promise<void> {
  const raw = await rawPage(driver, page);
  if (raw.kind === 'chromium') await raw.page.setViewportSize({ width: size.width, height: size.height });
  else await raw.page.setViewport({ width: size.width, height: size.height });
  await page.waitFor((w: number) => innerWidth === w, size.width, 15_000);
}

/** Text typed with the keyboard (Chinese included: both drivers insert characters not on the key map). */
export async function typeText(driver: Driver, page: TestPage, text: string): Promise<void> {
  const raw = await rawPage(driver, page);
  if (raw.kind === 'chromium') await raw.page.keyboard.type(text);
  else await raw.page.keyboard.type(text);
}

/** The page's viewport size as the page sees it. */
export function viewport(page: TestPage): Promise<{ width: number; height: number }> {
  return page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
}

/** How many key presses each step of a walk took: test-results/walks/<browser>-<size>-<user>-keys.json. */
export function writeKeyLog(browser: string, size: Size, user: User, log: Record<string, number>): void {
  writeFileSync(join(WALK_RESULTS, `${browser}-${size.name}-${user}-keys.json`), JSON.stringify(log, null, 2));
}

// ---- accessibility (axe-core) ----

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core run in the page: on the panel's host (`report-lens`, whose open shadow root axe enters) or, with
 * no include, on the whole page (an extension page). The source is evaluated as a string, which the
 * automation protocols run outside the page's CSP (extension pages forbid eval). Every violation is written
 * to test-results/walks/<name>-axe.json; the serious and critical ones are returned.
 */
export async function axeSerious(driver: Driver, page: TestPage, name: string, include?: string): Promise<AxeViolation[]> {
  const raw = await rawPage(driver, page);
  const run = `(async () => {
    if (!window.axe) { ${AXE_SOURCE}\n }
    const context = ${include ? JSON.stringify({ include: [[include]] }) : 'document'};
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return {
      passed: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })),
    };
  })()`;
  const { passed, violations } = (raw.kind === 'chromium' ? await raw.page.evaluate(run) : await raw.page.evaluate(run)) as {
    passed: number;
    violations: AxeViolation[];
  };
  writeFileSync(join(WALK_RESULTS, `${name}-axe.json`), JSON.stringify({ passedRules: passed, violations }, null, 2));
  // A run that checked nothing (a wrong include, an empty page) would pass silently: refuse it.
  if (passed === 0) throw new Error(`axe checked nothing on ${name}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** "id: help (nodes)" lines, for a readable failure. */
export const describeViolations = (vs: AxeViolation[]) => vs.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(', ')})`);

// ---- keyboard ----

export interface Target {
  /** CSS selector the focused element must match (inside the shadow root when it is there). */
  selector?: string;
  /** Its accessible name (aria-label, else text) must match this. */
  name?: RegExp;
  /** And it must sit inside an element matching this selector. */
  within?: string;
}

/** The deepest focused element (through open shadow roots), described; null when the page has not the focus. */
export function focused(page: TestPage): Promise<{ tag: string; name: string; inPanel: boolean } | null> {
  return page.evaluate(() => {
    if (!document.hasFocus()) return null;
    let el: Element | null = document.activeElement;
    let inPanel = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName === 'REPORT-LENS') inPanel = true;
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body) return null;
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    return { tag: el.tagName.toLowerCase(), name, inPanel };
  });
}

interface WireTarget {
  selector?: string;
  within?: string;
  name?: { source: string; flags: string };
}

/**
 * Whether the focus is on the target, and where it is ("panel:button "name"", or "(body)"), in one round trip
 * to the page: a walk presses Tab 30 to 50 times per step.
 */
function focusMatches(page: TestPage, target: Target): Promise<{ ok: boolean; where: string }> {
  const wire: WireTarget = {
    selector: target.selector,
    within: target.within,
    name: target.name ? { source: target.name.source, flags: target.name.flags } : undefined,
  };
  return page.evaluate((t: WireTarget) => {
    // Past the page's last control the focus goes to the browser's own UI: activeElement still names the
    // last control then, but keys no longer reach it.
    if (!document.hasFocus()) return { ok: false, where: '(body)' };
    let el: Element | null = document.activeElement;
    let inPanel = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName === 'REPORT-LENS') inPanel = true;
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body) return { ok: false, where: '(body)' };
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    const where = `${inPanel ? 'panel:' : ''}${el.tagName.toLowerCase()} "${name.slice(0, 30)}"`;
    if (t.selector && !el.matches(t.selector)) return { ok: false, where };
    if (t.within && !el.closest(t.within)) return { ok: false, where };
    if (t.name && !new RegExp(t.name.source, t.name.flags).test(name)) return { ok: false, where };
    return { ok: true, where };
  }, wire);
}

/**
 * Press Tab (or Shift+Tab) until the focus is on the target, at most `max` times; throws, naming where the
 * focus went, when the target is not reachable by keyboard.
 */
export async function tabTo(
  driver: Driver,
  page: TestPage,
  target: Target,
  { max = 400, back = false }: { max?: number; back?: boolean } = {},
): Promise<number> {
  if ((await focusMatches(page, target)).ok) return 0;
  const seen: string[] = [];
  for (let i = 1; i <= max; i++) {
    if (back) await shiftTab(driver, page);
    else await page.press('Tab');
    const focus = await focusMatches(page, target);
    if (focus.ok) return i;
    seen.push(focus.where);
  }
  throw new Error(
    `not reached by ${back ? 'Shift+' : ''}Tab in ${max} presses: ${JSON.stringify(target, (_k, v) => (v instanceof RegExp ? String(v) : v))}; focus went: ${seen.slice(-40).join(' → ')}`,
  );
}

/** Shift+Tab (Puppeteer names no key chords: Shift held around Tab). */
export async function shiftTab(driver: Driver, page: TestPage): Promise<void> {
  const raw = await rawPage(driver, page);
  if (raw.kind === 'chromium') return raw.page.keyboard.press('Shift+Tab');
  await raw.page.keyboard.down('Shift');
  await raw.page.keyboard.press('Tab');
  await raw.page.keyboard.up('Shift');
}

/** Tab to the target and press Enter on it; the number of key presses it took. */
export async function activate(
  driver: Driver,
  page: TestPage,
  target: Target,
  options?: { max?: number; back?: boolean },
): Promise<number> {
  const presses = await tabTo(driver, page, target, options);
  await page.press('Enter');
  return presses + 1;
}

/** Poll an async condition. */
export async function until(condition: () => Promise<unknown>, timeoutMs = 45_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The badge tooltip of a tab (action in MV3, browserAction in MV2). */
export function badgeTitle(driver: Driver, tabId: number): Promise<string> {
  return driver.extEval<string>(
    `const api = globalThis.browser ?? globalThis.chrome; const action = api.action ?? api.browserAction; return await action.getTitle({ tabId: ${tabId} });`,
  );
}

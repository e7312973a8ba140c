/**
 * Parts of the report script that most report pages never need, loaded into the page only when one does
 * (issue 19): the Traditional → Simplified dictionaries (Traditional pages), the listing reader (年报
 * listing pages), the text-table reader (text dumps), the rules run after the first paint (prose, and those that need the library)
 * the reading of tables published as pictures (issue 18), the rules' help and the words of a failed save. In the extension's report script each of these
 * modules is replaced at build time by a stub that asks this registry (wxt-plugins/report-parts.ts); the
 * background injects the part's own small content script into the same frame, which registers it here
 * (the report script and the part share the frame's isolated world). Everywhere else (CLI, tests, the
 * PDF page, the batch host) the modules are imported as they are and this registry is never asked.
 */
export const PART_NAMES = ['t2s', 'listing', 'textTables', 'laterRules', 'pictures', 'help', 'said'] as const;
export type PartName = (typeof PART_NAMES)[number];

const KEY = '__reportLensParts';
type Registry = Partial<Record<PartName, unknown>>;
const registry = (): Registry => ((globalThis as Record<string, unknown>)[KEY] ??= {}) as Registry;

/** Thrown by a stub when its part is not loaded yet: the report script loads it and checks again. */
export class PartNotLoaded extends Error {
  constructor(readonly part: PartName) {
    super(part);
    this.name = 'PartNotLoaded';
  }
}

export function isPartName(x: unknown): x is PartName {
  return typeof x === 'string' && (PART_NAMES as readonly string[]).includes(x);
}

export function registerPart(name: PartName, value: unknown): void {
  registry()[name] = value;
}

export function hasPart(name: PartName): boolean {
  return registry()[name] !== undefined;
}

export function part<T>(name: PartName): T {
  const value = registry()[name];
  if (value === undefined) throw new PartNotLoaded(name);
  return value as T;
}

/** The built file of each part's content script (entrypoints/part-<name>.content.ts). */
export const PART_FILES = {
  t2s: '/content-scripts/part-t2s.js',
  listing: '/content-scripts/part-listing.js',
  textTables: '/content-scripts/part-text-tables.js',
  laterRules: '/content-scripts/part-later-rules.js',
  pictures: '/content-scripts/part-pictures.js',
  /** The panel's 为什么 / 怎么改 of every rule, asked for when a card's help is first opened. */
  help: '/content-scripts/part-help.js',
  /** The words of a failed save or review (utils/i18n/said.ts), asked for when one is to be shown. */
  said: '/content-scripts/part-said.js',
} as const satisfies Record<PartName, string>;

export const partFile = <N extends PartName>(name: N): (typeof PART_FILES)[N] => PART_FILES[name];

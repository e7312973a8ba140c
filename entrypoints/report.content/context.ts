/**
 * The report script's ContentScriptContext (wxt.config.ts builds it in place of WXT's, about 3.5 KB
 * lighter): what this script uses of it — onInvalidated, setTimeout, isValid — and the one thing WXT's does
 * for us, stopping an older copy of this script when the extension was reloaded or updated under an open
 * page (its panel is removed; the new copy mounts its own). Nothing else in the build uses it.
 */
const STARTED = 'report-lens:started';

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    document.dispatchEvent(new CustomEvent(STARTED, { detail: { name: contentScriptName, id: this.id } }));
    const newer = (event: Event) => {
      const detail = (event as CustomEvent<{ name?: string; id?: string }>).detail;
      if (detail?.name === contentScriptName && detail.id !== this.id) this.notifyInvalidated();
    };
    document.addEventListener(STARTED, newer);
    this.onInvalidated(() => document.removeEventListener(STARTED, newer));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    const api = globalThis as { chrome?: { runtime?: { id?: string } }; browser?: { runtime?: { id?: string } } };
    if ((api.browser?.runtime ?? api.chrome?.runtime)?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  notifyInvalidated(): void {
    if (!this.signal.aborted) this.controller.abort();
  }
}

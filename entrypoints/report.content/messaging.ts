/**
 * @webext-core/messaging as the report script uses it, in ~1 KB instead of ~3.5 KB: wxt.config.ts builds
 * the report script with this module in place of the package (utils/messaging.ts is unchanged; the
 * background, popup and pages keep the package). The same wire format as the package's
 * defineExtensionMessaging: { id, type, data, timestamp } out, { res } or { err } back, through
 * `chrome.runtime` (which the package itself calls). test/unit/report.content/report-messaging.test.ts talks to the
 * package's own onMessage with it.
 */
type Api = {
  runtime: {
    lastError?: { message?: string };
    sendMessage(message: unknown, callback: (response: unknown) => void): void;
    onMessage: {
      addListener(listener: (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined): void;
    };
  };
};

export function defineExtensionMessaging() {
  const api = () => (globalThis as unknown as { chrome: Api }).chrome;
  let id = Math.floor(Math.random() * 1e4);
  const listeners: Record<string, (message: unknown) => unknown> = {};
  let listening = false;
  return {
    sendMessage(type: string, data: unknown): Promise<unknown> {
      const message = { id: id++, type, data, timestamp: Date.now() };
      return new Promise((resolve, reject) =>
        api().runtime.sendMessage(message, (response) => {
          const lastError = api().runtime.lastError;
          if (lastError) return reject(new Error(lastError.message));
          const { res, err } = (response ?? { err: { message: 'No response' } }) as {
            res?: unknown;
            err?: { message?: string; name?: string };
          };
          if (err != null) return reject(Object.assign(new Error(err.message ?? String(err)), { name: err.name ?? 'Error' }));
          resolve(res);
        }),
      );
    },
    onMessage(type: string, onReceived: (message: unknown) => unknown): () => void {
      if (!listening) {
        listening = true;
        api().runtime.onMessage.addListener((message, sender, sendResponse) => {
          const m = message as { type?: unknown; timestamp?: unknown } | null;
          if (typeof m !== 'object' || m === null || typeof m.type !== 'string' || typeof m.timestamp !== 'number') return false;
          const listener = listeners[m.type];
          if (!listener) return false;
          (async () => {
            try {
              return { res: await listener({ ...m, sender }) };
            } catch (error) {
              return { err: { name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error) } };
            }
          })().then(sendResponse);
          return true;
        });
      }
      listeners[type] = onReceived;
      return () => delete listeners[type];
    },
  };
}

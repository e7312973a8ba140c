/**
 * The report script's lean messaging client (entrypoints/report.content/messaging.ts, built in place of
 * @webext-core/messaging) speaks the package's wire format: its messages reach the package's own onMessage
 * handlers (as the background registers them) and their answers, values and errors, come back; messages the
 * background pushes with the package's sendMessage reach its onMessage.
 */

import { defineExtensionMessaging as packageMessaging } from '@webext-core/messaging';
import { afterEach, describe, expect, it } from 'vitest';
import { defineExtensionMessaging as leanMessaging } from '../../../entrypoints/report.content/messaging';

type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;

/** One fake `chrome`: runtime.sendMessage delivers to the listeners of the other side, as the browser does. */
function fakeChrome() {
  const sides = { page: [] as Listener[], background: [] as Listener[] };
  let current: 'page' | 'background' = 'page';
  const deliver = (to: Listener[], message: unknown, callback: (r: unknown) => void) => {
    let answered = false;
    for (const l of to) {
      const async = l(message, { tab: { id: 7 }, frameId: 0 }, (r) => {
        answered = true;
        callback(r);
      });
      if (async) return;
    }
    if (!answered) callback(undefined);
  };
  const runtime = {
    lastError: undefined,
    sendMessage: (message: unknown, callback: (r: unknown) => void) =>
      deliver(current === 'page' ? sides.background : sides.page, message, callback),
    onMessage: { addListener: (l: Listener) => sides[current].push(l), removeListener: () => undefined },
  };
  const tabs = {
    sendMessage: (_tab: number, message: unknown, _o: unknown, callback: (r: unknown) => void) => deliver(sides.page, message, callback),
  };
  return { chrome: { runtime, tabs }, as: (side: 'page' | 'background') => (current = side) };
}

const saved = (globalThis as { chrome?: unknown }).chrome;
afterEach(() => {
  (globalThis as { chrome?: unknown }).chrome = saved;
});

describe('report script messaging (lean client) against @webext-core/messaging', () => {
  it('sends typed messages to the package handlers and gets their answers and errors', async () => {
    const fake = fakeChrome();
    (globalThis as { chrome?: unknown }).chrome = fake.chrome;
    fake.as('background');
    const background = packageMessaging<{ add(d: { a: number; b: number }): number; fail(d: null): void }>();
    background.onMessage('add', ({ data, sender }) => data.a + data.b + ((sender as { tab: { id: number } }).tab.id === 7 ? 0 : 1000));
    background.onMessage('fail', () => {
      throw new Error('no such report');
    });
    fake.as('page');
    const page = leanMessaging();
    await expect(page.sendMessage('add', { a: 2, b: 3 })).resolves.toBe(5);
    await expect(page.sendMessage('fail', null)).rejects.toThrow('no such report');
    // A type nobody handles gets no answer: an error, as with the package.
    await expect(page.sendMessage('nobody', null)).rejects.toThrow();
  });

  it('receives what the background pushes with the package sendMessage', async () => {
    const fake = fakeChrome();
    (globalThis as { chrome?: unknown }).chrome = fake.chrome;
    fake.as('page');
    const page = leanMessaging();
    const seen: unknown[] = [];
    page.onMessage('pageStateChanged', (message) => {
      seen.push((message as { data: unknown }).data);
      return 'ok';
    });
    fake.as('background');
    const background = packageMessaging<{ pageStateChanged(d: { n: number }): string }>();
    await expect(background.sendMessage('pageStateChanged', { n: 4 }, 7)).resolves.toBe('ok');
    expect(seen).toEqual([{ n: 4 }]);
  });
});

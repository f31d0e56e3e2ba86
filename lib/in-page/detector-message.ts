/**
 * The detector's one message (entrypoints/news.content.ts → background: injectInPageView), sent
 * without @webext-core/messaging. Hand-written because that script runs on every page of the news
 * sites and each kilobyte it carries is parsed there (issue 16.4: ≤ 2 ms on a listing page);
 * the library's serialisation of errors and its listener machinery are of no use to a sender of
 * one message. It speaks the library's wire format ({ id, type, data, timestamp } → { res } or
 * { err }: node_modules/@webext-core/messaging/dist/generic-*.mjs), so the background's
 * `onMessage` answers it unchanged, and it is typed against the same protocol (lib/messaging.ts).
 */
import type { ProtocolMap } from '@/lib/messaging';

/** The messages this sender may send: those of the protocol that take no data. */
type NoDataMessage = {
  [K in keyof ProtocolMap]: Parameters<ProtocolMap[K]> extends [] ? K : never;
}[keyof ProtocolMap];

interface Runtime {
  sendMessage(message: unknown, callback: (response: unknown) => void): void;
  lastError?: { message?: string };
}

/** chrome.runtime in Chrome and Firefox alike (Firefox's content scripts have `chrome` too). */
const runtime = (): Runtime | undefined => (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime;

/** Send `type` to the background; resolves once it answered (true) or false when it could not be reached. */
export function sendToBackground(type: NoDataMessage): Promise<boolean> {
  return new Promise((resolve) => {
    const rt = runtime();
    if (!rt) return resolve(false);
    const message = { id: Math.floor(Math.random() * 1e9), type, data: undefined, timestamp: Date.now() };
    try {
      rt.sendMessage(message, (response) => {
        const failed = rt.lastError !== undefined || response == null;
        const err = typeof response === 'object' && response !== null && 'err' in response && response.err != null;
        resolve(!failed && !err);
      });
    } catch {
      resolve(false); // the extension was reloaded: this page's context is gone
    }
  });
}

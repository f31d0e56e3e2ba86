/**
 * Where the background sanitises HTML. `sanitizeBodies` is the one function both browsers run
 * (lib/archive/import.ts takes it for every imported body); it runs lib/html/sanitize.ts
 * sanitizeHtml — the project's one DOMPurify configuration — wherever the background has a DOM:
 * - Firefox: its background page has one, so right here;
 * - Chrome: the MV3 service worker has none, so in the offscreen document the background owns
 *   (./offscreen-document.ts), which answers `sanitizeBodies` messages through `serveSanitizer`
 *   (entrypoints/offscreen/ only wires it), in batches of at most MAX_MESSAGE_CHARS characters.
 */
import { browser, type Browser } from 'wxt/browser';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { batchesForMessages, onMessage, sendMessage } from '@/lib/messaging';
import { createOffscreenDocument, type OffscreenDocument } from './offscreen-document';

/** Whether this context has a DOM DOMPurify can use (Firefox's background page, an extension page; not a service worker). */
export function hasDom(scope: object = globalThis): boolean {
  const s = scope as { document?: unknown; DOMParser?: unknown };
  return typeof s.document === 'object' && s.document !== null && typeof s.DOMParser === 'function';
}

/** Every body through sanitizeHtml, in this context's DOM. */
export function sanitizeHere(htmls: readonly string[], win: Window = globalThis.window): string[] {
  return htmls.map((html) => sanitizeHtml(html, win));
}

/** How the background reaches a DOM when it has none (tests pass their own). */
export interface SanitizeRoute {
  hasDom: () => boolean;
  offscreen: OffscreenDocument;
  send: (batch: string[]) => Promise<string[] | null>;
}

const RETRIES = 3;
const notListening = (error: unknown) =>
  /receiving end does not exist|could not establish connection/i.test(String(error));

/** One batch to the offscreen document; retried while its listener is not there yet. */
async function sendBatch(route: SanitizeRoute, batch: string[]): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await route.send(batch);
      if (!Array.isArray(answer) || answer.length !== batch.length)
        throw new Error('the offscreen document refused the bodies');
      return answer;
    } catch (error) {
      if (attempt >= RETRIES || !notListening(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

let defaultOffscreen: OffscreenDocument | undefined;
const defaultRoute = (): SanitizeRoute => ({
  hasDom: () => hasDom(),
  offscreen: (defaultOffscreen ??= createOffscreenDocument()),
  send: (batch) => sendMessage('sanitizeBodies', batch),
});

/** Every body sanitised by sanitizeHtml, one result per body, in order — in both browsers. */
export async function sanitizeBodies(
  htmls: readonly string[],
  route: SanitizeRoute = defaultRoute(),
): Promise<string[]> {
  if (htmls.length === 0) return [];
  if (route.hasDom()) return sanitizeHere(htmls);
  return route.offscreen.use(async () => {
    const out: string[] = [];
    for (const batch of batchesForMessages(htmls)) out.push(...(await sendBatch(route, batch)));
    return out;
  });
}

/** Only the background (or another page of this extension), never a content script. */
function fromExtension(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined;
}

/** In the offscreen document: answer the background's `sanitizeBodies` messages. */
export function serveSanitizer(win: Window = globalThis.window): void {
  onMessage('sanitizeBodies', ({ data, sender }) =>
    fromExtension(sender) && Array.isArray(data) && data.every((h) => typeof h === 'string')
      ? sanitizeHere(data, win)
      : null,
  );
}

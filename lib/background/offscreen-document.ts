/**
 * Chrome's offscreen document, owned by the background: Chrome's MV3 service worker has no DOM,
 * so the background opens entrypoints/offscreen/ (reason DOM_PARSER: DOMPurify parses HTML) for
 * as long as some work needs it and closes it when the last one is done. One document at most
 * (Chrome allows one per extension): callers at the same time share it, and a document left
 * open by an earlier service worker is reused. Firefox never gets here (its background page has
 * a DOM: ./sanitize-host.ts).
 */

/** What this module uses of chrome.offscreen and chrome.runtime (passed in by tests). */
export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: 'DOM_PARSER'[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  /** chrome.runtime.getContexts, filtered to offscreen documents (Chrome 116+). */
  getContexts(filter: { contextTypes: 'OFFSCREEN_DOCUMENT'[]; documentUrls: string[] }): Promise<unknown[]>;
  /** chrome.runtime.getURL. */
  getURL(path: string): string;
}

/** The page the offscreen document loads (entrypoints/offscreen/index.html). */
export const OFFSCREEN_PATH = '/offscreen.html';
export const OFFSCREEN_JUSTIFICATION =
  'Sanitise the HTML of imported articles with DOMPurify, which needs a DOM parser (the service worker has none).';

export interface OffscreenDocument {
  /** Run `work` while the offscreen document is open (opening it first when needed). */
  use<T>(work: () => Promise<T>): Promise<T>;
}

interface ChromeGlobal {
  chrome?: {
    offscreen?: Pick<OffscreenApi, 'createDocument' | 'closeDocument'>;
    runtime?: Pick<OffscreenApi, 'getContexts' | 'getURL'>;
  };
}

/** Chrome's own API, or an error saying why there is none (not Chrome MV3, or no `offscreen` permission). */
export function chromeOffscreenApi(scope: unknown = globalThis): OffscreenApi {
  const chrome = (scope as ChromeGlobal).chrome;
  const offscreen = chrome?.offscreen;
  const runtime = chrome?.runtime;
  if (!offscreen?.createDocument || !runtime?.getContexts)
    throw new Error('this browser has no offscreen documents (chrome.offscreen)');
  return {
    createDocument: (p) => offscreen.createDocument(p),
    closeDocument: () => offscreen.closeDocument(),
    getContexts: (f) => runtime.getContexts(f),
    getURL: (path) => runtime.getURL(path),
  };
}

/** The background's offscreen document, through `api`. */
export function createOffscreenDocument(api: () => OffscreenApi = chromeOffscreenApi): OffscreenDocument {
  let users = 0;
  let opening: Promise<void> | null = null;
  let closing: Promise<void> | null = null;

  const open = async (chrome: OffscreenApi): Promise<void> => {
    await closing;
    const url = chrome.getURL(OFFSCREEN_PATH);
    const existing = await chrome.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (existing.length > 0) return;
    // resolves once the document has loaded, its module script (the message listener) included
    await chrome.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: OFFSCREEN_JUSTIFICATION,
    });
  };

  return {
    async use(work) {
      const chrome = api();
      users += 1;
      try {
        opening ??= open(chrome).finally(() => (opening = null));
        await opening;
        return await work();
      } finally {
        users -= 1;
        if (users === 0) {
          closing = chrome
            .closeDocument()
            .catch(() => undefined) // already closed (Chrome closes it with the browser)
            .finally(() => (closing = null));
        }
      }
    },
  };
}

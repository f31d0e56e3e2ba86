/**
 * Chrome's offscreen document as the background owns it (lib/background/offscreen-document.ts):
 * opened when work needs it, shared by work running at the same time, reused when an earlier
 * service worker left it open, closed when the last work is done — through a recording fake of
 * chrome.offscreen / chrome.runtime.
 */
import { describe, expect, it } from 'vitest';
import {
  chromeOffscreenApi,
  createOffscreenDocument,
  OFFSCREEN_PATH,
  type OffscreenApi,
} from '@/lib/background/offscreen-document';

function fakeChrome(options: { open?: boolean; closeFails?: boolean } = {}) {
  const calls: string[] = [];
  let open = options.open ?? false;
  const api: OffscreenApi = {
    async createDocument(p) {
      calls.push(`create ${p.url} ${p.reasons.join(',')}`);
      expect(p.justification.length).toBeGreaterThan(20);
      if (open) throw new Error('Only a single offscreen document may be created.');
      await new Promise((r) => setTimeout(r, 20)); // loading
      open = true;
    },
    async closeDocument() {
      calls.push('close');
      if (options.closeFails || !open) throw new Error('No current offscreen document.');
      open = false;
    },
    async getContexts(filter) {
      calls.push(`contexts ${filter.contextTypes.join(',')} ${filter.documentUrls.join(',')}`);
      return open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [];
    },
    getURL: (path) => `chrome-extension://abc${path}`,
  };
  return { api, calls, isOpen: () => open };
}

describe('the offscreen document', () => {
  it('opens for the work (reason DOM_PARSER), and closes when it is done', async () => {
    const chrome = fakeChrome();
    const doc = createOffscreenDocument(() => chrome.api);
    const result = await doc.use(async () => {
      expect(chrome.isOpen()).toBe(true);
      return 42;
    });
    expect(result).toBe(42);
    await new Promise((r) => setTimeout(r, 0));
    expect(chrome.calls).toEqual([
      `contexts OFFSCREEN_DOCUMENT chrome-extension://abc${OFFSCREEN_PATH}`,
      `create ${OFFSCREEN_PATH} DOM_PARSER`,
      'close',
    ]);
    expect(chrome.isOpen()).toBe(false);
  });

  it('work at the same time shares one document, closed after the last', async () => {
    const chrome = fakeChrome();
    const doc = createOffscreenDocument(() => chrome.api);
    let release!: () => void;
    const slow = doc.use(() => new Promise<string>((r) => (release = () => r('slow'))));
    const fast = doc.use(async () => 'fast');
    expect(await fast).toBe('fast');
    expect(chrome.isOpen()).toBe(true); // the slow work still needs it
    release();
    expect(await slow).toBe('slow');
    await new Promise((r) => setTimeout(r, 0));
    expect(chrome.calls.filter((c) => c.startsWith('create'))).toHaveLength(1);
    expect(chrome.calls.filter((c) => c === 'close')).toHaveLength(1);
  });

  it('reuses a document an earlier service worker left open', async () => {
    const chrome = fakeChrome({ open: true });
    await createOffscreenDocument(() => chrome.api).use(async () => undefined);
    expect(chrome.calls.some((c) => c.startsWith('create'))).toBe(false);
  });

  it('opens again for work that comes after a close, and closes even when the work fails', async () => {
    const chrome = fakeChrome();
    const doc = createOffscreenDocument(() => chrome.api);
    await expect(doc.use(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await doc.use(async () => expect(chrome.isOpen()).toBe(true)); // right after the close began
    await new Promise((r) => setTimeout(r, 0));
    expect(chrome.calls.filter((c) => c.startsWith('create'))).toHaveLength(2);
    expect(chrome.isOpen()).toBe(false);
  });

  it('a close that fails (already closed) does not fail the work', async () => {
    const chrome = fakeChrome({ closeFails: true });
    expect(await createOffscreenDocument(() => chrome.api).use(async () => 'done')).toBe('done');
  });

  it('says why when the browser has no offscreen documents (Firefox, or no permission)', async () => {
    expect(() => chromeOffscreenApi({})).toThrow(/no offscreen documents/);
    expect(() => chromeOffscreenApi({ chrome: { runtime: { getContexts: () => [] } } })).toThrow(/offscreen/);
    await expect(createOffscreenDocument(() => chromeOffscreenApi({})).use(async () => 1)).rejects.toThrow(
      /no offscreen documents/,
    );
  });
});

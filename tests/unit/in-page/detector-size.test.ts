/**
 * The detector (entrypoints/news.content.ts) runs on every page of the supported news sites, so it
 * must not grow back (issue 16.4: ≤ 2 ms of main thread on a listing page; see README →
 * Performance). Checked on both BUILT scripts: small, and without the libraries it once carried —
 * webextension-polyfill, @webext-core/messaging, the storage wrapper, the reader's Readability and
 * DOMPurify. And its hand-written sender (lib/in-page/detector-message.ts) is understood by the
 * library the background listens with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendToBackground } from '@/lib/in-page/detector-message';
import type { ProtocolMap } from '@/lib/messaging';
import { ensureBuilt } from '../../support/build';

/** gzip level 6 (the HTTP default, as the bench's case 4). Today ≈ 5.3 KB; it was 12.7 KB. */
const MAX_GZIP_BYTES = 7 * 1024;

/** A string only each library's code holds (checked on the build from before the change). */
const LIBRARIES: Record<string, RegExp> = {
  'webextension-polyfill': /__mozWebExtensionPolyfillReject__|webextension-polyfill/,
  '@webext-core/messaging': /\[messaging\]|Unknown message format/,
  '@wxt-dev/storage (wxt/utils/storage)': /defineItem|wxt\/storage/,
  Readability: /Readability/,
  DOMPurify: /DOMPurify/,
};

describe.each(['chrome', 'firefox'] as const)('the built %s detector (content-scripts/news.js)', (target) => {
  let code = '';
  beforeAll(() => {
    code = readFileSync(join(ensureBuilt(target), 'content-scripts/news.js'), 'utf8');
  }, 240_000);

  it(`is at most ${MAX_GZIP_BYTES / 1024} KB gzip`, () => {
    expect(gzipSync(code, { level: 6 }).length).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });

  it.each(Object.keys(LIBRARIES))('carries no %s', (name) => {
    expect(code).not.toMatch(LIBRARIES[name]!);
  });

  it('does not post a message to the page when it starts (every listener of the site would run)', () => {
    // WXT's wrapper keeps the call, behind the option entrypoints/news.content.ts sets
    expect(code).toMatch(/noScriptStartedPostMessage:(?:!0|true)/);
  });
});

describe('the detector’s message', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** One runtime where sendMessage reaches the listeners added with onMessage.addListener, as a background's would. */
  function fakeRuntime() {
    const listeners: ((message: unknown, sender: object, reply: (r: unknown) => void) => boolean | undefined)[] = [];
    const runtime = {
      lastError: undefined as { message: string } | undefined,
      onMessage: {
        addListener: (l: (typeof listeners)[number]) => listeners.push(l),
        removeListener: () => undefined,
      },
      sendMessage(message: unknown, callback: (response: unknown) => void) {
        const sender = { tab: { id: 7 }, frameId: 0 };
        let answered = false;
        for (const l of listeners) if (l(message, sender, (r) => ((answered = true), callback(r)))) return;
        if (!answered) callback(undefined);
      },
    };
    vi.stubGlobal('chrome', { runtime });
    return runtime;
  }

  it('reaches the background’s @webext-core/messaging listener, which answers it', async () => {
    fakeRuntime();
    const { onMessage } = defineExtensionMessaging<ProtocolMap>();
    const received: unknown[] = [];
    const remove = onMessage(
      'injectInPageView',
      ({ sender, data }) => void received.push({ tab: sender.tab?.id, data }),
    );
    expect(await sendToBackground('injectInPageView')).toBe(true);
    expect(received).toEqual([{ tab: 7, data: undefined }]);
    remove();
  });

  it('resolves false, never throws, when nobody answers or the extension is gone', async () => {
    fakeRuntime();
    expect(await sendToBackground('injectInPageView')).toBe(false);
    vi.stubGlobal('chrome', undefined);
    expect(await sendToBackground('injectInPageView')).toBe(false);
    vi.stubGlobal('chrome', {
      runtime: {
        sendMessage: () => {
          throw new Error('Extension context invalidated.');
        },
      },
    });
    expect(await sendToBackground('injectInPageView')).toBe(false);
  });
});

// @vitest-environment jsdom
/**
 * The background's one sanitiser (lib/background/sanitize-host.ts): sanitizeBodies runs
 * sanitizeHtml where the background has a DOM (Firefox), and otherwise sends the bodies, in
 * batches that fit a message, to the offscreen document, whose served handler (the same module,
 * as entrypoints/offscreen/ wires it) answers. Both routes give the same HTML.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { OffscreenDocument } from '@/lib/background/offscreen-document';
import { MAX_MESSAGE_CHARS } from '@/lib/limits';

type Handler = (message: { data: unknown; sender: Record<string, unknown> }) => unknown;
const handlers = new Map<string, Handler>();

vi.mock('@/lib/messaging', async (original) => ({
  ...(await original<typeof import('@/lib/messaging')>()),
  onMessage: (type: string, handler: Handler) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));

const { hasDom, sanitizeBodies, sanitizeHere, serveSanitizer } = await import('@/lib/background/sanitize-host');

const HOSTILE = [
  '<p onclick="alert(1)">Hà Nội<script>alert(2)</script></p><a href="javascript:alert(3)">x</a>',
  '<img src=x onerror=alert(4)><p>Viêng Chăn</p><iframe src="https://evil.example"></iframe>',
  '<svg><script>alert(5)</script></svg><p>Đoạn <b>kết</b>.</p>',
];

/** The offscreen document as the background sees it: its served handler, reached as a message would. */
function offscreenRoute(sender: Record<string, unknown> = { id: browser.runtime.id }) {
  const sent: string[][] = [];
  const uses: number[] = [];
  const offscreen: OffscreenDocument = {
    async use(work) {
      uses.push(1);
      return work();
    },
  };
  return {
    sent,
    uses,
    route: {
      hasDom: () => false,
      offscreen,
      send: async (batch: string[]) => {
        sent.push(batch);
        return (await handlers.get('sanitizeBodies')!({ data: JSON.parse(JSON.stringify(batch)), sender })) as
          string[] | null;
      },
    },
  };
}

describe('sanitizeBodies: the one sanitiser of the background, in both browsers', () => {
  beforeAll(() => serveSanitizer(window));

  it('knows where a DOM is: a page has one, a service worker (no document, no DOMParser) has none', () => {
    expect(hasDom(window)).toBe(true);
    expect(hasDom({})).toBe(false);
    expect(hasDom({ document: {} })).toBe(false);
  });

  it('with a DOM (Firefox) it sanitises right here: no script, handler or javascript: URL is left', async () => {
    const out = await sanitizeBodies(HOSTILE);
    expect(out).toEqual(sanitizeHere(HOSTILE, window));
    expect(out[0]).toBe('<p>Hà Nội</p><a>x</a>');
    for (const html of out) expect(html).not.toMatch(/script|onerror|onclick|javascript:|iframe|svg/i);
    expect(out[2]).toContain('<p>Đoạn <b>kết</b>.</p>');
  });

  it('without one (Chrome) it asks the offscreen document, and gets the same HTML', async () => {
    const { route, sent, uses } = offscreenRoute();
    expect(await sanitizeBodies(HOSTILE, route)).toEqual(sanitizeHere(HOSTILE, window));
    expect(sent).toEqual([HOSTILE]); // small bodies: one message
    expect(uses).toHaveLength(1);
    expect(await sanitizeBodies([], route)).toEqual([]);
    expect(uses).toHaveLength(1); // nothing to do: no document opened
  });

  it(`large bodies go in batches of at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters, answers in order`, async () => {
    const { route, sent } = offscreenRoute();
    const size = Math.floor(MAX_MESSAGE_CHARS * 0.4);
    const bodies = ['một', 'hai', 'ba', 'bốn', 'năm'].map((w) => `<p onmouseover="x()">${w}${' '.repeat(size)}</p>`);
    const out = await sanitizeBodies(bodies, route);
    expect(sent.map((b) => b.length)).toEqual([2, 2, 1]);
    for (const batch of sent) expect(batch.reduce((n, b) => n + b.length, 0)).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(out.map((h) => /<p>(\S+)/.exec(h)?.[1])).toEqual(['một', 'hai', 'ba', 'bốn', 'năm']);
    expect(out.join('')).not.toContain('onmouseover');
  });

  it('waits for an offscreen document still loading ("Receiving end does not exist"), then fails clearly', async () => {
    const { route } = offscreenRoute();
    let refusals = 2;
    const flaky = {
      ...route,
      send: async (batch: string[]) => {
        if (refusals-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        return route.send(batch);
      },
    };
    expect(await sanitizeBodies(['<p>a</p>'], flaky)).toEqual(['<p>a</p>']);
    const never = { ...route, send: async () => Promise.reject(new Error('Receiving end does not exist.')) };
    await expect(sanitizeBodies(['<p>a</p>'], never)).rejects.toThrow(/Receiving end/);
  });

  it('the offscreen document answers the background only: a content script (a tab) or another extension is refused', async () => {
    await expect(
      sanitizeBodies(['<p>a</p>'], offscreenRoute({ id: browser.runtime.id, tab: { id: 3 } }).route),
    ).rejects.toThrow(/refused/);
    await expect(sanitizeBodies(['<p>a</p>'], offscreenRoute({ id: 'other-extension' }).route)).rejects.toThrow(
      /refused/,
    );
    const serve = handlers.get('sanitizeBodies')!;
    for (const data of ['<p>a</p>', [1, 2], null, { 0: 'x' }])
      expect(await serve({ data, sender: { id: browser.runtime.id } })).toBeNull();
  });
});

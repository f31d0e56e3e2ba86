/**
 * The background's "Load images" fetch (lib/background/image-messages.ts): supported news sites
 * only, no credentials and no referrer, raster images only, at most MAX_IMAGE_BYTES read.
 */
import { describe, expect, it, vi } from 'vitest';
import { fetchImage } from '@/lib/background/image-messages';
import { MAX_IMAGE_BYTES } from '@/lib/limits';
import { FIXTURE_PNG } from '../../support/fixture-server';

const PHOTO = 'https://static.antv.gov.vn/uploads/2021/11/25/hop-tac.png';

function answer(body: BodyInit | null, headers: Record<string, string>, init: { status?: number; url?: string } = {}) {
  const response = new Response(body, { status: init.status ?? 200, headers });
  if (init.url) Object.defineProperty(response, 'url', { value: init.url });
  return response;
}

describe('fetchImage', () => {
  it('fetches a PNG from a supported site without credentials or referrer, and answers its exact bytes', async () => {
    const calls: [string, RequestInit][] = [];
    const outcome = await fetchImage(PHOTO, (url, init) => {
      calls.push([url, init]);
      return Promise.resolve(answer(new Uint8Array(FIXTURE_PNG), { 'content-type': 'image/png' }, { url }));
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe(PHOTO);
    expect(calls[0]![1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(calls[0]![1].signal).toBeInstanceOf(AbortSignal);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.type).toBe('image/png');
    expect(outcome.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(outcome.dataUrl.split(',')[1]!, 'base64').equals(FIXTURE_PNG)).toBe(true);
  });

  it.each([
    ['a site the extension has no permission for', 'https://anh.example.net/a.png'],
    ['a look-alike host', 'https://antv.gov.vn.evil.example/a.png'],
    ['a user name hiding the real host', 'https://antv.gov.vn@evil.example/a.png'],
    ['a user name on a supported host', 'https://user:pass@antv.gov.vn/a.png'],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['ftp', 'ftp://antv.gov.vn/a.png'],
    ['not a URL', 'hop-tac.png'],
  ])('refuses %s without fetching', async (_title, url) => {
    const fetchFn = vi.fn();
    expect(await fetchImage(url, fetchFn)).toEqual({ ok: false, code: 'host' });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('refuses a redirect to another site', async () => {
    const outcome = await fetchImage(PHOTO, () =>
      Promise.resolve(
        answer(new Uint8Array(FIXTURE_PNG), { 'content-type': 'image/png' }, { url: 'https://t.example/p.png' }),
      ),
    );
    expect(outcome).toEqual({ ok: false, code: 'host' });
  });

  it.each([
    ['text/html', 'not-image'],
    ['image/svg+xml', 'not-image'],
    ['application/octet-stream', 'not-image'],
    ['', 'not-image'],
    ['image/jpeg; charset=binary', 'ok'],
    ['IMAGE/WEBP', 'ok'],
  ])('content type "%s": %s', async (type, expected) => {
    const outcome = await fetchImage(PHOTO, () =>
      Promise.resolve(answer(new Uint8Array(FIXTURE_PNG), type ? { 'content-type': type } : {})),
    );
    expect(outcome.ok ? 'ok' : outcome.code).toBe(expected);
  });

  it('an error status, a network failure or a timeout: failed', async () => {
    expect(
      await fetchImage(PHOTO, () => Promise.resolve(answer('gone', { 'content-type': 'image/png' }, { status: 404 }))),
    ).toEqual({
      ok: false,
      code: 'failed',
    });
    expect(await fetchImage(PHOTO, () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({
      ok: false,
      code: 'failed',
    });
    expect(
      await fetchImage(PHOTO, () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'))),
    ).toEqual({ ok: false, code: 'failed' });
  });

  it('too large by its Content-Length: refused before reading', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const outcome = await fetchImage(PHOTO, () =>
      Promise.resolve(answer(body, { 'content-type': 'image/jpeg', 'content-length': String(MAX_IMAGE_BYTES + 1) })),
    );
    expect(outcome).toEqual({ ok: false, code: 'too-large' });
    expect(pulled).toBeLessThanOrEqual(2); // the stream's first pull (highWaterMark), nothing read on purpose
  });

  it('too large without a Content-Length: reading stops just past the limit', async () => {
    const CHUNK = 256 * 1024;
    let served = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        served += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK));
      },
    });
    const outcome = await fetchImage(PHOTO, () => Promise.resolve(answer(body, { 'content-type': 'image/png' })));
    expect(outcome).toEqual({ ok: false, code: 'too-large' });
    expect(served).toBeLessThanOrEqual(MAX_IMAGE_BYTES + 3 * CHUNK);
  });

  it('exactly at the limit is accepted, every byte intact', async () => {
    const bytes = new Uint8Array(MAX_IMAGE_BYTES).map((_, i) => (i * 7 + (i >> 11)) & 0xff);
    const outcome = await fetchImage(PHOTO, () => Promise.resolve(answer(bytes, { 'content-type': 'image/gif' })));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.dataUrl).toBe(`data:image/gif;base64,${Buffer.from(bytes).toString('base64')}`);
  });
});

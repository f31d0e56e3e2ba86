/**
 * The background side of the reader page's "Load images": it fetches one image of a saved article
 * when the user asked for them, so that reading a saved copy is never a read receipt by default.
 *
 * - Only for extension pages (not content scripts), and only from the supported news sites — the
 *   hosts the extension holds permission for (lib/clean/sites/hosts.ts); a redirect elsewhere fails.
 * - Without cookies or other credentials (`credentials: 'omit'`) and without a referrer.
 * - A raster image (`image/*`, not SVG: an SVG opened from a blob: URL would be a document of the
 *   extension's origin) of at most MAX_IMAGE_BYTES, read no further than that, within
 *   IMAGE_FETCH_TIMEOUT_MS; answered as a data: URL (messages carry strings, not blobs), which the
 *   reader page turns into a blob: URL.
 */
import type { Browser } from 'wxt/browser';
import { isSupportedUrl } from '@/lib/clean/sites/hosts';
import { IMAGE_FETCH_TIMEOUT_MS, MAX_IMAGE_BYTES } from '@/lib/limits';
import { onMessage, type ImageOutcome } from '@/lib/messaging';

type SenderCheck = (sender: Browser.runtime.MessageSender) => boolean;
type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The response's image type when it is a raster image ('image/png'…), else null. */
function rasterType(response: Response): string | null {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return /^image\/[a-z0-9.+-]+$/.test(type) && !type.startsWith('image/svg') ? type : null;
}

/** The body, or null once it passes `limit` bytes (reading stops there). */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array | null> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Base64 of `bytes`: the built-in where the browser has it, else in 96 KB pieces (a multiple of 3 bytes each). */
function base64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x18000)
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x18000, bytes.length)))));
  return parts.join('');
}

/** Fetch one image as the reader page's "Load images" does (see the file's header). */
export async function fetchImage(url: string, fetchFn: Fetch = (u, init) => fetch(u, init)): Promise<ImageOutcome> {
  if (!isSupportedUrl(url)) return { ok: false, code: 'host' };
  try {
    const response = await fetchFn(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: AbortSignal.timeout(IMAGE_FETCH_TIMEOUT_MS),
    });
    const done = (outcome: ImageOutcome) => {
      void response.body?.cancel().catch(() => undefined);
      return outcome;
    };
    if (response.url && !isSupportedUrl(response.url)) return done({ ok: false, code: 'host' });
    if (!response.ok) return done({ ok: false, code: 'failed' });
    const type = rasterType(response);
    if (!type) return done({ ok: false, code: 'not-image' });
    if (Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES)
      return done({ ok: false, code: 'too-large' });
    const bytes = await readAtMost(response, MAX_IMAGE_BYTES);
    if (!bytes) return { ok: false, code: 'too-large' };
    return { ok: true, type, dataUrl: `data:${type};base64,${base64(bytes)}` };
  } catch {
    return { ok: false, code: 'failed' };
  }
}

export function registerImageMessages(fromExtensionPage: SenderCheck): void {
  onMessage('fetchImage', ({ data, sender }) =>
    fromExtensionPage(sender) && typeof data === 'string' ? fetchImage(data) : { ok: false, code: 'invalid' },
  );
}

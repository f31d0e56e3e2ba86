/**
 * A saved article's remote images in the reader page: held back, so that opening a saved copy is
 * not a read receipt (the extension pages' CSP would block them anyway: img-src 'self' data: blob:).
 *
 * Each remote <img> becomes a placeholder before the body joins the document (nothing is
 * requested): the image's size kept, its alt text and its site shown, the figure's caption left
 * where it is. "Load images" (per article, each time it is opened) asks the background to fetch
 * them without cookies or referrer (lib/background/image-messages.ts) — only from the supported
 * news sites, the hosts the extension holds permission for; others stay placeholders and say why.
 * A loaded image is shown from a blob: URL of its checked bytes.
 */
import { t } from '@/lib/i18n';
import { MAX_LOADED_IMAGES } from '@/lib/limits';
import type { ImageOutcome } from '@/lib/messaging';
import { button, h } from '@/lib/ui/dom';

export interface HeldImage {
  readonly placeholder: HTMLElement;
  readonly url: string;
  readonly host: string;
  /** On a supported news site: "Load images" may fetch it. */
  readonly loadable: boolean;
  readonly alt: string;
  readonly width: number | null;
  readonly height: number | null;
}

export type FetchImage = (url: string) => Promise<ImageOutcome>;

/** Largest size attribute taken for the placeholder's box (px). */
const MAX_SIDE = 10_000;
const LOADS_AT_ONCE = 3;

function side(value: string | null): number | null {
  const m = value === null ? null : /^\s*(\d{1,5})\s*(?:px)?\s*$/i.exec(value);
  const n = m ? Number(m[1]) : 0;
  return n > 0 && n <= MAX_SIDE ? n : null;
}

const sheets = new WeakMap<Document, { sheet: CSSStyleSheet; sizes: Set<string> }>();

/**
 * A class giving the placeholder the image's box (aspect ratio, and its width at most), from a
 * stylesheet made with CSSOM calls: no style attribute in the article body, nothing for the CSP to refuse.
 */
function sizeClass(doc: Document, width: number | null, height: number | null): string | null {
  if (width === null) return null;
  const name = height === null ? `vl-held-w${width}` : `vl-held-${width}x${height}`;
  let entry = sheets.get(doc);
  if (!entry) {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (!Sheet || !('adoptedStyleSheets' in doc)) return null;
    try {
      const sheet = new Sheet();
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      entry = { sheet, sizes: new Set() };
    } catch {
      return null; // a browser without constructable stylesheets: placeholders keep the default box
    }
    sheets.set(doc, entry);
  }
  if (!entry.sizes.has(name)) {
    const ratio = height === null ? '' : ` aspect-ratio: ${width} / ${height};`;
    // more specific than reader.css's default box (.vl-body .vl-image-held)
    entry.sheet.insertRule(
      `.vl-body .vl-image-held.${name} { max-width: ${width}px;${ratio} }`,
      entry.sheet.cssRules.length,
    );
    entry.sizes.add(name);
  }
  return name;
}

function isRemote(src: string): boolean {
  return /^https?:/i.test(src) && URL.canParse(src);
}

/**
 * Replace every remote image in `body` (a sanitised fragment not yet in the document) with a
 * placeholder; `loadable(url)` says which may be fetched later.
 */
export function holdImages(body: DocumentFragment, doc: Document, loadable: (url: string) => boolean): HeldImage[] {
  const held: HeldImage[] = [];
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const url = img.getAttribute('src') ?? '';
    if (!isRemote(url)) {
      if (url) img.removeAttribute('src'); // the sanitiser lets only http(s) through; nothing else is fetched either
      continue;
    }
    const host = new URL(url).hostname;
    const alt = (img.getAttribute('alt') ?? '').trim();
    const width = side(img.getAttribute('width'));
    const height = side(img.getAttribute('height'));
    const size = sizeClass(doc, width, height);
    const placeholder = h(
      doc,
      'span',
      { className: `vl-image-held${size ? ` ${size}` : ''}`, testid: 'image-placeholder' },
      h(doc, 'span', { className: 'vl-image-held-label', text: t('readerImagePlaceholder') }),
      alt ? h(doc, 'span', { className: 'vl-image-held-alt', text: alt, isolate: true }) : null,
      h(doc, 'span', { className: 'vl-image-held-host', text: host, isolate: true }),
      h(doc, 'span', { className: 'vl-image-held-note', attrs: { role: 'status' } }),
    );
    img.replaceWith(placeholder);
    held.push({ placeholder, url, host, loadable: loadable(url), alt, width, height });
  }
  return held;
}

/** The bytes of a data: URL the background answered, as a Blob of `type` (no fetch: the CSP allows none). */
function blobOf(dataUrl: string, type: string): Blob | null {
  const m = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]*)$/.exec(dataUrl);
  if (!m || m[1] !== type || type.startsWith('image/svg')) return null;
  const binary = atob(m[2]!);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

const NOTES: Record<Exclude<ImageOutcome, { ok: true }>['code'], (image: HeldImage) => string> = {
  host: (image) => t('readerImageNotPermitted', image.host), // e.g. redirected to another site
  'too-large': () => t('readerImageTooLarge'),
  'not-image': () => t('readerImageNotImage'),
  failed: () => t('readerImageFailed'),
  invalid: () => t('readerImageFailed'),
};

function note(image: HeldImage, text: string): void {
  const node = image.placeholder.querySelector('.vl-image-held-note');
  if (node) node.textContent = text;
  image.placeholder.classList.add('vl-image-held-refused');
}

/** Show one loaded image in place of its placeholder. */
function show(image: HeldImage, blob: Blob): HTMLImageElement {
  const doc = image.placeholder.ownerDocument;
  const img = h(doc, 'img', { className: 'vl-image-loaded', testid: 'loaded-image' });
  if (image.alt) img.alt = image.alt;
  if (image.width !== null) img.width = image.width;
  if (image.height !== null) img.height = image.height;
  img.src = URL.createObjectURL(blob);
  image.placeholder.replaceWith(img);
  return img;
}

export interface LoadReport {
  loaded: number;
  /** Images "Load images" tried (loadable ones, at most MAX_LOADED_IMAGES). */
  tried: number;
  /** Loadable images past MAX_LOADED_IMAGES, left as placeholders. */
  overLimit: number;
}

/** Fetch the loadable images (a few at a time) and show them; the others get a note saying why not. */
export async function loadImages(held: readonly HeldImage[], fetchImage: FetchImage): Promise<LoadReport> {
  const loadable = held.filter((image) => image.loadable);
  for (const image of held) if (!image.loadable) note(image, t('readerImageNotPermitted', image.host));
  const queue = loadable.slice(0, MAX_LOADED_IMAGES);
  let loaded = 0;
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const image = queue[next++]!;
      const outcome = await fetchImage(image.url).catch((): ImageOutcome => ({ ok: false, code: 'failed' }));
      const blob = outcome.ok ? blobOf(outcome.dataUrl, outcome.type) : null;
      if (blob) {
        show(image, blob);
        loaded++;
      } else note(image, outcome.ok ? t('readerImageNotImage') : NOTES[outcome.code](image));
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOADS_AT_ONCE, queue.length) }, worker));
  return { loaded, tried: queue.length, overLimit: loadable.length - queue.length };
}

/** The notice and the "Load images" button above the article's body; null when nothing is held back. */
export function imagesNotice(doc: Document, held: readonly HeldImage[], fetchImage: FetchImage): HTMLElement | null {
  if (held.length === 0) return null;
  const status = h(doc, 'p', {
    className: 'reader-images-status',
    testid: 'images-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const load = button(
    doc,
    t('readerLoadImages'),
    async () => {
      load.disabled = true;
      status.textContent = t('readerImagesLoading');
      const report = await loadImages(held, fetchImage);
      const parts = [t('readerImagesLoaded', [String(report.loaded), String(held.length)])];
      if (report.overLimit > 0) parts.push(t('readerImagesOverLimit', String(MAX_LOADED_IMAGES)));
      status.textContent = parts.join(' ');
      notice.dataset.state = 'loaded';
    },
    {
      className: 'tool reader-images-load',
      testid: 'load-images',
      attrs: { 'aria-describedby': 'reader-images-hint' },
    },
  );
  const notice = h(
    doc,
    'div',
    { className: 'reader-images', testid: 'reader-images' },
    h(doc, 'p', { className: 'reader-images-held', text: t('readerImagesHeld', String(held.length)) }),
    h(
      doc,
      'div',
      { className: 'reader-images-action' },
      load,
      h(doc, 'span', {
        className: 'reader-images-hint',
        text: t('readerLoadImagesHint'),
        attrs: { id: 'reader-images-hint' },
      }),
    ),
    status,
  );
  notice.dataset.state = 'held';
  return notice;
}

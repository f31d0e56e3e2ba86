// @vitest-environment jsdom
/**
 * A saved article's remote images in the reader page (lib/reader/images.ts): held back as
 * placeholders before the body joins the page; "Load images" fetches the supported sites' ones
 * through the background and shows them from blob: URLs; the others say why they stay.
 * The last part runs the whole reader page on a real archive (fake-indexeddb), the background's
 * handler answering its messages, and a fake network behind fetch.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { openArchive, saveArticle } from '@/lib/archive';
import { registerImageMessages } from '@/lib/background/image-messages';
import { isSupportedUrl } from '@/lib/clean/sites/hosts';
import { sanitizeToFragment } from '@/lib/html/sanitize';
import { MAX_LOADED_IMAGES } from '@/lib/limits';
import type { ImageOutcome } from '@/lib/messaging';
import { holdImages, imagesNotice, loadImages } from '@/lib/reader/images';
import { startReaderPage } from '@/lib/reader/main';
import { makeArticle } from '../../support/archive-fixtures';
import { FIXTURE_PNG } from '../../support/fixture-server';
import { stubI18n } from '../../support/i18n-stub';

const PNG_URL = 'data:image/png;base64,' + FIXTURE_PNG.toString('base64');
const BODY =
  '<p>Đoạn mở đầu.</p>' +
  '<figure><img src="https://static.antv.gov.vn/uploads/hoi-dam.png" width="640" height="400" alt="Quang cảnh hội đàm">' +
  '<figcaption>Quang cảnh buổi hội đàm</figcaption></figure>' +
  '<p>Giữa bài.<img src="https://anh.example.net/ngoai.jpg" alt="Ảnh ở trang khác"></p>' +
  '<p><img src="https://thoidai.com.vn/anh/khong-co-kich-thuoc.jpg"></p>' +
  '<p>Đoạn kết.</p>';

/** URL.createObjectURL as the browser has it (jsdom has none): blobs by their URL. */
const blobs = new Map<string, Blob>();
beforeAll(() => {
  stubI18n();
  let n = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:https://vietlao-reader.invalid/${++n}`;
    blobs.set(url, blob);
    return url;
  };
});

function heldBody() {
  const body = sanitizeToFragment(BODY, window);
  const held = holdImages(body, document, isSupportedUrl);
  const root = document.createElement('div');
  root.append(body);
  return { root, held };
}

describe('holdImages', () => {
  it('replaces every remote image by a placeholder: size, alt text and site shown, caption kept', () => {
    const { root, held } = heldBody();
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(held.map((i) => [i.host, i.loadable, i.alt])).toEqual([
      ['static.antv.gov.vn', true, 'Quang cảnh hội đàm'],
      ['anh.example.net', false, 'Ảnh ở trang khác'],
      ['thoidai.com.vn', true, ''],
    ]);
    const [first, second, third] = held.map((i) => i.placeholder);
    expect(first!.parentElement!.tagName).toBe('FIGURE');
    expect(first!.nextElementSibling!.textContent).toBe('Quang cảnh buổi hội đàm');
    expect(first!.textContent).toContain('Quang cảnh hội đàm');
    expect(first!.textContent).toContain('static.antv.gov.vn');
    expect(first!.querySelector('.vl-image-held-host')!.getAttribute('dir')).toBe('auto');
    expect(second!.textContent).toContain('anh.example.net');
    // the box: the image's aspect ratio and width, from a CSSOM stylesheet (no style attribute)
    expect(first!.classList).toContain('vl-held-640x400');
    expect(root.querySelector('[style]')).toBeNull();
    const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText));
    expect(rules.join('\n')).toContain(
      '.vl-body .vl-image-held.vl-held-640x400 { max-width: 640px; aspect-ratio: 640 / 400; }',
    );
    expect(third!.className).toBe('vl-image-held'); // no size: the default box
    expect(root.textContent).toContain('Giữa bài.');
  });

  it('the placeholders sit in a fragment of an inert document until shown: nothing is requested', () => {
    const fragment = sanitizeToFragment(BODY, window);
    expect(fragment.ownerDocument).not.toBe(document);
    expect(fragment.ownerDocument.defaultView).toBeNull();
  });
});

describe('loadImages', () => {
  it('shows the supported sites’ images from blob: URLs of their bytes; the other site gets a note', async () => {
    const { root, held } = heldBody();
    const asked: string[] = [];
    const report = await loadImages(held, (url) => {
      asked.push(url);
      return Promise.resolve({ ok: true, type: 'image/png', dataUrl: PNG_URL });
    });
    expect(asked).toEqual([
      'https://static.antv.gov.vn/uploads/hoi-dam.png',
      'https://thoidai.com.vn/anh/khong-co-kich-thuoc.jpg',
    ]);
    expect(report).toEqual({ loaded: 2, tried: 2, overLimit: 0 });
    const imgs = [...root.querySelectorAll('img')];
    expect(imgs).toHaveLength(2);
    expect(imgs[0]!.alt).toBe('Quang cảnh hội đàm');
    expect([imgs[0]!.width, imgs[0]!.height]).toEqual([640, 400]);
    expect(imgs[0]!.closest('figure')!.querySelector('figcaption')!.textContent).toBe('Quang cảnh buổi hội đàm');
    for (const img of imgs) {
      expect(img.src).toMatch(/^blob:/);
      const blob = blobs.get(img.src)!;
      expect(blob.type).toBe('image/png');
      expect(Buffer.from(await blob.arrayBuffer()).equals(FIXTURE_PNG)).toBe(true);
    }
    const left = root.querySelectorAll('[data-testid="image-placeholder"]');
    expect(left).toHaveLength(1);
    expect(left[0]!.textContent).toContain('Không tải: anh.example.net không thuộc các báo được hỗ trợ.');
  });

  it.each([
    [{ ok: false, code: 'too-large' }, 'Ảnh quá lớn: không tải.'],
    [{ ok: false, code: 'not-image' }, 'Không phải ảnh: không tải.'],
    [{ ok: false, code: 'failed' }, 'Không tải được ảnh.'],
    [{ ok: false, code: 'host' }, 'Không tải: static.antv.gov.vn không thuộc các báo được hỗ trợ.'],
    [{ ok: true, type: 'image/svg+xml', dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'Không phải ảnh: không tải.'],
    [{ ok: true, type: 'image/png', dataUrl: 'data:text/html;base64,PGI+' }, 'Không phải ảnh: không tải.'],
  ] as [ImageOutcome, string][])('%o leaves the placeholder, saying why', async (outcome, note) => {
    const { root, held } = heldBody();
    const report = await loadImages(held.slice(0, 1), () => Promise.resolve(outcome));
    expect(report.loaded).toBe(0);
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(held[0]!.placeholder.textContent).toContain(note);
  });

  it(`fetches at most ${MAX_LOADED_IMAGES} images of one article, 3 at a time`, async () => {
    const many = Array.from({ length: MAX_LOADED_IMAGES + 7 }, (_, i) => `<img src="https://antv.gov.vn/a${i}.png">`);
    const body = sanitizeToFragment(many.join(''), window);
    const held = holdImages(body, document, isSupportedUrl);
    let running = 0;
    let most = 0;
    let asked = 0;
    const report = await loadImages(held, async () => {
      asked++;
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return { ok: true, type: 'image/png', dataUrl: PNG_URL };
    });
    expect(asked).toBe(MAX_LOADED_IMAGES);
    expect(report).toEqual({ loaded: MAX_LOADED_IMAGES, tried: MAX_LOADED_IMAGES, overLimit: 7 });
    expect(most).toBe(3);
  });
});

describe('the notice', () => {
  it('says how many images are held back and what "Tải ảnh" does; none without remote images', async () => {
    const { held } = heldBody();
    const notice = imagesNotice(document, held, () => Promise.resolve({ ok: false, code: 'failed' }))!;
    expect(notice.textContent).toContain('Bài có 3 ảnh chưa tải');
    const load = notice.querySelector<HTMLButtonElement>('[data-testid="load-images"]')!;
    expect(load.textContent).toBe('Tải ảnh');
    expect(notice.textContent).toContain('không gửi cookie');
    load.click();
    await vi.waitFor(() => expect(notice.dataset.state).toBe('loaded'));
    expect(load.disabled).toBe(true);
    expect(notice.querySelector('[data-testid="images-status"]')!.textContent).toBe('Đã tải 0/3 ảnh.');
    expect(imagesNotice(document, [], () => Promise.reject(new Error('never')))).toBeNull();
  });
});

describe('the reader page', () => {
  it('opens a saved article with its images held back; "Tải ảnh" loads them through the background', async () => {
    registerImageMessages(() => true);
    const db = await openArchive();
    const { id } = await saveArticle(db, {
      ...makeArticle({ title: 'Hội đàm \u202Eoàl\u202C Việt Nam' }),
      contentHtml: BODY,
    });
    db.close();
    const requests: [string, RequestInit | undefined][] = [];
    // the network, behind the background's fetch (replaced for this test only)
    const realFetch = globalThis.fetch;
    globalThis.fetch = (url: string | URL | Request, init?: RequestInit) => {
      requests.push([String(url), init]);
      return Promise.resolve(new Response(new Uint8Array(FIXTURE_PNG), { headers: { 'content-type': 'image/png' } }));
    };
    onTestFinished(() => void (globalThis.fetch = realFetch));
    window.history.replaceState(null, '', `/reader.html?id=${encodeURIComponent(id)}`);
    await startReaderPage(document);
    expect(document.body.dataset.ready).toBe('true');
    expect(document.title).toBe(`Hội đàm oàl Việt Nam — ${makeArticle().siteName}`);
    const body = document.querySelector('[data-testid="reader-body"]')!;
    expect(body.querySelectorAll('img')).toHaveLength(0);
    expect(body.querySelectorAll('[data-testid="image-placeholder"]')).toHaveLength(3);
    expect(requests).toEqual([]);
    const notice = document.querySelector('[data-testid="reader-images"]')!;
    expect(notice.nextElementSibling).toBe(body);
    notice.querySelector<HTMLButtonElement>('[data-testid="load-images"]')!.click();
    await vi.waitFor(() => expect(body.querySelectorAll('img')).toHaveLength(2));
    expect(requests.map(([url]) => url).sort()).toEqual([
      'https://static.antv.gov.vn/uploads/hoi-dam.png',
      'https://thoidai.com.vn/anh/khong-co-kich-thuoc.jpg',
    ]);
    for (const [, init] of requests) expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(body.querySelectorAll('[data-testid="image-placeholder"]')).toHaveLength(1);
  });
});

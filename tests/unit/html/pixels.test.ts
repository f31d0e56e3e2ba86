/**
 * Tracking pixels (lib/html/pixels.ts) are dropped wherever article HTML is sanitised, so a saved
 * copy never carries one; the article's photos, including lazy ones, stay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '@/lib/cli/clean-html';
import { isBeaconUrl, isTrackingPixel } from '@/lib/html/pixels';
import { sanitizeHtml } from '@/lib/html/sanitize';

const win = new JSDOM('<!doctype html><body></body>', { url: 'https://vietlao-reader.invalid/' })
  .window as unknown as Window;
const img = (attrs: string) => {
  const t = win.document.createElement('template');
  t.innerHTML = `<img ${attrs}>`; // test-only inert parse
  return t.content.firstElementChild!;
};

describe('isTrackingPixel', () => {
  it.each([
    ['width and height 1', 'src="https://antv.gov.vn/a.gif" width="1" height="1"', true],
    ['width 0', 'src="https://antv.gov.vn/a.gif" width="0"', true],
    ['height "1px"', 'src="https://antv.gov.vn/a.gif" height=" 1px "', true],
    ['Facebook pixel', 'src="https://www.facebook.com/tr?id=123&ev=PageView&noscript=1"', true],
    ['Google Analytics collect', 'src="https://www.google-analytics.com/collect?v=1&tid=UA-1"', true],
    ['legacy __utm.gif', 'src="https://antv.gov.vn/__utm.gif?utmwv=1"', true],
    ['Admicro logging (VCCorp sites)', 'src="https://lg1.logging.admicro.vn/_log?x=1"', true],
    ['Scorecard beacon', 'src="https://sb.scorecardresearch.com/p?c1=2"', true],
    ['a pixel.gif on the site', 'src="https://static.antv.gov.vn/images/pixel.gif"', true],
    ['a spacer.gif', 'src="https://thoidai.com.vn/spacer.gif"', true],
    [
      'a photo 800×450',
      'src="https://static.antv.gov.vn/uploads/2021/11/25/hop-tac.jpg" width="800" height="450"',
      false,
    ],
    ['a photo with no size', 'src="https://image.vietnamplus.vn/w800/Uploaded/2023/lao.jpg"', false],
    ['width 100%', 'src="https://nhandan.vn/anh.jpg" width="100%"', false],
    ['width 10', 'src="https://nhandan.vn/icon.png" width="10" height="10"', false],
    ['a photo named "pixel-art-exhibition.jpg"', 'src="https://nhandan.vn/pixel-art-exhibition.jpg"', false],
    ['a path with "tracking" in a slug', 'src="https://qdnd.vn/uploads/tracking-the-border.jpg"', false],
  ])('%s', (_title, attrs, expected) => {
    expect(isTrackingPixel(img(attrs))).toBe(expected);
  });

  it('isBeaconUrl refuses what is not a URL', () => {
    expect(isBeaconUrl('not a url')).toBe(false);
  });
});

describe('the sanitiser drops pixels and keeps photos', () => {
  it('in a body with both', () => {
    const out = sanitizeHtml(
      '<p>Đoạn một.<img src="https://www.facebook.com/tr?id=1&amp;ev=PageView" width="1" height="1"></p>' +
        '<figure><img src="https://static.antv.gov.vn/anh.jpg" width="800" height="450" alt="Hội đàm">' +
        '<figcaption>Quang cảnh hội đàm</figcaption></figure>' +
        '<p><img src="https://lg1.logging.admicro.vn/_log?a=1">Đoạn hai.</p>' +
        '<p><img src="https://static.antv.gov.vn/thong-ke/dem.gif?bai=1" width="1" height="1">Đoạn ba.</p>',
      win,
    );
    expect(out).not.toContain('facebook.com');
    expect(out).not.toContain('admicro');
    expect(out).not.toContain('dem.gif'); // by its size alone
    expect(out).toContain('<img src="https://static.antv.gov.vn/anh.jpg" width="800" height="450" alt="Hội đàm"');
    expect(out).toContain('Quang cảnh hội đàm');
    expect(out).toContain('Đoạn một.');
    expect(out).toContain('Đoạn hai.');
    expect(sanitizeHtml(out, win)).toBe(out); // a fixed point
  });

  it('at save time: a real article page with a pixel, a lazy pixel and a beacon saves its photos only', () => {
    const dir = join(import.meta.dirname, '../../fixtures/pages/antv--hop-tac-cong-an');
    const { url } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
    const source = readFileSync(join(dir, 'source.html'), 'utf8');
    const plain = cleanHtml(source, url, win);
    if (!plain.isArticle) throw new Error('antv--hop-tac-cong-an is an article');
    const photos = [...plain.contentHtml.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(photos.length).toBeGreaterThan(0);
    // the pixels go into the article's first paragraph, where a site's own scripts would put them
    const at = source.indexOf('<p>Tại buổi tiếp') + '<p>'.length;
    expect(at).toBeGreaterThan(3);
    const tracked =
      source.slice(0, at) +
      '<img src="https://www.facebook.com/tr?id=9&amp;ev=PageView&amp;noscript=1" width="1" height="1" style="display:none">' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://antv.gov.vn/stat/pixel.gif">' +
      '<img src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=1">' +
      source.slice(at);
    const result = cleanHtml(tracked, url, win);
    if (!result.isArticle) throw new Error('still an article');
    expect(result.contentHtml).not.toMatch(/facebook\.com|pixel\.gif|scorecardresearch/);
    expect([...result.contentHtml.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(photos);
    expect(result.text).toBe(plain.text);
  });
});

/**
 * Hostile article pages: a real fixture article (antv or thoidai) with a batch of XSS payloads
 * inserted mid-body, under its own URL (canonical, og:url and headline rewritten so each batch is
 * a distinct article). Shared by the unit test (jsdom) and the e2e tests (real browsers).
 *
 * `pageCsp`: served pages carry a meta CSP that stops the ORIGINAL page's own markup from running
 * the payloads (the page is hostile by definition; what it does to itself is not the extension's
 * doing). The extension's contexts — the reader page, the popup, the background — are not under
 * that policy, so any `/__xss/` hit, dialog or `__xss` log from them is the extension's fault.
 * The in-page clean view IS under it, so the e2e tests check its DOM structurally instead.
 */
import { loadFixtures, type FixturePage } from '../support/fixture-server';
import { instrument, payloadId, XSS_PAYLOADS, type XssPayload } from './xss-payloads';

export const BATCH_SIZE = 10;

export const PAGE_CSP =
  "script-src 'none'; style-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

export interface PayloadPage {
  url: string;
  host: string;
  title: string;
  html: string;
  /** Indexes into XSS_PAYLOADS. */
  payloads: number[];
  base: FixturePage;
}

const bases = () => {
  const all = loadFixtures();
  return [
    all.find((f) => f.folder === 'antv--hop-tac-cong-an')!,
    all.find((f) => f.folder === 'thoidai--van-phong-bqp-lao')!,
  ];
};

/** Insert `chunk` after the paragraph holding the article's second expected paragraph. */
export function insertMidBody(base: FixturePage, chunk: string): string {
  const anchor = base.html.indexOf(base.expected.paragraphs[1]!.slice(0, 40));
  if (anchor < 0) throw new Error(`${base.folder}: second paragraph not found`);
  const end = base.html.indexOf('</p>', anchor) + '</p>'.length;
  return `${base.html.slice(0, end)}\n${chunk}\n${base.html.slice(end)}`;
}

/** A distinct copy of `base` at a new URL with a new headline. */
export function rebase(base: FixturePage, html: string, url: string, title: string): string {
  return html.replaceAll(base.url, url).replaceAll(base.expected.title!, title);
}

function urlFor(base: FixturePage, n: number, tag: string): string {
  const u = new URL(base.url);
  return u.host === 'antv.gov.vn'
    ? `https://antv.gov.vn/tin-tuc/chinh-tri/${tag}-lo-${n}-${900100 + n}.html`
    : `https://thoidai.com.vn/${tag}-lo-${n}-${990100 + n}.html`;
}

/** One page per BATCH_SIZE payloads, alternating antv and thoidai. */
export function payloadPages(options: { csp?: boolean } = {}): PayloadPage[] {
  const [antv, thoidai] = bases();
  const pages: PayloadPage[] = [];
  for (let start = 0, n = 1; start < XSS_PAYLOADS.length; start += BATCH_SIZE, n++) {
    const base = n % 2 === 1 ? antv! : thoidai!;
    const url = urlFor(base, n, 'xss');
    const host = new URL(url).host;
    const indexes = XSS_PAYLOADS.slice(start, start + BATCH_SIZE).map((_, i) => start + i);
    const chunk = indexes.map((i) => `<!-- ${payloadId(i)} -->${instrument(XSS_PAYLOADS[i]!, i, host)}`).join('\n');
    const title = `${base.expected.title} (lô thử ${n})`;
    let html = rebase(base, insertMidBody(base, chunk), url, title);
    if (options.csp)
      html = html.replace(
        /<head([^>]*)>/i,
        `<head$1><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
      );
    pages.push({ url, host, title, html, payloads: indexes, base });
  }
  return pages;
}

/** A single payload in its own page (the unit test cleans each payload alone as well). */
export function singlePayloadPage(p: XssPayload, index: number): { url: string; html: string; base: FixturePage } {
  const [antv] = bases();
  const url = urlFor(antv!, index + 1, 'xss-mot');
  const html = rebase(
    antv!,
    insertMidBody(antv!, instrument(p, index, 'antv.gov.vn')),
    url,
    `${antv!.expected.title} (mẫu ${payloadId(index)})`,
  );
  return { url, html, base: antv! };
}

export { bases as basePages };

/**
 * The phone as the second device (issue 15.8), in the browser E2E_BROWSER names, at a 360 × 740
 * viewport (a small Android phone; Firefox for Android opens the popup as a full page): the
 * in-page view of a cleaned fixture article, the popup, the reader page of the article saved there
 * and the options page have no horizontal scroll, nothing of theirs sticks out of the screen's
 * width, their main controls are shown inside the screen (once scrolled to) with their labels
 * whole, and the in-page toolbar — in its narrow frame — still takes the user's press. Screenshots:
 * tests/e2e/artifacts/screenshots/<browser>-phone-*.png.
 *
 * The desktop browsers stand in for Firefox for Android here (no Android emulator on this machine):
 * what is checked is the layout at a phone's width, not Android's own APIs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { InPageElement } from '@/lib/messaging';
import {
  byTestId,
  describe as describeInPage,
  element,
  inToolbar,
  inView,
  saveFromToolbar,
  setViewport,
  waitForCleanView,
} from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const PHONE = { width: 360, height: 740 };
const thoidai = loadFixtures().find((f) => f.folder === 'thoidai--van-phong-bqp-lao')!;

let server: FixtureServer;
let h: Harness;
let article: Page;
let articleId = '';

interface LayoutReport {
  scrollWidth: number;
  /** Shown elements whose box sticks out of the viewport's width (outside any scrolling box of their own). */
  outside: string[];
  /** Shown controls not inside the viewport once scrolled to. */
  offscreen: string[];
  /** Shown controls whose label is cut (overflow hidden, content wider than the box). */
  cut: string[];
  /** The main controls asked for that are missing or not shown. */
  missing: string[];
  controls: number;
}

/**
 * Measured in the page, from source text (tsx would wrap nested functions in a helper the page
 * lacks). `main`: test ids of controls that must be there and shown.
 */
const MEASURE = `(async (width, height, main) => {
  const shown = (el) => (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : el.getClientRects().length > 0);
  const label = (el) => {
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + (id ? '[' + id + ']' : cls) + ' ' + JSON.stringify((el.textContent || '').trim().slice(0, 30));
  };
  const clipsX = (el) => ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const inScroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement)
      if (clipsX(p)) return true;
    return false;
  };
  const tiny = (r) => r.width <= 2 || r.height <= 2; // visually hidden (a file input in its label, a live region)
  const all = [...document.body.querySelectorAll('*')].filter(shown);
  const outside = all
    .filter((el) => { const r = el.getBoundingClientRect(); return !tiny(r) && (r.left < -1 || r.right > width + 1) && !inScroller(el); })
    .map(label);
  const controls = all.filter((el) => el.matches('button, a[href], input:not([type=hidden]), select, textarea, summary, label.btn'))
    .filter((el) => !tiny(el.getBoundingClientRect()));
  const offscreen = [];
  const cut = [];
  for (const el of controls) {
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    await new Promise((r) => requestAnimationFrame(() => r()));
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > width + 1 || r.top < -1 || r.bottom > height + 1) offscreen.push(label(el) + ' at ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
    if (!el.matches('input, select, textarea') && clipsX(el) && el.scrollWidth > el.clientWidth + 1) cut.push(label(el));
  }
  window.scrollTo(0, 0);
  const missing = main.filter((id) => { const el = document.querySelector('[data-testid="' + id + '"]'); return !el || !shown(el); });
  return { scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), outside, offscreen, cut, missing, controls: controls.length };
})`;

async function measure(page: Page, main: string[]): Promise<LayoutReport> {
  return (await page.evaluate(`${MEASURE}(${PHONE.width}, ${PHONE.height}, ${JSON.stringify(main)})`)) as LayoutReport;
}

/** Everything of the page within the phone's width, and its main controls shown and whole. */
async function assertFitsPhone(page: Page, what: string, main: string[]): Promise<void> {
  const report = await measure(page, main);
  assert.deepEqual(report.missing, [], `${what}: main controls missing or hidden`);
  assert.ok(report.controls >= main.length, `${what}: ${report.controls} controls measured`);
  assert.ok(
    report.scrollWidth <= PHONE.width,
    `${what}: horizontal scroll (${report.scrollWidth} px wide): ${report.outside.join('; ')}`,
  );
  assert.deepEqual(report.outside, [], `${what}: elements out of the screen's width`);
  assert.deepEqual(report.offscreen, [], `${what}: controls outside the screen`);
  assert.deepEqual(report.cut, [], `${what}: control labels cut`);
}

/** A new page at the phone's size, then the extension page at `path`, ready. */
async function openAtPhoneSize(path: string): Promise<Page> {
  const page = await h.newPage();
  await setViewport(page, PHONE);
  return h.openExtension(path, page);
}

const inside = (e: InPageElement) =>
  e.rect.x >= -1 &&
  e.rect.y >= -1 &&
  e.rect.x + e.rect.width <= PHONE.width + 1 &&
  e.rect.y + e.rect.height <= PHONE.height + 1;

describe(`${BROWSER}: the views at a phone's width (360 × 740)`, () => {
  before(async () => {
    server = await startFixtureServer();
    h = await Harness.launch({ server });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it("in-page view: the clean article and its toolbar fit the screen, and the toolbar's Save works", async () => {
    article = await h.newPage();
    await setViewport(article, PHONE);
    await article.goto(thoidai.url, { waitUntil: 'load' });
    await waitForCleanView(article);
    await element(article, inView('mark.vl-entity')); // the highlights panel is in place (below the article here)
    const scrollWidth = await article.evaluate(() =>
      Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    );
    assert.ok(scrollWidth <= PHONE.width, `the page scrolls sideways: ${scrollWidth} px wide`);

    const view = await describeInPage(
      article,
      inView('.vl-article, .vl-article h1, .vl-article p, .vl-article figure, .vl-panel'),
    );
    const wide = (view?.elements ?? []).filter(
      (e) => e.visible && e.rect.width > 0 && (e.rect.x < -1 || e.rect.x + e.rect.width > PHONE.width + 1),
    );
    assert.ok((view?.elements.length ?? 0) > 3, 'the view has its article, paragraphs and panel');
    assert.deepEqual(
      wide.map((e) => `${e.tag}.${e.attrs.class ?? ''} ${JSON.stringify(e.rect)}`),
      [],
      "the view's blocks are within the screen's width",
    );

    const toolbar = await waitFor(
      async () => (await describeInPage(article, inToolbar('.bar')))?.toolbar,
      'the toolbar',
    );
    const box = toolbar.box;
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the toolbar within the width: ${JSON.stringify(box)}`);
    assert.ok(
      box.y >= 0 && box.y + box.height <= PHONE.height,
      `the toolbar within the height: ${JSON.stringify(box)}`,
    );
    for (const id of ['toggle', 'save', 'pick', 'status']) {
      const e = await element(article, inToolbar(byTestId(id)));
      assert.ok(e.visible && e.rect.width > 0, `toolbar ${id} shown`);
      assert.ok(inside(e), `toolbar ${id} inside the screen: ${JSON.stringify(e.rect)}`);
      if (id !== 'status') assert.ok(!e.cut, `toolbar ${id}: its label "${e.label}" is whole`);
    }
    await h.screenshot(article, 'phone-in-page');
    // the narrow frame is the one the user-intent checks expect: a real press saves
    await saveFromToolbar(article);
    const saved = await element(article, inToolbar(byTestId('save')));
    assert.ok(inside(saved) && !saved.cut, `"${saved.label}" whole, inside the screen`);
    await h.screenshot(article, 'phone-in-page-saved');
  });

  it('popup (a full page on Android): no horizontal scroll, its controls on screen', async () => {
    const popup = await openAtPhoneSize(`/popup.html?tabId=${await h.tabIdOf(thoidai.url)}`);
    await element(popup, byTestId('archive-item'));
    const href = await popup.$eval(`${byTestId('archive-item')} ${byTestId('open')}`, (a) => a.getAttribute('href'));
    articleId = new URLSearchParams((href ?? '').replace(/^[^?]*/, '')).get('id') ?? '';
    assert.ok(articleId, `the saved article's reader link: ${href}`);
    const width = await popup.evaluate(() => document.body.getBoundingClientRect().width);
    assert.ok(width <= PHONE.width, `the popup's column yields to the screen: ${width} px`);
    await assertFitsPhone(popup, 'popup', ['search', 'open', 'delete', 'export-menu-toggle', 'open-analysis']);
    await h.screenshot(popup, 'phone-popup');
    await popup.close();
  });

  it('reader page of the saved article: the toolbar wraps, the article and the entity panel fit', async () => {
    assert.ok(articleId, 'an article saved by the in-page test');
    const reader = await openAtPhoneSize(`/reader.html?id=${encodeURIComponent(articleId)}`);
    await element(reader, 'mark.vl-entity');
    await assertFitsPhone(reader, 'reader page', ['reader-toolbar', 'width', 'theme-dark', 'print']);
    await h.screenshot(reader, 'phone-reader');
    await reader.close();
  });

  it('options page: every section within the width; the shortcut named where the browser has one', async () => {
    const options = await openAtPhoneSize('/options.html');
    await assertFitsPhone(options, 'options', ['auto-clean', 'add-host', 'add-site', 'sync-connect', 'device']);
    // desktop Chromium and Firefox have keyboard commands; Firefox for Android would say "not available"
    const shortcut = await options.$eval(byTestId('device-shortcut'), (el) => el.textContent ?? '');
    assert.match(shortcut, /Alt\+Shift\+S/);
    await h.screenshot(options, 'phone-options');
    await options.close();
    await article.close();
  });
});

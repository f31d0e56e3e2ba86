/**
 * The built extension (.output/firefox-mv2) in Debian's Firefox ESR cleans the fixture pages in
 * place, served offline under their real hostnames; the toggle restores the original; non-article
 * pages are untouched. The same journeys as chromium-cleaning.e2e.ts, one browser launch for the file.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxExtensionBrowser } from '../support/firefox';
import { isSupportedHost } from '@/lib/clean/sites/hosts';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { comparable } from '../support/text';

const SCREENSHOTS = join(import.meta.dirname, '../../assets/screenshots');
const fixtures = loadFixtures();
/** Pages cleaned automatically: articles on the supported news sites (others wait for the reader). */
const articles = fixtures.filter((f) => f.expected.isArticle && isSupportedHost(new URL(f.url).hostname));
const nonArticles = fixtures.filter((f) => !f.expected.isArticle || !isSupportedHost(new URL(f.url).hostname));

let server: FixtureServer;
let firefox: FirefoxExtensionBrowser;

/** Text of the clean article's lead and body (inside the view's open shadow root; the header shows metadata). */
const viewText = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('vietlao-view')?.shadowRoot;
    return ['.vl-lead', '.vl-body']
      .map((sel) => (root?.querySelector(sel) as HTMLElement | null)?.innerText ?? '')
      .join('\n');
  });
const viewTitle = (page: Page) =>
  page.evaluate(
    () => document.querySelector('vietlao-view')?.shadowRoot?.querySelector('.vl-title')?.textContent ?? '',
  );
/** What the reader sees of the page itself (hidden nodes excluded). */
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
const waitForCleanView = (page: Page) =>
  page.waitForFunction(() => !!document.querySelector('vietlao-view')?.shadowRoot?.querySelector('.vl-article'), {
    timeout: 15_000,
    polling: 50,
  });

async function openArticle(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitForCleanView(page);
  return page;
}

/** A trusted click (real input events: the toolbar ignores synthetic ones) on a button in the toolbar's shadow root. */
async function clickToolbar(page: Page, testid: string): Promise<void> {
  const handle = await page.evaluateHandle(
    (id) => document.querySelector('vietlao-toolbar')?.shadowRoot?.querySelector(`[data-testid="${id}"]`) ?? null,
    testid,
  );
  const button = handle.asElement();
  assert.ok(button, `toolbar button ${testid} exists`);
  await (button as import('puppeteer-core').ElementHandle<Element>).click();
  await handle.dispose();
}

describe('Firefox: cleaning in place', () => {
  before(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  for (const fixture of articles) {
    it(`${fixture.folder}: boilerplate is gone, every paragraph remains`, async () => {
      const page = await openArticle(fixture.url);
      const view = comparable(await viewText(page));
      const visible = comparable(await pageText(page));
      for (const p of fixture.expected.paragraphs)
        assert.ok(view.includes(comparable(p)), `paragraph missing: ${p.slice(0, 70)}`);
      for (const a of fixture.expected.absent) {
        if (fixture.expected.paragraphs.some((p) => comparable(p).includes(comparable(a)))) continue;
        assert.ok(!view.includes(comparable(a)), `boilerplate in the clean view: ${a}`);
        assert.ok(!visible.includes(comparable(a)), `boilerplate still visible on the page: ${a}`);
      }
      assert.equal(comparable(await viewTitle(page)), comparable(fixture.expected.title ?? ''), 'title shown');
      if (fixture.folder.startsWith('antv--hop-tac'))
        await page.screenshot({ path: join(SCREENSHOTS, 'firefox-clean-antv.png') });
      if (fixture.folder.startsWith('thoidai--hop-tac')) {
        await page.waitForFunction(
          () => !!document.querySelector('vietlao-view')?.shadowRoot?.querySelector('mark.vl-entity'),
          { timeout: 15_000, polling: 50 },
        );
        await page.screenshot({ path: join(SCREENSHOTS, 'firefox-clean-thoidai.png') });
      }
      await page.close();
    });
  }

  it('the toggle restores the original page and cleans it again, without reloading', async () => {
    const fixture = articles.find((f) => f.folder.startsWith('antv--'))!;
    const page = await openArticle(fixture.url);
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Math.random()));
    await clickToolbar(page, 'toggle');
    await page.waitForFunction(() => !document.querySelector('vietlao-view'), { polling: 50 });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-vietlao-view')), false);
    const original = comparable(await pageText(page));
    const heading = fixture.expected.absent.find((a) => /Tin mới nhất/.test(a)) ?? fixture.expected.absent[0]!;
    assert.ok(original.includes(comparable(heading)), `original page shows "${heading}" again`);
    for (const p of fixture.expected.paragraphs.slice(0, 3))
      assert.ok(original.includes(comparable(p)), 'original paragraphs visible');
    await clickToolbar(page, 'toggle');
    await waitForCleanView(page);
    assert.ok(!comparable(await pageText(page)).includes(comparable(heading)), 'clean again');
    assert.equal(
      await page.evaluate(() => (window as unknown as { __marker: number }).__marker),
      marker,
      'no reload happened',
    );
    await page.close();
  });

  it('highlights entities in the clean view; the card opens; switching highlights off restores the text exactly', async () => {
    const fixture = articles.find((f) => f.folder.startsWith('thoidai--hop-tac'))!;
    const page = await openArticle(fixture.url);
    const inView = (selector: string) => `vietlao-view >>> ${selector}`; // puppeteer's shadow-piercing combinator
    await page.waitForSelector(inView('[data-testid="entity-panel"]'), { timeout: 15_000 }); // added once the mentions are wrapped
    const marks = await page.$$eval(inView('mark.vl-entity'), (els) =>
      els.map((e) => [e.textContent, (e as HTMLElement).dataset.entityType]),
    );
    assert.ok(marks.length > 10, `${marks.length} highlights`);
    assert.ok(marks.some(([text, type]) => text === 'Hoàng Xuân Chiến' && type === 'PERSON'));
    assert.ok(marks.some(([text, type]) => text === 'Chanthaphone Khammanichanh' && type === 'PERSON'));
    const bodyText = () => page.$eval(inView('.vl-article'), (el) => el.querySelector('.vl-body')!.textContent);
    const bodyChildren = () =>
      page.$eval(inView('.vl-article'), (el) => el.querySelector('.vl-body')!.childElementCount);
    const withMarks = await bodyText();
    const htmlWith = await bodyChildren();

    await (await page.$(inView('mark.vl-entity[data-entity-type="PERSON"]')))!.hover();
    const card = await page.waitForSelector(inView('[data-testid="entity-card"]'), { visible: true, timeout: 15_000 });
    assert.match(
      (await card!.evaluate((el) => (el as HTMLElement).innerText)).replace(/\s+/g, ' '),
      /Hoàng Xuân Chiến/,
    );
    await (await page.$(inView('[data-testid="legend-entry"]')))!.click(); // steps to a mention

    const toggleHighlights = async () => (await page.$(inView('[data-testid="highlights-toggle"]')))!.click();
    const markCount = () => page.$$eval(inView('mark.vl-entity'), (els) => els.length);
    await toggleHighlights();
    await page.waitForFunction(
      () => !document.querySelector('vietlao-view')?.shadowRoot?.querySelector('mark.vl-entity'),
      { timeout: 5_000, polling: 50 },
    );
    assert.equal(await markCount(), 0);
    assert.equal(await bodyText(), withMarks, 'the text is exactly the same without highlights');
    assert.equal(await bodyChildren(), htmlWith);
    await toggleHighlights();
    await page.waitForFunction(
      () => !!document.querySelector('vietlao-view')?.shadowRoot?.querySelector('mark.vl-entity'),
      { timeout: 5_000, polling: 50 },
    );
    assert.equal(await markCount(), marks.length, 'highlights come back, same count');
    await page.close();
  });

  for (const fixture of nonArticles) {
    it(`${fixture.folder}: a page that is not an article is left untouched`, async () => {
      const page = await firefox.browser.newPage();
      await page.goto(fixture.url, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 1500)); // give the content script (document_idle) every chance to act
      const state = await page.evaluate(() => ({
        view: !!document.querySelector('vietlao-view'),
        toolbar: !!document.querySelector('vietlao-toolbar'),
        attr: document.documentElement.hasAttribute('data-vietlao-view'),
        hideStyle: !!document.querySelector('style[data-vietlao]'),
      }));
      assert.deepEqual(state, { view: false, toolbar: false, attr: false, hideStyle: false });
      await page.close();
    });
  }
});

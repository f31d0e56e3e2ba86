/**
 * The built extension in Debian's Chromium cleans the fixture pages in place, served offline
 * under their real hostnames; the toggle restores the original; non-article pages are untouched.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, type ExtensionBrowser } from '../support/chromium';
import { isSupportedHost } from '@/lib/clean/sites/hosts';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { comparable } from '../support/text';

const SCREENSHOTS = join(import.meta.dirname, '../../assets/screenshots');
const fixtures = loadFixtures();
/** Pages cleaned automatically: articles on the supported news sites (others wait for the reader). */
const articles = fixtures.filter((f) => f.expected.isArticle && isSupportedHost(new URL(f.url).hostname));
const nonArticles = fixtures.filter((f) => !f.expected.isArticle || !isSupportedHost(new URL(f.url).hostname));

let server: FixtureServer;
let browser: ExtensionBrowser;

/** Text of the clean article's lead and body (inside the view's shadow root; the header shows metadata). */
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

async function openArticle(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('vietlao-view .vl-article').waitFor({ timeout: 15_000 });
  return page;
}

describe('Chromium: cleaning in place', () => {
  before(async () => {
    server = await startFixtureServer();
    browser = await launchChromium({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.context.close();
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
        await page.screenshot({ path: join(SCREENSHOTS, 'chromium-clean-antv.png') });
      if (fixture.folder.startsWith('thoidai--hop-tac'))
        await page.screenshot({ path: join(SCREENSHOTS, 'chromium-clean-thoidai.png') });
      await page.close();
    });
  }

  it('the toggle restores the original page and cleans it again, without reloading', async () => {
    const fixture = articles.find((f) => f.folder.startsWith('antv--'))!;
    const page = await openArticle(fixture.url);
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Math.random()));
    const toggle = page.locator('vietlao-toolbar [data-testid="toggle"]');
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector('vietlao-view'));
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-vietlao-view')), false);
    const original = comparable(await pageText(page));
    const heading = fixture.expected.absent.find((a) => /Tin mới nhất/.test(a)) ?? fixture.expected.absent[0]!;
    assert.ok(original.includes(comparable(heading)), `original page shows "${heading}" again`);
    for (const p of fixture.expected.paragraphs.slice(0, 3))
      assert.ok(original.includes(comparable(p)), 'original paragraphs visible');
    await toggle.click();
    await page.locator('vietlao-view .vl-article').waitFor();
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
    const view = page.locator('vietlao-view');
    await view.locator('[data-testid="entity-panel"]').waitFor(); // added once the background's mentions are wrapped
    const marks = await view
      .locator('mark.vl-entity')
      .evaluateAll((els) => els.map((e) => [e.textContent, (e as HTMLElement).dataset.entityType]));
    assert.ok(marks.length > 10, `${marks.length} highlights`);
    assert.ok(marks.some(([text, type]) => text === 'Hoàng Xuân Chiến' && type === 'PERSON'));
    assert.ok(marks.some(([text, type]) => text === 'Chanthaphone Khammanichanh' && type === 'PERSON'));
    const body = view.locator('.vl-article');
    const withMarks = await body.evaluate((el) => el.querySelector('.vl-body')!.textContent);
    const htmlWith = await body.evaluate((el) => el.querySelector('.vl-body')!.childElementCount);

    const person = view.locator('mark.vl-entity[data-entity-type="PERSON"]').first();
    await person.hover();
    const card = view.locator('[data-testid="entity-card"]');
    await card.waitFor({ state: 'visible' });
    assert.match((await card.innerText()).replace(/\s+/g, ' '), /Hoàng Xuân Chiến/);
    await view.locator('[data-testid="legend-entry"]').first().click(); // steps to a mention

    await view.locator('[data-testid="highlights-toggle"]').click();
    assert.equal(await view.locator('mark.vl-entity').count(), 0);
    const without = await body.evaluate((el) => el.querySelector('.vl-body')!.textContent);
    assert.equal(without, withMarks, 'the text is exactly the same without highlights');
    assert.equal(await body.evaluate((el) => el.querySelector('.vl-body')!.childElementCount), htmlWith);
    await view.locator('[data-testid="highlights-toggle"]').click();
    await page.waitForFunction(
      (n) => document.querySelector('vietlao-view')!.shadowRoot!.querySelectorAll('mark.vl-entity').length === n,
      marks.length,
    ); // highlights come back (asynchronously: the background finds them), same count
    await page.close();
  });

  for (const fixture of nonArticles) {
    it(`${fixture.folder}: a page that is not an article is left untouched`, async () => {
      const page = await browser.context.newPage();
      await page.goto(fixture.url, { waitUntil: 'load' });
      await page.waitForTimeout(1500); // give the content script (document_idle) every chance to act
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

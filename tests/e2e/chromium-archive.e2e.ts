/**
 * The product's memory, end to end in Chromium with the built extension: save from the
 * in-page button and from the popup, list and search in the popup (opened as a page), read
 * offline with highlights, export a file that validates, import it into a fresh profile.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { Page } from 'playwright-core';
import { launchChromium, tabIdOf, type ExtensionBrowser } from '../support/chromium';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';

/** The parts of the extension API these tests call inside the service worker. */
declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const SCREENSHOTS = join(import.meta.dirname, '../../assets/screenshots');
const articles = loadFixtures().filter((f) => f.expected.isArticle);
const antv = articles.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
const thoidai = articles.find((f) => f.folder === 'thoidai--van-phong-bqp-lao')!;

let server: FixtureServer;
let browser: ExtensionBrowser;
let exported = '';

async function openPopup(b: ExtensionBrowser, tabId?: number): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

async function itemsAfterSearch(popup: Page, query: string, exact: boolean): Promise<number> {
  const box = popup.locator('[data-testid="exact"]');
  if ((await box.isChecked()) !== exact) await box.click();
  await popup.locator('[data-testid="search"]').fill(query);
  await popup.locator('[data-testid="search"]').press('Enter');
  await popup.waitForTimeout(400);
  await popup.waitForFunction(() => document.body.dataset.ready === 'true');
  return popup.locator('[data-testid="archive-item"]').count();
}

describe('Chromium: saving, the popup archive, the reader page, export and import', () => {
  before(async () => {
    server = await startFixtureServer();
    browser = await launchChromium({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
  });
  after(async () => {
    await browser?.context.close();
    await server?.close();
  });

  it('saves from the in-page button, and the badge shows the page is saved', async () => {
    const page = await browser.context.newPage();
    await page.goto(antv.url);
    await page.locator('vietlao-toolbar [data-testid="save"]').click();
    await page.locator('vietlao-toolbar [data-testid="status"].ok').waitFor();
    const tabId = await tabIdOf(browser, antv.url);
    const badge = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    assert.equal(badge, '✓');
    await page.locator('vietlao-toolbar [data-testid="save"]').click();
    await page.locator('vietlao-toolbar [data-testid="status"].ok').waitFor();
    assert.match((await page.locator('vietlao-toolbar [data-testid="status"]').textContent()) ?? '', /.+/);
  });

  it('saves from the popup\'s "save this page" (the path the shortcut and context menu take)', async () => {
    const page = await browser.context.newPage();
    await page.goto(thoidai.url);
    await page.locator('vietlao-view .vl-article').waitFor();
    const popup = await openPopup(browser, await tabIdOf(browser, thoidai.url));
    await popup.locator('[data-testid="current-tab"][data-state="article"]').waitFor();
    await popup.locator('[data-testid="save-tab"]').click();
    await popup.locator('[data-testid="archive-item"]').nth(1).waitFor();
    assert.equal(await popup.locator('[data-testid="archive-item"]').count(), 2);
    await popup.close();
  });

  it('lists both articles, newest first, and searches with and without diacritics', async () => {
    const popup = await openPopup(browser);
    const titles = await popup.locator('[data-testid="archive-item"] [data-testid="open"]').allTextContents();
    assert.equal(titles.length, 2);
    assert.ok(titles[0]!.trim().startsWith(thoidai.expected.title!), 'newest first');
    assert.ok(titles[1]!.trim().startsWith(antv.expected.title!));
    assert.equal(await itemsAfterSearch(popup, 'lao', false), 2, '"lao" finds "Lào"');
    assert.equal(await itemsAfterSearch(popup, 'Lào', true), 2, 'exact "Lào"');
    assert.equal(await itemsAfterSearch(popup, 'lão', true), 0, 'exact "lão" is not "Lào"');
    assert.equal(await itemsAfterSearch(popup, 'sẻng-khăm', false), 1, 'a rare word finds only its article');
    await itemsAfterSearch(popup, '', false);
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.screenshot({ path: join(SCREENSHOTS, 'chromium-popup.png') });
    await popup.close();
  });

  it('opens the saved copy in the reader page, offline, with highlights and the legend', async () => {
    const popup = await openPopup(browser);
    const opened = browser.context.waitForEvent('page');
    await popup.locator('[data-testid="archive-item"]').last().locator('[data-testid="open"]').click();
    const reader = await opened;
    await reader.locator('body[data-ready="true"]').waitFor();
    const body = (await reader.locator('[data-testid="reader-body"]').innerText()).replace(/\s+/g, ' ');
    assert.ok(body.includes(antv.expected.paragraphs[0]!.slice(0, 60)));
    assert.ok((await reader.locator('mark.vl-entity').count()) > 5, 'entity highlights');
    assert.ok((await reader.locator('[data-testid="legend-entry"]').count()) > 3, 'legend entries');
    await reader.screenshot({ path: join(SCREENSHOTS, 'chromium-reader.png') });
    await reader.close();
    await popup.close();
  });

  it('exports a JSON file that validates against the schema and holds the articles', async () => {
    const popup = await openPopup(browser);
    const download = popup.waitForEvent('download');
    await popup.locator('[data-testid="export-json"]').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^vietlao-archive-\d{4}-\d{2}-\d{2}\.json$/);
    exported = readFileSync((await file.path())!, 'utf8');
    const data = JSON.parse(exported) as { format: string; articles: { title: string; entities: unknown[] }[] };
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../lib/archive/archive.schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    assert.ok(ajv.validate(schema, data), JSON.stringify(ajv.errors));
    assert.equal(data.format, 'vietlao-reader-archive');
    assert.deepEqual(data.articles.map((a) => a.title).sort(), [antv.expected.title, thoidai.expected.title].sort());
    assert.ok(
      data.articles.every((a) => a.entities.length > 0),
      'entities exported',
    );
    await popup.close();
  });

  it('imports that file into a fresh profile and restores the archive', async () => {
    const fresh = await launchChromium({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
    try {
      const popup = await openPopup(fresh);
      await popup.locator('[data-testid="empty"]').waitFor();
      await popup
        .locator('[data-testid="import-input"]')
        .setInputFiles({ name: 'vietlao-archive.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await popup.locator('[data-testid="archive-item"]').nth(1).waitFor();
      assert.match((await popup.locator('[data-testid="io-status"]').textContent()) ?? '', /2/);
      assert.equal(await popup.locator('[data-testid="archive-item"]').count(), 2);
    } finally {
      await fresh.context.close();
    }
  });
});

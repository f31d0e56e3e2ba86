/**
 * The product's memory, end to end in Firefox ESR with the built extension (.output/firefox-mv2):
 * the journeys of chromium-archive.e2e.ts. Save from the in-page button and from the popup, the
 * badge, list and search in the popup (opened as a page), read offline with highlights, export a
 * file that validates, import it into an emptied archive. One browser launch for the file.
 *
 * Differences from Chromium, all in the test harness: extension pages open through a raw BiDi
 * navigate (tests/support/firefox.ts); the toolbar API is found by feature detection
 * (`action ?? browserAction`, MV2 in Firefox); downloads are read from the downloads folder; and the
 * import goes into the same profile after deleting every article (a second Firefox would double the
 * suite's time), which also covers delete.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxExtensionBrowser } from '../support/firefox';
import { waitFor } from '../support/wait';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';

const SCREENSHOTS = join(import.meta.dirname, '../../assets/screenshots');
const articles = loadFixtures().filter((f) => f.expected.isArticle);
const antv = articles.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
const thoidai = articles.find((f) => f.folder === 'thoidai--van-phong-bqp-lao')!;

let server: FixtureServer;
let firefox: FirefoxExtensionBrowser;
let exported = '';

/** The WebExtension API as seen from an extension page, only what the tests call. */
interface ExtApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
}

async function openPopup(tabId?: number): Promise<Page> {
  const page = await firefox.browser.newPage();
  await firefox.gotoExtensionPage(page, `/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return page;
}

/** Run `fn` with a throwaway extension page (WebExtension APIs available in its `evaluate`). */
async function inExtensionPage<R>(fn: (page: Page) => Promise<R>): Promise<R> {
  const page = await firefox.browser.newPage();
  try {
    await firefox.gotoExtensionPage(page, '/popup.html');
    return await fn(page);
  } finally {
    await page.close();
  }
}

const tabIdOf = (url: string) =>
  inExtensionPage((page) =>
    page.evaluate(async (u) => {
      const api = (globalThis as unknown as { browser: ExtApi }).browser;
      return (await api.tabs.query({})).find((t) => t.url === u)!.id!;
    }, url),
  );

/** The in-page toolbar's element `testid` (inside its shadow root). */
async function toolbarButton(page: Page, testid: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (id) => document.querySelector('vietlao-toolbar')?.shadowRoot?.querySelector(`[data-testid="${id}"]`) ?? null,
    testid,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  assert.ok(el, `toolbar ${testid} exists`);
  return el;
}
const toolbarStatus = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('vietlao-toolbar')?.shadowRoot?.querySelector('[data-testid="status"]');
    return { cls: el?.className ?? '', text: el?.textContent ?? '' };
  });

const itemCount = (popup: Page) => popup.$$eval('[data-testid="archive-item"]', (rows) => rows.length);

/**
 * Search in the popup and wait until the list shows `expected` items. Each call below moves the
 * count away from the previous value (2→1→2→1→0→2), and the intermediate reload a checkbox
 * change causes never shows the target count, so reaching the target is the search's answer.
 */
async function search(popup: Page, query: string, exact: boolean, expected: number): Promise<void> {
  if ((await popup.$eval('[data-testid="exact"]', (el) => (el as HTMLInputElement).checked)) !== exact)
    await popup.click('[data-testid="exact"]');
  await popup.$eval(
    '[data-testid="search"]',
    (el, q) => {
      (el as HTMLInputElement).value = q;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    query,
  );
  await popup.focus('[data-testid="search"]');
  await popup.keyboard.press('Enter'); // flushes the debounce
  try {
    await popup.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="archive-item"]').length === n,
      { timeout: 5_000, polling: 50 },
      expected,
    );
  } catch {
    assert.fail(
      `search ${JSON.stringify(query)} (exact: ${exact}) shows ${await itemCount(popup)} items, expected ${expected}`,
    );
  }
}

describe('Firefox: saving, the popup archive, the reader page, export and import', () => {
  before(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('saves from the in-page button, and the badge shows the page is saved', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(antv.url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => !!document.querySelector('vietlao-view')?.shadowRoot?.querySelector('.vl-article'),
      { timeout: 15_000, polling: 50 },
    );
    await (await toolbarButton(page, 'save')).click();
    const first = await waitFor(async () => {
      const s = await toolbarStatus(page);
      return /\b(ok|error)\b/.test(s.cls) ? s : null;
    }, 'the save status');
    assert.match(first.cls, /\bok\b/, `save reported: ${first.text}`);
    const tabId = await tabIdOf(antv.url);
    const badge = await inExtensionPage((ext) =>
      ext.evaluate((id) => {
        const api = (globalThis as unknown as { browser: ExtApi }).browser;
        return (api.action ?? api.browserAction)!.getBadgeText({ tabId: id }); // MV3 action, MV2 browserAction
      }, tabId),
    );
    assert.equal(badge, '✓');
    await (await toolbarButton(page, 'save')).click(); // again: "already saved / updated", still ok
    const second = await waitFor(async () => {
      const s = await toolbarStatus(page);
      return /\b(ok|error)\b/.test(s.cls) && s.text !== first.text ? s : null;
    }, 'the second save status');
    assert.match(second.cls, /\bok\b/, `second save reported: ${second.text}`);
    assert.match(second.text, /.+/);
  });

  it('saves from the popup\'s "save this page" (the path the shortcut and context menu take)', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(thoidai.url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => !!document.querySelector('vietlao-view')?.shadowRoot?.querySelector('.vl-article'),
      { timeout: 15_000, polling: 50 },
    );
    const popup = await openPopup(await tabIdOf(thoidai.url));
    await popup.waitForSelector('[data-testid="current-tab"][data-state="article"]', { timeout: 15_000 });
    await popup.click('[data-testid="save-tab"]');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="archive-item"]').length >= 2, {
      timeout: 15_000,
      polling: 50,
    });
    assert.equal(await itemCount(popup), 2);
    await popup.close();
  });

  it('lists both articles, newest first, and searches with and without diacritics', async () => {
    const popup = await openPopup();
    const titles = await popup.$$eval('[data-testid="archive-item"] [data-testid="open"]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    assert.equal(titles.length, 2);
    assert.ok(titles[0]!.trim().startsWith(thoidai.expected.title!), 'newest first');
    assert.ok(titles[1]!.trim().startsWith(antv.expected.title!));
    await search(popup, 'sẻng-khăm', false, 1); // a rare word finds only its article
    await search(popup, 'lao', false, 2); // "lao" finds "Lào"
    await search(popup, 'sẻng-khăm', false, 1);
    await search(popup, 'lão', true, 0); // exact "lão" is not "Lào"
    await search(popup, 'Lào', true, 2); // exact "Lào"
    await popup.click('[data-testid="exact"]');
    await search(popup, '', false, 2);
    await popup.setViewport({ width: 420, height: 640 });
    await popup.screenshot({ path: join(SCREENSHOTS, 'firefox-popup.png') });
    await popup.close();
  });

  it('opens the saved copy in the reader page, offline, with highlights and the legend', async () => {
    const popup = await openPopup();
    const before = server.requests.length;
    // The popup opens the reader with tabs.create. puppeteer sees no navigation events for
    // moz-extension:// tabs (their url() stays about:blank), so wait for the new tab, then for its
    // document to be the reader, from inside.
    const known = new Set(firefox.browser.targets());
    const opened = firefox.browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: 15_000 });
    const links = await popup.$$('[data-testid="archive-item"] [data-testid="open"]');
    await links[links.length - 1]!.click();
    const reader = (await (await opened).page())!;
    await reader.waitForFunction(
      () => location.pathname === '/reader.html' && document.body?.dataset.ready === 'true',
      { timeout: 15_000, polling: 50 },
    );
    const body = (await reader.$eval('[data-testid="reader-body"]', (el) => (el as HTMLElement).innerText)).replace(
      /\s+/g,
      ' ',
    );
    assert.ok(body.includes(antv.expected.paragraphs[0]!.slice(0, 60)));
    assert.ok((await reader.$$eval('mark.vl-entity', (m) => m.length)) > 5, 'entity highlights');
    assert.ok((await reader.$$eval('[data-testid="legend-entry"]', (e) => e.length)) > 3, 'legend entries');
    // Offline: no request to a news site but images (Firefox's own services also use the proxy;
    // a CONNECT only opens a tunnel, the requests inside are recorded on their own).
    const fetched = server.requests
      .slice(before)
      .filter((r) => r.path !== 'CONNECT' && server.hosts.includes(r.host.replace(/^www\./, '').replace(/:\d+$/, '')))
      .filter((r) => !/\.(?:jpe?g|png|gif|webp|svg)(?:$|\?)/i.test(r.path));
    assert.deepEqual(fetched, [], 'the reader fetched no page');
    await reader.screenshot({ path: join(SCREENSHOTS, 'firefox-reader.png') });
    await reader.close();
    await popup.close();
  });

  it('exports a JSON file that validates against the schema and holds the articles', async () => {
    const popup = await openPopup();
    await popup.click('[data-testid="export-json"]');
    const name = await waitFor(
      () =>
        existsSync(firefox.downloadsDir)
          ? readdirSync(firefox.downloadsDir).find((f) => f.endsWith('.json'))
          : undefined,
      'the export in the downloads folder',
    );
    assert.match(name, /^vietlao-archive-\d{4}-\d{2}-\d{2}\.json$/);
    const data = await waitFor(() => {
      try {
        return JSON.parse(readFileSync(join(firefox.downloadsDir, name), 'utf8')) as {
          format: string;
          articles: { title: string; entities: unknown[] }[];
        };
      } catch {
        return null; // still being written
      }
    }, 'a complete JSON file');
    exported = JSON.stringify(data);
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

  it('deletes every article, then imports that file and restores the archive', async () => {
    assert.ok(exported, 'the export test ran');
    const popup = await openPopup();
    for (let n = await itemCount(popup); n > 0; n--) {
      await popup.click('[data-testid="archive-item"] [data-testid="delete"]');
      await popup.waitForFunction(
        (left) => document.querySelectorAll('[data-testid="archive-item"]').length === left,
        { timeout: 15_000, polling: 50 },
        n - 1,
      );
    }
    await popup.close();
    const emptied = await openPopup();
    await emptied.waitForSelector('[data-testid="empty"]', { timeout: 15_000 });
    const file = join(mkdtempSync(join(tmpdir(), 'vietlao-import-')), 'vietlao-archive.json');
    writeFileSync(file, exported);
    const input = (await emptied.$('[data-testid="import-input"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await emptied.waitForFunction(() => document.querySelectorAll('[data-testid="archive-item"]').length >= 2, {
      timeout: 15_000,
      polling: 50,
    });
    assert.match(await emptied.$eval('[data-testid="io-status"]', (el) => el.textContent ?? ''), /2/);
    assert.equal(await itemCount(emptied), 2);
    await emptied.close();
  });
});

/**
 * Firefox ESR, built extension: the archive journey across the page, the background (Dexie in the
 * MV2 background page), the popup and the reader page (moz-extension:// pages, opened with a raw
 * BiDi navigate), and the JSON export landing in the downloads folder. One browser launch.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxExtensionBrowser } from '../support/firefox';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { comparable } from '../support/text';

const fixture = loadFixtures().find((f) => f.expected.isArticle && f.folder.startsWith('antv--hop-tac'))!;

let server: FixtureServer;
let firefox: FirefoxExtensionBrowser;

/** Poll `check` until it returns a truthy value (conditions, not sleeps). */
async function waitFor<T>(check: () => T | Promise<T>, what: string, timeout = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A trusted click on a button inside the in-page toolbar's shadow root. */
async function clickToolbar(page: Page, testid: string): Promise<void> {
  const handle = await page.evaluateHandle((id) => document.querySelector('vietlao-toolbar')?.shadowRoot?.querySelector(`[data-testid="${id}"]`) ?? null, testid);
  const button = handle.asElement() as ElementHandle<Element> | null;
  assert.ok(button, `toolbar button ${testid} exists`);
  await button.click();
  await handle.dispose();
}

async function openExtensionPage(path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await firefox.gotoExtensionPage(page, path);
  return page;
}

describe('Firefox: save, archive, read, export', () => {
  before(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  let readerHref = '';

  it('"Lưu bài" on the page saves the clean article; the popup archive lists it', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(fixture.url, { waitUntil: 'load' });
    await page.waitForFunction(() => !!document.querySelector('vietlao-view')?.shadowRoot?.querySelector('.vl-article'), { timeout: 15_000, polling: 50 });
    await clickToolbar(page, 'save');
    const status = await page.waitForFunction(
      () => {
        const el = document.querySelector('vietlao-toolbar')?.shadowRoot?.querySelector('[data-testid="status"]');
        return el && /\b(ok|error)\b/.test(el.className) ? `${el.className}|${el.textContent}` : false;
      },
      { timeout: 15_000, polling: 50 },
    );
    const [cls, text] = String(await status.jsonValue()).split('|');
    assert.match(cls!, /\bok\b/, `save reported: ${text}`);
    await page.close();

    const popup = await openExtensionPage('/popup.html');
    await popup.waitForSelector('[data-testid="archive-item"]', { timeout: 15_000 });
    const items = await popup.$$eval('[data-testid="archive-item"]', (rows) => rows.map((r) => (r as HTMLElement).innerText));
    assert.equal(items.length, 1, 'one saved article');
    assert.ok(comparable(items[0]!).includes(comparable(fixture.expected.title ?? '')), `the item shows the title: ${items[0]}`);
    readerHref = await popup.$eval('[data-testid="archive-item"] [data-testid="open"]', (a) => (a as HTMLAnchorElement).getAttribute('href') ?? '');
    assert.match(readerHref, /^reader\.html\?id=/);
    await popup.close();
  });

  it('the reader page shows the saved clean copy, offline from the archive', async () => {
    assert.ok(readerHref, 'previous test saved an article');
    const before = server.requests.length;
    const reader = await openExtensionPage(`/${readerHref}`);
    await reader.waitForSelector('[data-testid="reader-article"]', { timeout: 15_000 });
    const text = comparable(await reader.$eval('[data-testid="reader-article"]', (el) => (el as HTMLElement).innerText));
    assert.ok(text.includes(comparable(fixture.expected.title ?? '')), 'title');
    for (const p of fixture.expected.paragraphs) assert.ok(text.includes(comparable(p)), `paragraph missing: ${p.slice(0, 70)}`);
    for (const a of fixture.expected.absent) {
      if (fixture.expected.paragraphs.some((p) => comparable(p).includes(comparable(a)))) continue;
      assert.ok(!text.includes(comparable(a)), `boilerplate in the saved copy: ${a}`);
    }
    // Firefox's own services (remote settings) also knock on the proxy: only requests to the news
    // sites count; a CONNECT only opens a tunnel, the requests inside it are recorded on their own.
    const pagesFetched = server.requests
      .slice(before)
      .filter((r) => r.path !== 'CONNECT' && server.hosts.includes(r.host.replace(/^www\./, '').replace(/:\d+$/, '')))
      .filter((r) => !/\.(?:jpe?g|png|gif|webp|svg)(?:$|\?)/i.test(r.path));
    assert.deepEqual(pagesFetched, [], 'the reader fetched no page from the news site (images may load from their source)');
    await reader.close();
  });

  it('"Xuất JSON" in the popup downloads the archive as a JSON file', async () => {
    const popup = await openExtensionPage('/popup.html');
    await popup.waitForSelector('[data-testid="archive-item"]', { timeout: 15_000 });
    await popup.click('[data-testid="export-json"]');
    const file = await waitFor(() => {
      if (!existsSync(firefox.downloadsDir)) return null;
      const done = readdirSync(firefox.downloadsDir).filter((f) => f.endsWith('.json'));
      return done.length ? join(firefox.downloadsDir, done[0]!) : null;
    }, 'the exported JSON in the downloads folder');
    const json = await waitFor(() => {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as unknown; // complete once it parses
      } catch {
        return null;
      }
    }, 'a complete JSON file');
    const dump = comparable(JSON.stringify(json));
    assert.ok(dump.includes(comparable(fixture.expected.title ?? '')), 'the export contains the saved article');
    await popup.close();
  });
});

/**
 * Sites in Firefox ESR: a "post-" family site (qdnd.vn) is cleaned automatically; a page on an
 * unlisted site is left alone; the options page adds that site — with the real optional-permission
 * request, answered by the `extensions.webextOptionalPermissionPrompts` pref — after which it is
 * cleaned automatically; removing it gives the permission back and stops the cleaning.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxExtensionBrowser } from '../support/firefox';
import { waitFor } from '../support/wait';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';

const SCREENSHOTS = join(import.meta.dirname, '../../assets/screenshots');
const fixtures = loadFixtures();
const unlisted = fixtures.find((f) => f.folder === 'generic--tin-lao-example')!;
const qdnd = fixtures.find((f) => f.folder.startsWith('qdnd--') && f.expected.isArticle)!;

let server: FixtureServer;
let firefox: FirefoxExtensionBrowser;

interface PermissionsApi {
  browser: { permissions: { getAll(): Promise<{ origins: string[] }> } };
}

const hasView = (page: Page) => page.evaluate(() => !!document.querySelector('vietlao-view'));

async function origins(page: Page): Promise<string[]> {
  return (await page.evaluate(() => (globalThis as unknown as PermissionsApi).browser.permissions.getAll())).origins;
}

describe('Firefox: sites, options, optional permissions', () => {
  before(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox({
      port: server.port,
      tlsPort: server.tlsPort,
      hosts: server.hosts,
      prefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('cleans a "post-" family site (qdnd.vn) automatically', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(qdnd.url);
    await waitFor(() => hasView(page), 'the clean view');
    const title = await page.evaluate(
      () => document.querySelector('vietlao-view')!.shadowRoot!.querySelector('.vl-title')!.textContent,
    );
    assert.equal(title, qdnd.expected.title);
    await page.close();
  });

  it('adds a site with its own permission, cleans it automatically, and removes both again', async () => {
    const before = await firefox.browser.newPage();
    await before.goto(unlisted.url);
    await new Promise((r) => setTimeout(r, 1000)); // proving that nothing happens
    assert.equal(await hasView(before), false, 'an unlisted site is left alone');

    const options = await firefox.browser.newPage();
    await firefox.gotoExtensionPage(options, '/options.html');
    await options.waitForSelector('body[data-ready="true"]');
    assert.ok(!(await origins(options)).includes('*://tin-lao.example/*'));
    await options.type('[data-testid="add-host"]', 'https://www.tin-lao.example/some/page');
    await options.click('[data-testid="add-site"]');
    await options.waitForSelector('[data-testid="added-site"][data-host="tin-lao.example"]');
    assert.ok((await origins(options)).includes('*://tin-lao.example/*'), 'the optional permission was granted');
    await options.screenshot({ path: join(SCREENSHOTS, 'firefox-options.png') });

    const added = await firefox.browser.newPage();
    await added.goto(unlisted.url);
    await waitFor(() => hasView(added), 'the added site cleaned automatically');

    await options.click('[data-testid="remove-host"][data-host="tin-lao.example"]');
    await waitFor(async () => !(await origins(options)).includes('*://tin-lao.example/*'), 'the permission removed');
    const afterRemoval = await firefox.browser.newPage();
    await afterRemoval.goto(unlisted.url);
    await new Promise((r) => setTimeout(r, 1000)); // proving that nothing happens
    assert.equal(await hasView(afterRemoval), false, 'not cleaned once removed');
    await Promise.all([before.close(), added.close(), afterRemoval.close(), options.close()]);
  });

  it('cleans an unlisted site on demand: the popup injects the reader into that one tab', async () => {
    // The page's access here comes from a granted optional permission with the site NOT added for
    // automatic cleaning; in real use the same injection runs on the activeTab grant that a click
    // on the toolbar button gives, which automation cannot produce.
    const options = await firefox.browser.newPage();
    await firefox.gotoExtensionPage(options, '/options.html');
    await options.waitForSelector('body[data-ready="true"]');
    await options.type('[data-testid="add-host"]', 'tin-lao.example');
    await options.click('[data-testid="add-site"]');
    await options.waitForSelector('[data-testid="added-site"][data-host="tin-lao.example"]');
    // Keep the permission, drop the automatic cleaning (and its registered content script).
    await options.evaluate(async () => {
      const ext = (
        globalThis as unknown as {
          browser: {
            storage: { local: { set(v: object): Promise<void> } };
            runtime: { sendMessage(m: object): Promise<unknown> };
          };
        }
      ).browser;
      await ext.storage.local.set({ siteSettings: { disabled: [], added: [] } });
      // the message the options page sends when its sites change (@webext-core/messaging's format)
      await ext.runtime.sendMessage({ id: 1, type: 'syncAddedSites', data: undefined, timestamp: Date.now() });
    });

    const page = await firefox.browser.newPage();
    await page.goto(unlisted.url);
    await new Promise((r) => setTimeout(r, 1000)); // proving that nothing happens by itself
    assert.equal(await hasView(page), false);
    const tabId = await options.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number }[]> } } })
        .browser;
      return (await ext.tabs.query({ url: '*://tin-lao.example/*' })).at(-1)!.id!;
    });
    const popup = await firefox.browser.newPage();
    await firefox.gotoExtensionPage(popup, `/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('body[data-ready="true"]');
    await popup.click('[data-testid="current-tab"] [data-testid="clean-tab"]');
    await waitFor(() => hasView(page), 'the page cleaned on demand');
    const title = await page.evaluate(
      () => document.querySelector('vietlao-view')!.shadowRoot!.querySelector('.vl-title')!.textContent,
    );
    assert.equal(title, unlisted.expected.title);
    await popup.waitForSelector('[data-testid="current-tab"][data-state="article"]', { timeout: 15_000 });
    await Promise.all([page.close(), popup.close(), options.close()]);
  });
});

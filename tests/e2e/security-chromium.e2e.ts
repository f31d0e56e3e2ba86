/**
 * Hostile pages, bad files, full disks and busy tabs, in Debian's Chromium with the built
 * extension (one launch for the file). See tests/security/ for the payload table and pages.
 *
 *  1. XSS: the payload pages are cleaned in place, saved, opened in the reader, exported and a
 *     hostile archive file imported — no script runs in any extension context (no `/__xss/` hit
 *     on the fixture server, no dialog, no `__xss` log, no `window.__xss`), no handler survives.
 *  2. The page cannot drive the extension: forged messages, untrusted clicks, clobbered document,
 *     replaced DOM/JSON built-ins.
 *  3. A bad import file in the popup: a clear message, the list unchanged.
 *  4. 50 saves from 10 tabs at once: each article stored once, indexes consistent, the popup
 *     never shows more than the distinct articles.
 *  5. A quota failure during a save: the in-page status says why, nothing partial is stored.
 *  7. The extension's own contexts make no network request (images of a saved article shown in
 *     the reader excepted: README "Saved images stay links to their source").
 */
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1'; // service-worker requests reach context.on('request')

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { isSupportedHost } from '@/lib/clean/sites/hosts';
import { launchChromium, type ExtensionBrowser } from '../support/chromium';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { checkHtml, checkInPageExpression, DANGEROUS_TAGS } from '../security/check-html';
import {
  clobberPage,
  hostileImportFile,
  plainPage,
  prototypeAttackPage,
  READ_ARCHIVE,
  type StoredArchive,
} from '../security/e2e-pages';
import { payloadPages, type PayloadPage } from '../security/payload-pages';
import { HIT_PATH, keptTexts, XSS_PAYLOADS } from '../security/xss-payloads';

const pages = payloadPages({ csp: true });
const attack = prototypeAttackPage();
const clobber = clobberPage();
const quotaPage = plainPage('bai-het-bo-nho', 1);
/** Articles the content script cleans on its own (supported hosts; "generic" fixtures are on demand only). */
const fixtureArticles = loadFixtures().filter((f) => f.expected.isArticle && isSupportedHost(new URL(f.url).hostname));
/** Reader/in-page extras: highlight marks and the view's own attributes. */
const VIEW_EXTRA_ATTRS = [
  'class',
  'data-entity-id',
  'data-entity-type',
  'data-mention',
  'tabindex',
  'role',
  'aria-label',
  'aria-describedby',
  'data-testid',
  'data-listed',
  'data-entity-title',
];

let server: FixtureServer;
let browser: ExtensionBrowser;
let exported = '';
const dialogs: string[] = [];
const xssLogs: string[] = [];
const extensionRequests: { url: string; from: string; type: string }[] = [];

const ext = (b: ExtensionBrowser, path: string) => `chrome-extension://${b.extensionId}${path}`;
const xssHits = () => server.requests.filter((r) => r.path.startsWith(HIT_PATH));

async function extensionPage(path = '/popup.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(ext(browser, path));
  await page.locator('body[data-ready]').waitFor();
  return page;
}

async function readArchive(): Promise<StoredArchive> {
  const page = await extensionPage();
  try {
    return (await page.evaluate(READ_ARCHIVE)) as StoredArchive;
  } finally {
    await page.close();
  }
}

async function openArticle(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('vietlao-view .vl-article').waitFor({ timeout: 15_000 });
  return page;
}

async function saveFromToolbar(page: Page, expect: 'ok' | 'error' = 'ok'): Promise<string> {
  await page.locator('vietlao-toolbar [data-testid="save"]').click();
  const status = page.locator(
    `vietlao-toolbar [data-testid="status"].ok, vietlao-toolbar [data-testid="status"].error`,
  );
  await status.waitFor({ timeout: 15_000 });
  const cls = (await status.getAttribute('class')) ?? '';
  const text = (await status.textContent()) ?? '';
  assert.ok(cls.includes(expect), `save status ${cls}: ${text}`);
  return text;
}

const fragment = (html: string) => {
  const doc = new JSDOM('').window.document;
  const t = doc.createElement('template');
  t.innerHTML = html; // inert parse of stored HTML, for the check only
  return t.content;
};

function assertNothingRan(where: string): void {
  assert.deepEqual(xssHits(), [], `${where}: /__xss/ requests`);
  assert.deepEqual(dialogs, [], `${where}: dialogs`);
  assert.deepEqual(xssLogs, [], `${where}: __xss console logs`);
}

describe('Chromium: hostile pages, bad files, full disks and busy tabs', () => {
  before(async () => {
    server = await startFixtureServer([...pages, attack, clobber, quotaPage]);
    browser = await launchChromium({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
    browser.context.on('dialog', (d) => {
      dialogs.push(`${d.page()?.url() ?? '?'}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    browser.context.on('console', (m) => {
      // the payloads log "__xss <id>"; the browser's own CSP warnings about the raw page quote them and do not count
      if (m.type() === 'log' && /^__xss x\d+/.test(m.text()))
        xssLogs.push(`${m.page()?.url() ?? 'worker'}: ${m.text()}`);
    });
    browser.context.on('request', (r) => {
      let from: string;
      try {
        from = r.serviceWorker() ? `worker ${r.serviceWorker()!.url()}` : r.frame().url();
      } catch {
        from = 'unknown';
      }
      if (from.startsWith('worker') || from.startsWith('chrome-extension://')) {
        if (!r.url().startsWith('chrome-extension://') && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
          extensionRequests.push({ url: r.url(), from, type: r.resourceType() });
      }
    });
  });
  after(async () => {
    await browser?.context.close();
    await server?.close();
  });

  it(`XSS: ${XSS_PAYLOADS.length} payloads in ${pages.length} articles are cleaned in place and saved; nothing runs`, async () => {
    for (const p of pages) {
      const page = await openArticle(p.url);
      const inPage = (await page.evaluate(
        checkInPageExpression('.vl-body', { shadowHost: 'vietlao-view', extraAttrs: VIEW_EXTRA_ATTRS }),
      )) as string[];
      assert.deepEqual(inPage, [], `${p.url}: the in-page clean view`);
      await saveFromToolbar(page);
      assert.notEqual(await page.evaluate('window.__xss'), 1, `${p.url}: window.__xss`);
      await page.close();
    }
    const stored = await readArchive();
    for (const p of pages) {
      const row = stored.articles.find((a) => a.canonicalUrl === p.url);
      assert.ok(row, `${p.url} saved`);
      const body = stored.bodies.find((b) => b.id === row.id)!;
      assert.doesNotMatch(body.contentHtml, DANGEROUS_TAGS);
      assert.deepEqual(checkHtml(fragment(body.contentHtml)), [], `${p.url}: stored HTML`);
      for (const i of p.payloads)
        for (const text of keptTexts(XSS_PAYLOADS[i]!)) assert.ok(body.text.includes(text), `${p.url}: kept "${text}"`);
    }
    assertNothingRan('cleaning and saving');
  });

  it('XSS: every saved payload article opens in the reader with no handler, no script and nothing run', async () => {
    const stored = await readArchive();
    for (const p of pages as PayloadPage[]) {
      const id = stored.articles.find((a) => a.canonicalUrl === p.url)!.id;
      const reader = await browser.context.newPage();
      await reader.goto(ext(browser, `/reader.html?id=${encodeURIComponent(id)}`));
      await reader.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
      await reader.locator('[data-testid="reader-body"]').hover(); // pointer events over the body, for handlers that need them
      assert.deepEqual(
        await reader.evaluate(checkInPageExpression('[data-testid="reader-body"]', { extraAttrs: VIEW_EXTRA_ATTRS })),
        [],
        `${p.url}: reader DOM`,
      );
      assert.equal(
        await reader.evaluate(
          'document.querySelectorAll("script:not([src]), [onerror], [onload], iframe, object, embed, svg, math, form, base, meta[http-equiv]").length',
        ),
        0,
      );
      assert.notEqual(await reader.evaluate('window.__xss'), 1);
      await reader.waitForTimeout(150);
      await reader.close();
    }
    assertNothingRan('the reader');
  });

  it('XSS: the exported JSON carries only sanitised HTML', async () => {
    const popup = await extensionPage();
    const download = popup.waitForEvent('download');
    await popup.locator('[data-testid="export-json"]').click();
    exported = readFileSync((await (await download).path())!, 'utf8');
    const data = JSON.parse(exported) as { articles: { url: string; contentHtml: string }[] };
    assert.equal(data.articles.length, pages.length);
    for (const a of data.articles) {
      assert.doesNotMatch(a.contentHtml, DANGEROUS_TAGS, a.url);
      assert.deepEqual(checkHtml(fragment(a.contentHtml)), [], `${a.url}: exported HTML`);
    }
    await popup.close();
    assertNothingRan('export');
  });

  it('XSS: importing a file whose contentHtml carries every payload stores and shows sanitised HTML', async () => {
    const hostile = hostileImportFile(exported);
    const popup = await extensionPage();
    await popup
      .locator('[data-testid="import-input"]')
      .setInputFiles({ name: 'doc-hai.json', mimeType: 'application/json', buffer: Buffer.from(hostile.text) });
    await popup.locator('[data-testid="io-status"].ok').waitFor({ timeout: 15_000 });
    await popup.close();
    const stored = await readArchive();
    const row = stored.articles.find((a) => a.canonicalUrl === hostile.url);
    assert.ok(row, 'imported');
    const body = stored.bodies.find((b) => b.id === row.id)!;
    assert.doesNotMatch(body.contentHtml, DANGEROUS_TAGS);
    assert.deepEqual(checkHtml(fragment(body.contentHtml)), [], 'stored imported HTML');
    const reader = await browser.context.newPage();
    await reader.goto(ext(browser, `/reader.html?id=${encodeURIComponent(row.id)}`));
    await reader.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
    assert.match(await reader.locator('[data-testid="reader-body"]').innerText(), /đoạn mở đầu vẫn phải đọc được/);
    assert.deepEqual(
      await reader.evaluate(checkInPageExpression('[data-testid="reader-body"]', { extraAttrs: VIEW_EXTRA_ATTRS })),
      [],
    );
    await reader.waitForTimeout(200);
    await reader.close();
    assertNothingRan('import');
  });

  it('the page cannot drive the extension: forged messages and untrusted clicks save nothing', async () => {
    const page = await openArticle(clobber.url);
    const before = (await readArchive()).articles.length;
    const forged = (await page.evaluate(`(async function () {
      var out = [];
      var msg = { id: 1, type: 'saveArticle', data: { isArticle: true, url: location.href, canonicalUrl: location.href, title: 'giả', site: 'antv.gov.vn', siteName: 'x', text: 'x', contentHtml: '<img src=x onerror=alert(1)>', lang: 'vi', lead: null, byline: null, publishedAt: null, leadImage: null, wordCount: 1, readingMinutes: 1, entities: [] }, timestamp: Date.now() };
      try { chrome.runtime.sendMessage(${JSON.stringify(browser.extensionId)}, msg, function () {}); out.push('sendMessage: sent'); } catch (e) { out.push('sendMessage: ' + e.message); }
      window.postMessage(msg, '*');
      window.postMessage(Object.assign({}, msg, { type: 'saveFromPage' }), '*');
      Document.prototype.dispatchEvent.call(document, new CustomEvent('vietlao-save', { detail: msg }));
      var q = function (sel) { return Document.prototype.querySelector.call(document, sel); }; // this page clobbers document.querySelector
      var save = q('vietlao-toolbar').shadowRoot.querySelector('[data-testid="save"]');
      save.click();
      save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      save.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
      save.focus(); save.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      q('vietlao-toolbar').shadowRoot.querySelector('[data-testid="toggle"]').click();
      await new Promise(function (r) { setTimeout(r, 1500); });
      out.push('status: ' + save.parentNode.querySelector('[data-testid="status"]').textContent);
      out.push('view: ' + Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement').get.call(document).getAttribute('data-vietlao-view'));
      return out;
    })()`)) as string[];
    assert.ok(forged.includes('status: '), `no save started: ${forged.join(' | ')}`);
    assert.ok(forged.includes('view: clean'), `the untrusted toggle click changed nothing: ${forged.join(' | ')}`);
    assert.ok(
      !forged.includes('sendMessage: sent'),
      `a web page has no runtime.sendMessage to this extension: ${forged.join(' | ')}`,
    );
    assert.equal((await readArchive()).articles.length, before, 'nothing saved');
    // the same page, clobbered (img name=body/createElement/querySelector/…), still saves on a real click
    await saveFromToolbar(page);
    const stored = await readArchive();
    const row = stored.articles.find((a) => a.canonicalUrl === clobber.url);
    assert.ok(row, 'the clobbered page saves');
    assert.equal(row.title, clobber.title);
    await page.close();
    assertNothingRan('forgeries');
  });

  it('the page cannot drive the extension: replaced DOM and JSON built-ins do not stop cleaning', async () => {
    const page = await browser.context.newPage();
    await page.goto(attack.url, { waitUntil: 'load' });
    assert.equal(await page.evaluate('window.__attacksInstalled'), true, 'the page replaced its built-ins first');
    await page.locator('vietlao-view .vl-article').waitFor({ timeout: 15_000 });
    const antv = fixtureArticles.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
    const bodyText = await page.locator('vietlao-view .vl-body').innerText();
    assert.ok(
      bodyText.replace(/\s+/g, ' ').includes(antv.expected.paragraphs[0]!.slice(0, 60)),
      'the clean view holds the article',
    );
    assert.equal(await page.locator('vietlao-view .vl-title').innerText(), attack.title);
    await saveFromToolbar(page);
    const stored = await readArchive();
    const row = stored.articles.find((a) => a.canonicalUrl === attack.url);
    assert.ok(row && row.title === attack.title, 'saved with the real title');
    assert.ok(stored.bodies.find((b) => b.id === row.id)!.text.includes(antv.expected.paragraphs[0]!.slice(0, 60)));
    await page.close();
  });

  it('a bad import file in the popup: a clear message, and the list unchanged', async () => {
    const popup = await extensionPage();
    await popup.locator('body[data-ready="true"]').waitFor();
    const titles = await popup.locator('[data-testid="archive-item"] [data-testid="open"]').allTextContents();
    const broken = exported.slice(0, Math.floor(exported.length / 2));
    await popup
      .locator('[data-testid="import-input"]')
      .setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const status = popup.locator('[data-testid="io-status"].error');
    await status.waitFor({ timeout: 15_000 });
    const text = (await status.textContent()) ?? '';
    assert.ok(text.length > 15 && /tệp|JSON|cắt|truncat|file/i.test(text), `clear message: ${text}`);
    await popup.reload();
    await popup.locator('body[data-ready="true"]').waitFor();
    assert.deepEqual(
      await popup.locator('[data-testid="archive-item"] [data-testid="open"]').allTextContents(),
      titles,
    );
    await popup.close();
  });

  it('a quota failure during a save: the in-page status says why, and nothing partial is stored', async () => {
    const page = await openArticle(quotaPage.url);
    const before = await readArchive();
    // A full disk, injected where the browser would raise it: every IndexedDB put on the bodies
    // store in the service worker throws QuotaExceededError (the articles row is written first
    // in the same transaction, so a partial write would show).
    await browser.worker.evaluate(`(function () {
      var put = IDBObjectStore.prototype.put;
      self.__realPut = put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (this.name === 'bodies') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    })()`);
    try {
      const text = await saveFromToolbar(page, 'error');
      assert.match(text, /full|đầy/i, `the status says the storage is full: ${text}`);
    } finally {
      await browser.worker.evaluate('IDBObjectStore.prototype.put = self.__realPut');
    }
    const after = await readArchive();
    assert.equal(after.articles.length, before.articles.length, 'no article row');
    assert.equal(after.bodies.length, before.bodies.length, 'no body row');
    assert.ok(!after.articles.some((a) => a.canonicalUrl === quotaPage.url));
    await saveFromToolbar(page); // and once space is back, the same button saves
    await page.close();
  });

  it('concurrency: 50 saves fired from 10 tabs at once store each article once; the popup stays consistent', async () => {
    const ten = fixtureArticles.slice(0, 10);
    assert.equal(ten.length, 10);
    const before = await readArchive();
    const known = new Set(before.articles.map((a) => a.canonicalUrl));
    const tabs: Page[] = [];
    for (const f of ten) {
      try {
        tabs.push(await openArticle(f.url)); // opened one by one (2 cores); the saves below are fired at once
      } catch (e) {
        throw new Error(`${f.folder} ${f.url}: ${String(e)}`, { cause: e });
      }
    }
    const popup = await extensionPage();
    const expectedMax = before.articles.length + ten.length;
    let sampling = true;
    const samples: number[] = [];
    const sampler = (async () => {
      while (sampling) {
        await popup.reload();
        await popup.locator('body[data-ready="true"]').waitFor();
        const titles = await popup.locator('[data-testid="archive-item"] [data-testid="open"]').allTextContents();
        samples.push(titles.length);
        assert.equal(new Set(titles).size, titles.length, 'no duplicate in the popup list');
      }
    })();
    await Promise.all(
      tabs.flatMap((tab) =>
        Array.from({ length: 5 }, () => tab.locator('vietlao-toolbar [data-testid="save"]').click()),
      ),
    );
    await Promise.all(
      tabs.map((tab) =>
        tab.waitForFunction(() =>
          /\b(ok|error)\b/.test(
            document.querySelector('vietlao-toolbar')?.shadowRoot?.querySelector('[data-testid="status"]')?.className ??
              '',
          ),
        ),
      ),
    );
    await new Promise((r) => setTimeout(r, 1000)); // the last of the queued saves
    sampling = false;
    await sampler;
    const stored = await readArchive();
    const urls = stored.articles.map((a) => a.canonicalUrl);
    assert.equal(new Set(urls).size, urls.length, 'every canonical URL once');
    assert.equal(stored.articles.length, expectedMax - ten.filter((f) => known.has(f.url)).length);
    for (const f of ten)
      assert.equal(stored.articles.filter((a) => a.title === f.expected.title).length, 1, `${f.folder} stored once`);
    assert.deepEqual(
      stored.bodies.map((b) => b.id).sort(),
      stored.articles.map((a) => a.id).sort(),
      'one body per article, same ids',
    );
    assert.deepEqual([...stored.byIndex].sort(), [...urls].sort(), 'the canonicalUrl index matches the rows');
    assert.ok(samples.length >= 1);
    assert.ok(
      samples.every((n) => n <= stored.articles.length),
      `the popup never showed more than the distinct articles: ${samples.join(',')}`,
    );
    for (const tab of tabs)
      assert.match((await tab.locator('vietlao-toolbar [data-testid="status"]').getAttribute('class')) ?? '', /\bok\b/);
    await popup.reload();
    await popup.locator('body[data-ready="true"]').waitFor();
    assert.ok((await popup.locator('[data-testid="archive-item"]').count()) <= stored.articles.length);
    await popup.close();
    await Promise.all(tabs.map((t) => t.close()));
  });

  it('network: the service worker, popup and reader made no request of their own during the whole journey', async () => {
    // the reader shows a saved article's images from their source (README: "Saved images stay links
    // to their source"); every other request by an extension context is a failure
    const stored = await readArchive();
    const imageHosts = new Set(
      stored.bodies.flatMap((b) =>
        [...b.contentHtml.matchAll(/src="(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1]!).host),
      ),
    );
    const other = extensionRequests.filter(
      (r) => !(r.type === 'image' && imageHosts.has(new URL(r.url).host) && r.from.startsWith('chrome-extension://')),
    );
    assert.ok(
      extensionRequests.some((r) => r.type === 'image'),
      "the recorder sees extension-page requests (the reader's images)",
    );
    assert.deepEqual(other, [], 'requests by extension contexts');
    assert.equal(
      extensionRequests.filter((r) => r.from.startsWith('worker')).length,
      0,
      'the service worker made no request',
    );
    assertNothingRan('the whole journey');
  });
});

/**
 * Hostile pages in Firefox ESR with the built extension (.output/firefox-mv2), one launch for the
 * file: the XSS table's pages cleaned in place (content scripts behind Xray vision), saved, opened
 * in the reader, exported, and a hostile archive imported — nothing runs in any extension context
 * (no `/__xss/` hit on the fixture server, no dialog, no `__xss` log), no handler survives; the
 * page cannot drive the extension (untrusted clicks, clobbered document, replaced built-ins); and
 * 50 saves from 10 tabs at once store each article once.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import type { ElementHandle, Page } from 'puppeteer-core';
import { isSupportedHost } from '@/lib/clean/sites/hosts';
import { launchFirefox, type FirefoxExtensionBrowser } from '../support/firefox';
import { waitFor } from '../support/wait';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { checkHtml, checkInPageExpression, DANGEROUS_TAGS } from '../security/check-html';
import {
  clobberPage,
  hostileImportFile,
  prototypeAttackPage,
  READ_ARCHIVE,
  type StoredArchive,
} from '../security/e2e-pages';
import { payloadPages } from '../security/payload-pages';
import { HIT_PATH, keptTexts, XSS_PAYLOADS } from '../security/xss-payloads';

const pages = payloadPages({ csp: true });
const attack = prototypeAttackPage();
const clobber = clobberPage();
const fixtureArticles = loadFixtures().filter((f) => f.expected.isArticle && isSupportedHost(new URL(f.url).hostname));
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
let firefox: FirefoxExtensionBrowser;
let exported = '';
const dialogs: string[] = [];
const xssLogs: string[] = [];

const xssHits = () => server.requests.filter((r) => r.path.startsWith(HIT_PATH));
function assertNothingRan(where: string): void {
  assert.deepEqual(xssHits(), [], `${where}: /__xss/ requests`);
  assert.deepEqual(dialogs, [], `${where}: dialogs`);
  assert.deepEqual(xssLogs, [], `${where}: __xss console logs`);
}

async function newPage(): Promise<Page> {
  const page = await firefox.browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => {
    if (m.type() === 'log' && /^__xss x\d+/.test(m.text())) xssLogs.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

async function extensionPage(path = '/popup.html'): Promise<Page> {
  const page = await newPage();
  await firefox.gotoExtensionPage(page, path);
  await page.waitForSelector('body[data-ready]', { timeout: 15_000 });
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

/**
 * Main-world expressions that survive the hostile pages: document.querySelector may be clobbered
 * (<img name="querySelector">) and Element/Document.prototype.querySelector replaced, so hosts are
 * found with getElementsByTagName and searched through their ShadowRoot (DocumentFragment.prototype).
 */
const host = (tag: string) => `Document.prototype.getElementsByTagName.call(document, '${tag}')[0]`;
const VIEW_READY = `!!(${host('vietlao-view')} || {}).shadowRoot && !!${host('vietlao-view')}.shadowRoot.querySelector('.vl-article')`;

async function openArticle(url: string): Promise<Page> {
  const page = await newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(VIEW_READY, { timeout: 15_000, polling: 50 });
  return page;
}

async function toolbarButton(page: Page, testid: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    `(${host('vietlao-toolbar')}.shadowRoot.querySelector('[data-testid="${testid}"]'))`,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  assert.ok(el, `toolbar ${testid}`);
  return el;
}
const statusOf = (page: Page) =>
  page.evaluate(
    `(function () { var s = ${host('vietlao-toolbar')}.shadowRoot.querySelector('[data-testid="status"]'); return { cls: s.className, text: s.textContent }; })()`,
  ) as Promise<{ cls: string; text: string }>;

async function save(page: Page): Promise<void> {
  await (await toolbarButton(page, 'save')).click();
  const s = await waitFor(async () => {
    const st = await statusOf(page);
    return /\b(ok|error)\b/.test(st.cls) ? st : null;
  }, 'the save status');
  assert.match(s.cls, /\bok\b/, `save: ${s.text}`);
}

const fragment = (html: string) => {
  const t = new JSDOM('').window.document.createElement('template');
  t.innerHTML = html; // inert parse of stored HTML, for the check only
  return t.content;
};

async function openReader(id: string): Promise<Page> {
  const reader = await newPage();
  await firefox.gotoExtensionPage(reader, `/reader.html?id=${encodeURIComponent(id)}`);
  await reader.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return reader;
}

describe('Firefox: hostile pages, bad files and busy tabs', () => {
  before(async () => {
    server = await startFixtureServer([...pages, attack, clobber]);
    firefox = await launchFirefox({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  it(`XSS: ${XSS_PAYLOADS.length} payloads in ${pages.length} articles are cleaned in place, saved and read; nothing runs`, async () => {
    for (const p of pages) {
      const page = await openArticle(p.url);
      assert.deepEqual(
        await page.evaluate(
          checkInPageExpression('.vl-body', { shadowHost: 'vietlao-view', extraAttrs: VIEW_EXTRA_ATTRS }),
        ),
        [],
        `${p.url}: the in-page view`,
      );
      await save(page);
      assert.notEqual(await page.evaluate('window.__xss'), 1);
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
      const reader = await openReader(row.id);
      assert.deepEqual(
        await reader.evaluate(checkInPageExpression('[data-testid="reader-body"]', { extraAttrs: VIEW_EXTRA_ATTRS })),
        [],
        `${p.url}: reader DOM`,
      );
      assert.notEqual(await reader.evaluate('window.__xss'), 1);
      await reader.close();
    }
    assertNothingRan('cleaning, saving and reading');
  });

  it('XSS: the exported JSON carries only sanitised HTML; a hostile import is sanitised in the reader', async () => {
    const popup = await extensionPage();
    await popup.click('[data-testid="export-json"]');
    const name = await waitFor(
      () =>
        existsSync(firefox.downloadsDir)
          ? readdirSync(firefox.downloadsDir).find((f) => f.endsWith('.json'))
          : undefined,
      'the export',
    );
    const data = await waitFor(() => {
      try {
        return JSON.parse(readFileSync(join(firefox.downloadsDir, name), 'utf8')) as {
          articles: { url: string; contentHtml: string }[];
        };
      } catch {
        return null;
      }
    }, 'a complete export');
    exported = JSON.stringify(data);
    assert.equal(data.articles.length, pages.length);
    for (const a of data.articles) {
      assert.doesNotMatch(a.contentHtml, DANGEROUS_TAGS, a.url);
      assert.deepEqual(checkHtml(fragment(a.contentHtml)), [], `${a.url}: exported HTML`);
    }
    const hostile = hostileImportFile(exported);
    const file = join(mkdtempSync(join(tmpdir(), 'vietlao-sec-')), 'doc-hai.json');
    writeFileSync(file, hostile.text);
    const input = (await popup.$('[data-testid="import-input"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await popup.waitForSelector('[data-testid="io-status"].ok', { timeout: 15_000 });
    await popup.close();
    const stored = await readArchive();
    const row = stored.articles.find((a) => a.canonicalUrl === hostile.url);
    assert.ok(row, 'imported');
    assert.deepEqual(
      checkHtml(fragment(stored.bodies.find((b) => b.id === row.id)!.contentHtml)),
      [],
      'stored imported HTML',
    );
    const reader = await openReader(row.id);
    assert.match(
      await reader.$eval('[data-testid="reader-body"]', (el) => (el as HTMLElement).innerText),
      /đoạn mở đầu vẫn phải đọc được/,
    );
    assert.deepEqual(
      await reader.evaluate(checkInPageExpression('[data-testid="reader-body"]', { extraAttrs: VIEW_EXTRA_ATTRS })),
      [],
    );
    await new Promise((r) => setTimeout(r, 200));
    await reader.close();
    assertNothingRan('export and import');
  });

  it('the page cannot drive the extension: untrusted clicks save nothing; the clobbered page still saves', async () => {
    const page = await openArticle(clobber.url);
    const before = (await readArchive()).articles.length;
    const out = (await page.evaluate(`(async function () {
      var out = [];
      var bar = Document.prototype.querySelector.call(document, 'vietlao-toolbar').shadowRoot;
      var save = bar.querySelector('[data-testid="save"]');
      try { browser.runtime.sendMessage({ id: 1, type: 'saveArticle', data: {}, timestamp: Date.now() }); out.push('sendMessage: sent'); } catch (e) { out.push('sendMessage: ' + e.message); }
      window.postMessage({ id: 1, type: 'saveFromPage', timestamp: Date.now() }, '*');
      save.click();
      save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      bar.querySelector('[data-testid="toggle"]').click();
      await new Promise(function (r) { setTimeout(r, 1500); });
      out.push('status: ' + bar.querySelector('[data-testid="status"]').textContent);
      out.push('view: ' + Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement').get.call(document).getAttribute('data-vietlao-view'));
      return out;
    })()`)) as string[];
    assert.ok(out.includes('status: '), out.join(' | '));
    assert.ok(out.includes('view: clean'), out.join(' | '));
    assert.ok(!out.includes('sendMessage: sent'), out.join(' | '));
    assert.equal((await readArchive()).articles.length, before, 'nothing saved');
    await save(page);
    assert.ok((await readArchive()).articles.some((a) => a.canonicalUrl === clobber.url && a.title === clobber.title));
    await page.close();
  });

  it('the page cannot drive the extension: replaced DOM and JSON built-ins do not stop cleaning', async () => {
    // puppeteer's waitForFunction runs its poller in the page's main world, whose built-ins this
    // page replaced: poll with plain evaluates instead
    const page = await newPage();
    await page.goto(attack.url, { waitUntil: 'load' });
    assert.equal(await page.evaluate('window.__attacksInstalled'), true);
    await waitFor(() => page.evaluate(VIEW_READY) as Promise<boolean>, 'the clean view on the attacking page');
    const antv = fixtureArticles.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
    await save(page);
    const stored = await readArchive();
    const row = stored.articles.find((a) => a.canonicalUrl === attack.url);
    assert.ok(row && row.title === attack.title, 'saved with the real title');
    assert.ok(stored.bodies.find((b) => b.id === row.id)!.text.includes(antv.expected.paragraphs[0]!.slice(0, 60)));
    await page.close();
  });

  it("concurrency: 50 saves from 10 tabs at once (tab messages, the shortcut's path) store each article once", async () => {
    const ten = fixtureArticles.slice(0, 10);
    const tabs: Page[] = [];
    for (const f of ten) tabs.push(await openArticle(f.url));
    const ext = await extensionPage();
    const outcomes = (await ext.evaluate(`(async function () {
      var urls = ${JSON.stringify(ten.map((f) => f.url))};
      var tabs = (await browser.tabs.query({})).filter(function (t) { return urls.indexOf(t.url) >= 0; });
      var calls = [];
      tabs.forEach(function (t) { for (var i = 0; i < 5; i++) calls.push(browser.tabs.sendMessage(t.id, { id: i, type: 'saveFromPage', timestamp: Date.now() })); });
      var res = await Promise.all(calls);
      return { tabs: tabs.length, results: res.map(function (r) { return r && r.res ? (r.res.ok ? r.res.status : 'error ' + r.res.message) : JSON.stringify(r); }) };
    })()`)) as { tabs: number; results: string[] };
    await ext.close();
    assert.equal(outcomes.tabs, 10);
    assert.equal(outcomes.results.length, 50);
    assert.ok(
      outcomes.results.every((r) => /^(added|updated|unchanged)$/.test(r)),
      outcomes.results.join(','),
    );
    assert.equal(outcomes.results.filter((r) => r === 'added').length, 10, 'each article added exactly once');
    const stored = await readArchive();
    const urls = stored.articles.map((a) => a.canonicalUrl);
    assert.equal(new Set(urls).size, urls.length, 'every canonical URL once');
    for (const f of ten)
      assert.equal(stored.articles.filter((a) => a.title === f.expected.title).length, 1, `${f.folder} once`);
    assert.deepEqual(stored.bodies.map((b) => b.id).sort(), stored.articles.map((a) => a.id).sort());
    assert.deepEqual([...stored.byIndex].sort(), [...urls].sort());
    const popup = await extensionPage();
    await popup.waitForSelector('body[data-ready="true"]');
    const titles = await popup.$$eval('[data-testid="archive-item"] [data-testid="open"]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    assert.equal(new Set(titles).size, titles.length);
    assert.ok(titles.length <= stored.articles.length);
    await popup.close();
    await Promise.all(tabs.map((t) => t.close()));
    assertNothingRan('the whole journey');
  });
});

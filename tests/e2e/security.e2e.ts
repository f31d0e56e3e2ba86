/**
 * Hostile pages, bad files, full disks and busy tabs, in the browser E2E_BROWSER names (one launch
 * for the file). See tests/security/ for the payload table and pages.
 *
 *  1. XSS: the payload pages are cleaned in place, saved, opened in the reader, exported and a
 *     hostile archive file imported — no script runs in any extension context (no `/__xss/` hit
 *     on the fixture server, no dialog, no `__xss` console log, no `window.__xss`), no handler survives.
 *  2. The page cannot drive the extension: forged messages, untrusted clicks, clobbered document,
 *     replaced DOM/JSON built-ins (and the other rows of the hostile table: a bad import file).
 *  3. A quota failure during a save: the in-page status says why, nothing partial is stored.
 *  4. 100 saves at once from 10 tabs: each article stored once, indexes consistent, the popup
 *     never shows more than the distinct articles.
 *  5. The extension's own contexts make no network request (images of a saved article shown in
 *     the reader excepted: README "Saved images stay links to their source").
 * Console logs of the background are seen in Chromium only: BiDi shows no Firefox background page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import type { ElementHandle, Page } from 'puppeteer-core';
import { isSupportedHost } from '@/lib/clean/sites/hosts';
import {
  byTestId,
  click,
  count,
  element,
  inToolbar,
  innerText,
  saveFromToolbar,
  texts,
  toolbarStatus,
  waitForCleanView,
} from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness, onlyIn } from '../support/harness';
import { hostileCases, readArchive } from '../support/hostile';
import { waitFor } from '../support/wait';
import { checkHtml, checkInPageExpression, DANGEROUS_TAGS } from '../security/check-html';
import {
  clobberPage,
  hostileFieldFile,
  hostileImportFile,
  plainPage,
  prototypeAttackPage,
} from '../security/e2e-pages';
import { payloadPages } from '../security/payload-pages';
import { HIT_PATH, keptTexts, XSS_PAYLOADS } from '../security/xss-payloads';

const pages = payloadPages({ csp: true });
const attack = prototypeAttackPage();
const clobber = clobberPage();
const quotaPage = plainPage('bai-het-bo-nho', 1);
/** Articles the content script cleans on its own (supported hosts; "generic" fixtures are on demand only). */
const fixtureArticles = loadFixtures().filter((f) => f.expected.isArticle && isSupportedHost(new URL(f.url).hostname));
const antv = fixtureArticles.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
/** Reader/in-page extras: highlight marks and the view's own attributes. */
const VIEW_EXTRA_ATTRS = [
  ...['class', 'data-entity-id', 'data-entity-type', 'data-mention', 'tabindex', 'role', 'aria-label'],
  ...['aria-describedby', 'data-testid', 'data-listed', 'data-entity-title'],
];
const READER_BODY = byTestId('reader-body');

let server: FixtureServer;
let h: Harness;
let exported = '';

const xssHits = () => server.requests.filter((r) => r.path.startsWith(HIT_PATH));
// the payloads log "__xss <id>"; the browser's own CSP warnings about the raw page quote them and do not count
const xssLogs = () => h.logs.filter((m) => m.type === 'log' && /^__xss x\d+/.test(m.text));
function assertNothingRan(where: string): void {
  assert.deepEqual(xssHits(), [], `${where}: /__xss/ requests`);
  assert.deepEqual(h.dialogs, [], `${where}: dialogs`);
  assert.deepEqual(xssLogs(), [], `${where}: __xss console logs`);
}

async function openArticle(url: string): Promise<Page> {
  const page = await h.open(url);
  await waitForCleanView(page);
  return page;
}

const fragment = (html: string) => {
  const t = new JSDOM('').window.document.createElement('template');
  t.innerHTML = html; // inert parse of stored HTML, for the check only
  return t.content;
};
const assertSanitised = (html: string, where: string) => {
  assert.doesNotMatch(html, DANGEROUS_TAGS, where);
  assert.deepEqual(checkHtml(fragment(html)), [], where);
};
const readerDomProblems = (page: Page) =>
  page.evaluate(checkInPageExpression(READER_BODY, { extraAttrs: VIEW_EXTRA_ATTRS })) as Promise<string[]>;

describe(`${BROWSER}: hostile pages, bad files, full disks and busy tabs`, () => {
  before(async () => {
    server = await startFixtureServer([...pages, clobber, quotaPage]);
    h = await Harness.launch({ server });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it(`XSS: ${XSS_PAYLOADS.length} payloads in ${pages.length} articles are cleaned in place and saved; nothing runs`, async () => {
    for (const p of pages) {
      const page = await openArticle(p.url);
      const inPage = checkInPageExpression('.vl-body', { shadowHost: 'vietlao-view', extraAttrs: VIEW_EXTRA_ATTRS });
      assert.deepEqual(await page.evaluate(inPage), [], `${p.url}: the in-page clean view`);
      await saveFromToolbar(page);
      assert.notEqual(await page.evaluate('window.__xss'), 1, `${p.url}: window.__xss`);
      await page.close();
    }
    const stored = await readArchive(h);
    for (const p of pages) {
      const row = stored.articles.find((a) => a.canonicalUrl === p.url);
      assert.ok(row, `${p.url} saved`);
      const body = stored.bodies.find((b) => b.id === row.id)!;
      assertSanitised(body.contentHtml, `${p.url}: stored HTML`);
      for (const i of p.payloads)
        for (const text of keptTexts(XSS_PAYLOADS[i]!)) assert.ok(body.text.includes(text), `${p.url}: kept "${text}"`);
    }
    assertNothingRan('cleaning and saving');
  });

  it('XSS: every saved payload article opens in the reader with no handler, no script and nothing run', async () => {
    const stored = await readArchive(h);
    for (const p of pages) {
      const id = stored.articles.find((a) => a.canonicalUrl === p.url)!.id;
      const reader = await h.openExtension(`/reader.html?id=${encodeURIComponent(id)}`);
      await element(reader, 'body[data-ready="true"]');
      await reader.hover(READER_BODY); // pointer events over the body, for handlers that need them
      assert.deepEqual(await readerDomProblems(reader), [], `${p.url}: reader DOM`);
      const active =
        'script:not([src]), [onerror], [onload], iframe, object, embed, svg, math, form, base, meta[http-equiv]';
      assert.equal(await count(reader, active), 0);
      assert.notEqual(await reader.evaluate('window.__xss'), 1);
      await new Promise((r) => setTimeout(r, 150));
      await reader.close();
    }
    assertNothingRan('the reader');
  });

  it('XSS: the exported JSON carries only sanitised HTML', async () => {
    const popup = await h.openExtension('/popup.html');
    await click(popup, byTestId('export-json'));
    exported = (await h.download(/\.json$/)).text;
    const data = JSON.parse(exported) as { articles: { url: string; contentHtml: string }[] };
    assert.equal(data.articles.length, pages.length);
    for (const a of data.articles) assertSanitised(a.contentHtml, `${a.url}: exported HTML`);
    await popup.close();
    assertNothingRan('export');
  });

  it('XSS: importing a file whose contentHtml carries every payload stores and shows sanitised HTML', async () => {
    const hostile = hostileImportFile(exported);
    // the popup hands the file over untouched: the background sanitises (Chrome: in its offscreen document)
    for (const attack of [/<script/i, /\son[a-z]+\s*=/i, /javascript:/i])
      assert.match(hostile.text, attack, 'the file carries scripts, handlers and javascript: URLs');
    const popup = await h.openExtension('/popup.html');
    const file = join(mkdtempSync(join(tmpdir(), 'vietlao-sec-')), 'doc-hai.json');
    writeFileSync(file, hostile.text);
    await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(file);
    await element(popup, byTestId('io-status', '.ok'));
    await popup.close();
    const stored = await readArchive(h);
    const row = stored.articles.find((a) => a.canonicalUrl === hostile.url);
    assert.ok(row, 'imported');
    assertSanitised(stored.bodies.find((b) => b.id === row.id)!.contentHtml, 'stored imported HTML');
    const reader = await h.openExtension(`/reader.html?id=${encodeURIComponent(row.id)}`);
    await element(reader, 'body[data-ready="true"]');
    assert.match(await innerText(reader, READER_BODY), /đoạn mở đầu vẫn phải đọc được/);
    assert.deepEqual(await readerDomProblems(reader), []);
    assert.equal(await count(reader, `${READER_BODY} script, ${READER_BODY} [href^="javascript:" i]`), 0);
    assert.match(
      await innerText(reader, byTestId('original-host')),
      /antv\.gov\.vn/,
      'the original link names its host',
    );
    await new Promise((r) => setTimeout(r, 200));
    await reader.close();
    assertNothingRan('import');
  });

  it(
    'Chrome: the service worker has no DOM, so the import above was sanitised in the offscreen document, closed once done',
    onlyIn('chromium', 'Firefox sanitises in its background page, which has a DOM: it has no offscreen documents'),
    async () => {
      const seen = await h.background(async (scope) => {
        const chrome = (scope as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } })
          .chrome;
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        return { dom: typeof (scope as { document?: unknown }).document, open: contexts.length };
      });
      assert.deepEqual(seen, { dom: 'undefined', open: 0 });
    },
  );

  it('the page cannot drive the extension: forged messages and untrusted clicks save nothing', async () => {
    const page = await openArticle(clobber.url);
    const before = (await readArchive(h)).articles.length;
    const forged = (await page.evaluate(`(async function () {
      var out = [];
      var msg = { id: 1, type: 'saveArticle', data: { isArticle: true, url: location.href, canonicalUrl: location.href, title: 'giả', site: 'antv.gov.vn', siteName: 'x', text: 'x', contentHtml: '<img src=x onerror=alert(1)>', lang: 'vi', lead: null, byline: null, publishedAt: null, leadImage: null, wordCount: 1, readingMinutes: 1, entities: [] }, timestamp: Date.now() };
      try { chrome.runtime.sendMessage(${JSON.stringify(h.extensionId)}, msg, function () {}); out.push('sendMessage: sent'); } catch (e) { out.push('sendMessage: ' + e.message); }
      try { browser.runtime.sendMessage(msg); out.push('sendMessage: sent'); } catch (e) { out.push('sendMessage: ' + e.message); }
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
    const all = forged.join(' | ');
    assert.ok(forged.includes('status: '), `no save started: ${all}`);
    assert.ok(forged.includes('view: clean'), `the untrusted toggle click changed nothing: ${all}`);
    assert.ok(!forged.includes('sendMessage: sent'), `a web page has no runtime.sendMessage to this extension: ${all}`);
    assert.equal((await readArchive(h)).articles.length, before, 'nothing saved');
    // the same page, clobbered (img name=body/createElement/querySelector/…), still saves on a real click
    await saveFromToolbar(page);
    const row = (await readArchive(h)).articles.find((a) => a.canonicalUrl === clobber.url);
    assert.ok(row, 'the clobbered page saves');
    assert.equal(row.title, clobber.title);
    await page.close();
    assertNothingRan('forgeries');
  });

  hostileCases(
    () => h,
    [
      {
        title: 'the page cannot drive the extension: replaced DOM and JSON built-ins do not stop cleaning',
        page: attack,
        expected: {
          pageFlag: '__attacksInstalled',
          view: { title: attack.title, text: antv.expected.paragraphs[0]!.slice(0, 60) },
          saved: { title: attack.title, text: antv.expected.paragraphs[0]!.slice(0, 60) },
        },
      },
      {
        title: 'a bad import file in the popup: a clear message, and the list unchanged',
        file: { name: 'hong.json', text: () => exported.slice(0, Math.floor(exported.length / 2)) },
        expected: { importError: /tệp|JSON|cắt|truncat|file/i },
      },
      {
        title: 'an imported url with a user name (https://nhandan.vn@evil.example/) is refused, naming the real host',
        file: {
          name: 'url-gia.json',
          text: () => hostileFieldFile(exported, 'url', 'https://nhandan.vn@evil.example/'),
        },
        expected: { importError: /"url".*evil\.example/ },
      },
      {
        title: 'an imported javascript: leadImage is refused',
        file: { name: 'anh-gia.json', text: () => hostileFieldFile(exported, 'leadImage', 'javascript:alert(1)') },
        expected: { importError: /"leadImage".*(http\(s\)|javascript)/ },
      },
      {
        title: 'an imported site holding HTML is refused',
        file: {
          name: 'trang-gia.json',
          text: () => hostileFieldFile(exported, 'site', '<img src=x onerror=alert(1)>antv.gov.vn'),
        },
        expected: { importError: /"site".*(HTML)/ },
      },
      {
        title: 'an imported body with 20,000 inline event handlers is refused before any parsing',
        file: {
          name: 'xu-ly-su-kien.json',
          text: () => hostileFieldFile(exported, 'contentHtml', '<p onmouseover="alert(1)">Lào</p>'.repeat(20_000)),
        },
        expected: { importError: /"contentHtml".*(onclick|10[.,]000)/ },
      },
    ],
  );

  it('a quota failure during a save: the in-page status says why, and nothing partial is stored', async () => {
    const page = await openArticle(quotaPage.url);
    const before = await readArchive(h);
    // A full disk, injected where the browser would raise it: every IndexedDB put on the bodies
    // store in the background throws QuotaExceededError (the articles row is written first in the
    // same transaction, so a partial write would show).
    await h.background((g) => {
      const scope = g as unknown as { IDBObjectStore: typeof IDBObjectStore; DOMException: typeof DOMException };
      const put = scope.IDBObjectStore.prototype.put;
      (g as unknown as { __realPut: unknown }).__realPut = put;
      scope.IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (this.name === 'bodies') throw new scope.DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    });
    let text: string;
    try {
      text = await saveFromToolbar(page, 'error');
      assert.match(text, /full|đầy/i, `the status says the storage is full: ${text}`);
    } finally {
      await h.background((g) => {
        const scope = g as unknown as { IDBObjectStore: typeof IDBObjectStore; __realPut: IDBObjectStore['put'] };
        scope.IDBObjectStore.prototype.put = scope.__realPut;
      });
    }
    const after = await readArchive(h);
    assert.equal(after.articles.length, before.articles.length, 'no article row');
    assert.equal(after.bodies.length, before.bodies.length, 'no body row');
    assert.ok(!after.articles.some((a) => a.canonicalUrl === quotaPage.url));
    await saveFromToolbar(page, 'ok', text); // and once space is back, the same button saves
    await page.close();
  });

  it("concurrency: 100 saves at once — 50 trusted clicks in 5 tabs, 50 tab messages (the shortcut's path) to 5 others — store each article once; the popup stays consistent", async () => {
    const ten = fixtureArticles.slice(0, 10);
    assert.equal(ten.length, 10);
    const before = await readArchive(h);
    const known = new Set(before.articles.map((a) => a.canonicalUrl));
    const tabs: Page[] = [];
    for (const f of ten) tabs.push(await openArticle(f.url)); // one by one (2 cores); the saves below are fired at once
    const [clicked, messaged] = [tabs.slice(0, 5), ten.slice(5)];
    const tabIds = await Promise.all(messaged.map((f) => h.tabIdOf(f.url)));
    const popup = await h.openExtension('/popup.html');
    let sampling = true;
    const samples: number[] = [];
    const sampler = (async () => {
      while (sampling) {
        await h.openExtension('/popup.html', popup); // reload
        const titles = await texts(popup, `${byTestId('archive-item')} ${byTestId('open')}`);
        samples.push(titles.length);
        assert.equal(new Set(titles).size, titles.length, 'no duplicate in the popup list');
      }
    })();
    const [, results] = await Promise.all([
      Promise.all(
        clicked.flatMap((tab) =>
          Array.from({ length: 10 }, async () => (await tab.$(inToolbar(byTestId('save'))))!.click()),
        ),
      ),
      h.ext(
        (api, ids) =>
          Promise.all(
            ids.map((id) =>
              Promise.all(
                Array.from({ length: 10 }, (_, i) =>
                  api.tabs.sendMessage(id, { id: i, type: 'saveFromPage', timestamp: Date.now() }).then((r) => {
                    const res = (r as { res?: { ok: boolean; status?: string; message?: string } } | undefined)?.res;
                    return res ? (res.ok ? res.status : `error ${res.message}`) : JSON.stringify(r);
                  }),
                ),
              ),
            ),
          ),
        tabIds,
      ),
    ]);
    await Promise.all(
      clicked.map((tab) => waitFor(async () => /\b(ok|error)\b/.test((await toolbarStatus(tab)).cls), 'a save status')),
    );
    await new Promise((r) => setTimeout(r, 1000)); // the last of the queued saves
    sampling = false;
    await sampler;
    assert.equal(results.length, 5);
    messaged.forEach((f, k) => {
      const outcomes = results[k]!;
      assert.equal(outcomes.length, 10);
      assert.ok(
        outcomes.every((r) => /^(added|updated|unchanged)$/.test(r ?? '')),
        outcomes.join(','),
      );
      assert.equal(outcomes.filter((r) => r === 'added').length, known.has(f.url) ? 0 : 1, `${f.folder} added once`);
    });
    const stored = await readArchive(h);
    const urls = stored.articles.map((a) => a.canonicalUrl);
    assert.equal(new Set(urls).size, urls.length, 'every canonical URL once');
    assert.equal(stored.articles.length, before.articles.length + ten.filter((f) => !known.has(f.url)).length);
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
    for (const tab of clicked) assert.match((await toolbarStatus(tab)).cls, /\bok\b/);
    await h.openExtension('/popup.html', popup);
    assert.ok((await count(popup, byTestId('archive-item'))) <= stored.articles.length);
    await popup.close();
    await Promise.all(tabs.map((t) => t.close()));
  });

  it('network: the background, popup and reader made no request of their own during the whole journey', async () => {
    // the reader shows a saved article's images from their source (README: "Saved images stay links
    // to their source"); every other request by an extension context is a failure
    const stored = await readArchive(h);
    const imageHosts = new Set(
      stored.bodies.flatMap((b) =>
        [...b.contentHtml.matchAll(/src="(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1]!).host),
      ),
    );
    const requests = h.extensionRequests();
    const other = requests.filter(
      (r) => !(r.type === 'image' && r.from !== 'background' && imageHosts.has(new URL(r.url).host)),
    );
    assert.ok(
      requests.some((r) => r.type === 'image'),
      "the recorder sees extension-page requests (the reader's images)",
    );
    assert.deepEqual(other, [], 'requests by extension contexts');
    assert.equal(requests.filter((r) => r.from === 'background').length, 0, 'the background made no request');
    assertNothingRan('the whole journey');
  });
});

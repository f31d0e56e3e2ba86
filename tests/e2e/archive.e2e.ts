/**
 * The product's memory, in the browser E2E_BROWSER names: save from the in-page button (the badge
 * shows it) and from the popup, list and search in the popup (opened as a page; words, "phrases"
 * and the relevance order), read offline
 * with highlights in the reader page, export a file that validates against the schema, delete
 * every article and import that file back; import a file with a newer copy of one article and a
 * new one: the popup says one stored copy was replaced, and Undo puts the archive back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  byTestId,
  checked,
  click,
  count,
  element,
  innerText,
  saveFromToolbar,
  setViewport,
  texts,
  waitForCleanView,
  waitForCount,
  waitInPage,
} from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';
import { READ_ARCHIVE, type StoredArchive } from '../security/e2e-pages';
import { MAX_MESSAGE_CHARS } from '@/lib/limits';

const articles = loadFixtures().filter((f) => f.expected.isArticle);
const antv = articles.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
const thoidai = articles.find((f) => f.folder === 'thoidai--van-phong-bqp-lao')!;
const ITEM = byTestId('archive-item');

let server: FixtureServer;
let h: Harness;
let exported = '';

/** Choose `text` as a file named `name` in the popup's import input. */
async function importInPopup(popup: Page, text: string, name = 'vietlao-archive.json'): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'vietlao-import-')), name);
  writeFileSync(file, text);
  await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(file);
}

const openPopup = (tabId?: number) => h.openExtension(`/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);

/**
 * Search in the popup and wait until the list shows `expected` items. Each call below moves the
 * count away from the previous value (2→1→2→1→0→2), and the intermediate reload a checkbox
 * change causes never shows the target count, so reaching the target is the search's answer.
 */
async function search(popup: Page, query: string, exact: boolean, expected: number): Promise<void> {
  if ((await checked(popup, byTestId('exact'))) !== exact) await click(popup, byTestId('exact'));
  await popup.$eval(
    byTestId('search'),
    (el, q) => {
      (el as HTMLInputElement).value = q;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    query,
  );
  await popup.focus(byTestId('search'));
  await popup.keyboard.press('Enter'); // flushes the debounce
  await waitForCount(popup, ITEM, expected, 5_000).catch((e: Error) =>
    assert.fail(`search ${JSON.stringify(query)} (exact: ${exact}): ${e.message}`),
  );
}

describe(`${BROWSER}: saving, the popup archive, the reader page, export and import`, () => {
  before(async () => {
    server = await startFixtureServer();
    h = await Harness.launch({ server });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it('saves from the in-page button, and the badge shows the page is saved', async () => {
    const page = await h.open(antv.url);
    await waitForCleanView(page);
    const first = await saveFromToolbar(page);
    const badge = await h.ext(
      (api, id) => (api.action ?? api.browserAction)!.getBadgeText({ tabId: id }), // MV3 action, MV2 browserAction
      await h.tabIdOf(antv.url),
    );
    assert.equal(badge, '✓');
    const second = await saveFromToolbar(page, 'ok', first); // again: "already saved / updated", still ok
    assert.match(second, /.+/);
  });

  it('saves from the popup\'s "save this page" (the path the shortcut and context menu take)', async () => {
    const page = await h.open(thoidai.url);
    await waitForCleanView(page);
    const popup = await openPopup(await h.tabIdOf(thoidai.url));
    await element(popup, byTestId('current-tab', '[data-state="article"]'));
    await click(popup, byTestId('save-tab'));
    await waitForCount(popup, ITEM, 2);
    assert.equal(await count(popup, ITEM), 2);
    await popup.close();
  });

  it('lists both articles, newest first, and searches with and without diacritics', async () => {
    const popup = await openPopup();
    const titles = await texts(popup, `${ITEM} ${byTestId('open')}`);
    assert.equal(titles.length, 2);
    assert.ok(titles[0]!.trim().startsWith(thoidai.expected.title!), 'newest first');
    assert.ok(titles[1]!.trim().startsWith(antv.expected.title!));
    await search(popup, 'sẻng-khăm', false, 1); // a rare word finds only its article
    await search(popup, 'lao', false, 2); // "lao" finds "Lào"
    await search(popup, 'sẻng-khăm', false, 1);
    await search(popup, 'lão', true, 0); // exact "lão" is not "Lào"
    await search(popup, 'Lào', true, 2); // exact "Lào"
    await click(popup, byTestId('exact'));
    await search(popup, '', false, 2);
    await setViewport(popup, { width: 420, height: 640 });
    await h.screenshot(popup, 'popup');
    await popup.close();
  });

  it('finds a "quoted phrase" only where its words stand together, and orders by relevance when asked', async () => {
    const popup = await openPopup();
    const TITLES = `${ITEM} ${byTestId('open')}`;
    const first = async () => (await texts(popup, TITLES))[0]!.trim();
    const sortShown = () => popup.$eval(byTestId('sort'), (el) => !(el.closest('label') as HTMLElement).hidden);
    // both articles have "chuyên" and "gia"; only the antv one has "chuyên gia"
    await search(popup, '"chuyên gia"', false, 1);
    assert.ok((await first()).startsWith(antv.expected.title!));
    await search(popup, 'quân đội', false, 2);
    await search(popup, 'Lào "quân độ', false, 1); // an unclosed quote: the phrase being typed
    assert.ok((await first()).startsWith(thoidai.expected.title!));
    await search(popup, 'chuyên gia', false, 2);
    assert.ok((await first()).startsWith(thoidai.expected.title!), 'newest first by default');
    assert.equal(await sortShown(), true);
    await popup.select(byTestId('sort'), 'relevance');
    await waitFor(
      async () => (await first()).startsWith(antv.expected.title!),
      'the article with "chuyên gia" seven times first',
      5_000,
    );
    assert.equal(await count(popup, ITEM), 2);
    await popup.select(byTestId('sort'), 'newest');
    await waitFor(async () => (await first()).startsWith(thoidai.expected.title!), 'newest first again', 5_000);
    await search(popup, '', false, 2);
    await waitFor(async () => !(await sortShown()), 'no order to choose without a search', 5_000);
    await popup.close();
  });

  it('opens the saved copy in the reader page, offline, with highlights and the legend', async () => {
    const popup = await openPopup();
    const before = server.requests.length;
    const links = await popup.$$(`${ITEM} ${byTestId('open')}`);
    const reader = await h.pageOpenedBy(() => links[links.length - 1]!.click()); // tabs.create
    await waitInPage(
      reader,
      () => location.pathname === '/reader.html' && document.body?.dataset.ready === 'true',
      'the reader page, ready',
    );
    const body = (await innerText(reader, byTestId('reader-body'))).replace(/\s+/g, ' ');
    assert.ok(body.includes(antv.expected.paragraphs[0]!.slice(0, 60)));
    assert.ok((await count(reader, 'mark.vl-entity')) > 5, 'entity highlights');
    assert.ok((await count(reader, byTestId('legend-entry'))) > 3, 'legend entries');
    // Offline: no request to a news site at all, images included — they are placeholders until
    // "Load images" (Firefox's own services also use the proxy; a CONNECT only opens a tunnel,
    // the requests inside are recorded on their own).
    const fetched = server.requests
      .slice(before)
      .filter((r) => r.path !== 'CONNECT' && server.hosts.includes(r.host.replace(/^www\./, '').replace(/:\d+$/, '')));
    assert.deepEqual(fetched, [], 'the reader fetched nothing');
    await h.screenshot(reader, 'reader');
    await Promise.all([reader.close(), popup.close()]);
  });

  it('exports a JSON file that validates against the schema and holds the articles', async () => {
    const popup = await openPopup();
    await click(popup, byTestId('export-json'));
    const file = await h.download(/\.json$/);
    assert.match(file.name, /^vietlao-archive-\d{4}-\d{2}-\d{2}\.json$/);
    exported = file.text;
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

  it('deletes every article, then imports that file and restores the archive', async () => {
    assert.ok(exported, 'the export test ran');
    const popup = await openPopup();
    for (let n = await count(popup, ITEM); n > 0; n--) {
      await click(popup, `${ITEM} ${byTestId('delete')}`);
      await waitForCount(popup, ITEM, n - 1);
    }
    await popup.close();
    const emptied = await openPopup(); // a fresh look: the archive is empty, not just the list
    await element(emptied, byTestId('empty'));
    await importInPopup(emptied, exported);
    await waitForCount(emptied, ITEM, 2);
    assert.match(await emptied.$eval(byTestId('io-status'), (el) => el.textContent ?? ''), /2/);
    assert.equal(await count(emptied, ITEM), 2);
    await emptied.close();
  });

  it('an import that replaces a stored copy says how many, and Undo restores it and removes what it added', async () => {
    const file = JSON.parse(exported) as { articles: Record<string, unknown>[] };
    const original = file.articles[0]!;
    const newer = {
      ...original,
      title: `${String(original.title)} (bản sửa trong tệp)`,
      updatedAt: '2030-01-01T00:00:00.000Z',
    };
    const added = {
      ...original,
      id: 'a-bai-moi-trong-tep',
      url: 'https://antv.gov.vn/tin-tuc/bai-moi-trong-tep-900500.html',
      canonicalUrl: 'https://antv.gov.vn/tin-tuc/bai-moi-trong-tep-900500.html',
      title: 'Bài mới chỉ có trong tệp',
    };
    const popup = await openPopup();
    await importInPopup(popup, JSON.stringify({ ...file, articles: [newer, added] }), 'ban-moi-hon.json');
    await waitForCount(popup, ITEM, 3);
    const snackbar = await innerText(popup, byTestId('snackbar'));
    assert.match(
      snackbar,
      /replaced by newer ones from the file: 1\b|thay 1 bản đã lưu/i,
      `the snackbar says one stored copy was replaced: ${snackbar}`,
    );
    const titles = await texts(popup, `${ITEM} ${byTestId('open')}`);
    assert.ok(
      titles.some((t) => t.includes('(bản sửa trong tệp)')),
      'the newer copy is listed',
    );
    await click(popup, byTestId('undo'));
    await waitForCount(popup, ITEM, 2);
    await waitFor(
      async () => /hoàn tác|undone/i.test(await innerText(popup, byTestId('snackbar'))),
      'the undo message',
    );
    const back = await texts(popup, `${ITEM} ${byTestId('open')}`);
    assert.ok(
      back.some((t) => t.includes(String(original.title))),
      'the stored copy is back',
    );
    assert.ok(
      !back.some((t) => t.includes('(bản sửa trong tệp)') || t.includes('Bài mới chỉ có trong tệp')),
      back.join(' | '),
    );
    await popup.close();
  });

  it('a file larger than one message (3 articles of 1.5 MB of HTML) reaches the background in parts and imports whole', async () => {
    const file = JSON.parse(exported) as { articles: Record<string, unknown>[] };
    const paragraph =
      '<p>Hợp tác Việt Nam – Lào <a href="javascript:alert(1)">an ninh</a>.<script>alert(2)</script></p>';
    const big = (n: number) => ({
      ...file.articles[0]!,
      id: `a-tep-lon-${n}`,
      url: `https://antv.gov.vn/tin-tuc/tep-lon-${n}-900510.html`,
      canonicalUrl: `https://antv.gov.vn/tin-tuc/tep-lon-${n}-900510.html`,
      title: `Bài trong tệp lớn ${n}`,
      contentHtml: `<p onclick="alert(3)">Mở đầu.</p>${paragraph.repeat(Math.floor(1_500_000 / paragraph.length))}<p>Đoạn cuối của bài ${n}.</p>`,
    });
    const text = JSON.stringify({ ...file, articles: [big(1), big(2), big(3)] });
    // more than one message to the background, and more than one batch to Chrome's offscreen document
    assert.ok(text.length > MAX_MESSAGE_CHARS, `${text.length} characters: more than one message`);
    const popup = await openPopup();
    const before = await count(popup, ITEM);
    await importInPopup(popup, text, 'tep-lon.json');
    await element(popup, byTestId('io-status', '.ok'), 120_000);
    await waitForCount(popup, ITEM, before + 3);
    const stored = (await h.ext(READ_ARCHIVE)) as StoredArchive;
    for (const n of [1, 2, 3]) {
      const body = stored.bodies.find((b) => b.id === `a-tep-lon-${n}`);
      assert.ok(body, `article ${n} stored`);
      assert.ok(body.contentHtml.endsWith(`<p>Đoạn cuối của bài ${n}.</p>`), `article ${n} whole`);
      assert.ok(!/onclick|<script|javascript:/.test(body.contentHtml), `article ${n} sanitised`);
    }
    await popup.close();
  });
});

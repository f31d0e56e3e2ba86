/**
 * Cleaning in place, in the browser E2E_BROWSER names: the built extension cleans the fixture
 * pages served offline under their real hostnames; the toggle restores the original without a
 * reload; highlights and the entity card work and switching them off restores the text exactly;
 * pages that are not articles are left untouched.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { isSupportedHost } from '@/lib/clean/sites/hosts';
import {
  byTestId,
  click,
  count,
  element,
  hover,
  inToolbar,
  inView,
  matches,
  waitForCleanView,
  waitForCount,
  waitForVisible,
} from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { comparable } from '../support/text';

const fixtures = loadFixtures();
/** Pages cleaned automatically: articles on the supported news sites (others wait for the reader). */
const cleaned = (f: (typeof fixtures)[number]) => f.expected.isArticle && isSupportedHost(new URL(f.url).hostname);
const articles = fixtures.filter(cleaned);
const nonArticles = fixtures.filter((f) => !cleaned(f));
const SCREENSHOT: Record<string, string> = { 'antv--hop-tac': 'clean-antv', 'thoidai--hop-tac': 'clean-thoidai' };

let server: FixtureServer;
let h: Harness;

/** Text of the clean article's lead and body (inside the view's shadow root; the header shows metadata). */
const viewText = async (page: Page) =>
  (await Promise.all(['.vl-lead', '.vl-body'].map(async (s) => (await matches(page, inView(s)))[0]?.innerText))).join(
    '\n',
  );
const viewTitle = async (page: Page) => (await element(page, inView('.vl-title'))).text;
/** What the reader sees of the page itself (hidden nodes excluded). */
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
const bodyOf = async (page: Page) => {
  const body = await element(page, inView('.vl-body'));
  return { text: body.text, children: body.children };
};

async function openArticle(url: string): Promise<Page> {
  const page = await h.open(url);
  await waitForCleanView(page);
  return page;
}

describe(`${BROWSER}: cleaning in place`, () => {
  before(async () => {
    server = await startFixtureServer();
    h = await Harness.launch({ server });
  });
  after(async () => {
    await h?.close();
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
      const shot = Object.keys(SCREENSHOT).find((prefix) => fixture.folder.startsWith(prefix));
      if (shot) {
        if (shot.startsWith('thoidai')) await element(page, inView('mark.vl-entity')); // the highlights in the picture
        await h.screenshot(page, SCREENSHOT[shot]!);
      }
      await page.close();
    });
  }

  it('the toggle restores the original page and cleans it again, without reloading', async () => {
    const fixture = articles.find((f) => f.folder.startsWith('antv--'))!;
    const page = await openArticle(fixture.url);
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Math.random()));
    await click(page, inToolbar(byTestId('toggle')));
    await page.waitForFunction(() => !document.querySelector('vietlao-view'), { polling: 50 });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-vietlao-view')), false);
    const original = comparable(await pageText(page));
    const heading = fixture.expected.absent.find((a) => /Tin mới nhất/.test(a)) ?? fixture.expected.absent[0]!;
    assert.ok(original.includes(comparable(heading)), `original page shows "${heading}" again`);
    for (const p of fixture.expected.paragraphs.slice(0, 3))
      assert.ok(original.includes(comparable(p)), 'original paragraphs visible');
    await click(page, inToolbar(byTestId('toggle')));
    await waitForCleanView(page);
    assert.ok(!comparable(await pageText(page)).includes(comparable(heading)), 'clean again');
    assert.equal(
      await page.evaluate(() => (window as unknown as { __marker: number }).__marker),
      marker,
      'no reload happened',
    );
    await page.close();
  });

  it('a reload and a link to the next article are cleaned too (the background injects on each navigation)', async () => {
    const [first, second] = articles.filter((f) => f.folder.startsWith('antv--'));
    const page = await openArticle(first!.url);
    await page.reload({ waitUntil: 'load' });
    await waitForCleanView(page);
    assert.equal(comparable(await viewTitle(page)), comparable(first!.expected.title ?? ''));
    // followed from the page itself, as a reader does: a navigation the page starts
    await page.evaluate((href) => (location.href = href), second!.url);
    await page.waitForFunction((href) => location.href === href, { polling: 50 }, second!.url);
    await waitForCleanView(page);
    assert.equal(comparable(await viewTitle(page)), comparable(second!.expected.title ?? ''));
    await page.close();
  });

  it('highlights entities in the clean view; the card opens; switching highlights off restores the text exactly', async () => {
    const fixture = articles.find((f) => f.folder.startsWith('thoidai--hop-tac'))!;
    const page = await openArticle(fixture.url);
    await element(page, inView(byTestId('entity-panel'))); // added once the background's mentions are wrapped
    const marks = (await matches(page, inView('mark.vl-entity'))).map((e) => [e.text, e.attrs['data-entity-type']]);
    assert.ok(marks.length > 10, `${marks.length} highlights`);
    assert.ok(marks.some(([text, type]) => text === 'Hoàng Xuân Chiến' && type === 'PERSON'));
    assert.ok(marks.some(([text, type]) => text === 'Chanthaphone Khammanichanh' && type === 'PERSON'));
    const withMarks = await bodyOf(page);

    await hover(page, inView('mark.vl-entity[data-entity-type="PERSON"]'));
    const card = await waitForVisible(page, inView(byTestId('entity-card')));
    assert.match(card.innerText.replace(/\s+/g, ' '), /Hoàng Xuân Chiến/);
    await click(page, inView(byTestId('legend-entry'))); // steps to a mention

    await click(page, inView(byTestId('highlights-toggle')));
    await waitForCount(page, inView('mark.vl-entity'), 0, 5_000);
    assert.equal(await count(page, inView('mark.vl-entity')), 0);
    assert.deepEqual(
      await bodyOf(page),
      withMarks,
      'the text (and the elements) are exactly the same without highlights',
    );
    await click(page, inView(byTestId('highlights-toggle')));
    // highlights come back (asynchronously: the background finds them), same count
    await waitForCount(page, inView('mark.vl-entity'), marks.length);
    await page.close();
  });

  for (const fixture of nonArticles) {
    it(`${fixture.folder}: a page that is not an article is left untouched`, async () => {
      const page = await h.open(fixture.url);
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

/**
 * Fixes the user makes, remembered, in the browser E2E_BROWSER names: a block removed with
 * *Remove this block* on one antv article is gone from another antv article of the same template;
 * *Not the whole article?* on an article the CMS split out of antv's container shows it whole and
 * the next such article of the site opens whole, until the user switches back; the options page's
 * custom rule counts what its selectors match in the site's open tab.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { SiteFixes } from '@/lib/clean/site-fixes';
import {
  byTestId,
  click,
  count,
  element,
  inToolbar,
  inView,
  matches,
  texts,
  toolbarStatus,
  waitForCleanView,
  waitForCount,
} from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, currentHarness, Harness } from '../support/harness';
import { splitArticle } from '../support/split-article';
import { waitFor } from '../support/wait';

const fixtures = loadFixtures();
const first = fixtures.find((f) => f.folder === 'antv--cong-an-lao-hoc-vien')!;
const second = fixtures.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
const firstSplit = splitArticle(first);
const secondSplit = splitArticle(second);

/** The paragraphs the clean view shows (whitespace collapsed). */
const shownParagraphs = async (page: Page): Promise<string[]> =>
  (await texts(page, inView('.vl-body > p'))).map((t) => t.replace(/\s+/g, ' ').trim());

const storedFixes = (): Promise<SiteFixes> =>
  currentHarness()
    .ext((api) => api.storage.local.get('siteFixes'))
    .then((v) => (v as { siteFixes?: SiteFixes }).siteFixes ?? {});

async function fill(page: Page, testid: string, value: string): Promise<void> {
  const input = (await element(page, byTestId(testid))) as ElementHandle<HTMLInputElement>;
  await input.evaluate((el) => (el.value = ''));
  await input.type(value);
}

let server: FixtureServer;
let h: Harness;

describe(`${BROWSER}: fixes the user makes, remembered per site`, () => {
  before(async () => {
    server = await startFixtureServer([firstSplit, secondSplit]);
    h = await Harness.launch({ server });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it('the lead photo removed on one article is gone on the next article of the site, nothing else', async () => {
    const before2 = await h.open(second.url);
    await waitForCleanView(before2);
    const figuresBefore = await count(before2, inView('.vl-body > figure'));
    const firstCaption = (await matches(before2, inView('.vl-body > figure figcaption')))[0]!.text;
    const parasBefore = await count(before2, inView('.vl-body > p'));
    await before2.close();

    const page = await h.open(first.url);
    await waitForCleanView(page);
    const shown = await count(page, inView('.vl-body > figure'));
    await click(page, inToolbar(byTestId('pick')));
    await page.keyboard.press('Enter'); // the first block (the lead photo) has the focus
    await waitForCount(page, inView('.vl-body > figure:not([hidden])'), shown - 1);
    await page.close();

    const next = await h.open(second.url);
    await waitForCleanView(next);
    await waitForCount(next, inView('.vl-body > figure'), figuresBefore - 1);
    const captions = (await matches(next, inView('.vl-body > figure figcaption'))).map((e) => e.text);
    assert.ok(!captions.includes(firstCaption), 'the lead photo of the second article is gone');
    assert.equal(await count(next, inView('.vl-body > p')), parasBefore, 'every paragraph stays');
    await next.close();
  });

  it('Not the whole article? shows the split article whole, is remembered on the next article, and switches back', async () => {
    const page = await h.open(firstSplit.url);
    await waitForCleanView(page);
    const half = await shownParagraphs(page);
    assert.ok(!half.includes(firstSplit.firstMoved), 'the site rule shows only the container’s half');
    await click(page, inToolbar(byTestId('other-candidate')));
    await waitFor(async () => (await shownParagraphs(page)).includes(firstSplit.firstMoved), 'the whole article');
    const whole = await shownParagraphs(page);
    for (const p of half) assert.ok(whole.includes(p), `still shown: ${p.slice(0, 40)}`);
    assert.ok(whole.length > half.length);
    assert.equal((await toolbarStatus(page)).cls.includes('ok'), true);
    await waitFor(async () => (await storedFixes())['antv.gov.vn']?.prefer === 'generic', 'the choice stored');
    await page.close();

    const next = await h.open(secondSplit.url);
    await waitForCleanView(next);
    await waitFor(async () => (await shownParagraphs(next)).includes(secondSplit.firstMoved), 'opened whole');
    // the user switches back: the site's own rule again, and the choice forgotten
    await click(next, inToolbar(byTestId('other-candidate')));
    await waitFor(async () => !(await shownParagraphs(next)).includes(secondSplit.firstMoved), 'back to the rule');
    await waitFor(async () => (await storedFixes())['antv.gov.vn']?.prefer === undefined, 'the choice forgotten');
    assert.ok((await storedFixes())['antv.gov.vn']!.remove.length > 0, 'the removed block is still remembered');
    await next.close();
  });

  it('the custom rule’s live count is what its selectors match in the site’s open tab', async () => {
    const article = await h.open(second.url);
    await waitForCleanView(article);
    const inPage = (selector: string) => article.evaluate((sel) => document.querySelectorAll(sel).length, selector);
    const options = await h.openExtension('/options.html');
    await options.waitForSelector('body[data-ready="true"]');
    await fill(options, 'custom-site', 'antv.gov.vn');
    // the site's fix is there already (the photo removed above): the form starts from it
    const remembered = (await storedFixes())['antv.gov.vn']!.remove;
    const removeBox = (await element(options, byTestId('custom-remove'))) as ElementHandle<HTMLTextAreaElement>;
    assert.equal(await removeBox.evaluate((el) => el.value), remembered.join('\n'));
    await fill(options, 'custom-container', '.detail-content');
    await removeBox.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
    await removeBox.type('\n.detail-content > p\n.box-latest article\n.no-such-block\ndiv[');
    const counted = (sel: string) =>
      options.$$eval(
        `${byTestId('custom-count')}, ${byTestId('custom-count-container')}`,
        (els, s) => els.find((e) => (e as HTMLElement).dataset.selector === s)?.getAttribute('data-count') ?? null,
        sel,
      );
    await waitFor(async () => (await counted('div[')) === 'invalid', 'the counts');
    for (const sel of ['.detail-content', ...remembered, '.detail-content > p', '.box-latest article']) {
      const n = await inPage(sel);
      assert.ok(n > 0, `${sel} is on the page`);
      assert.equal(await counted(sel), String(n), `${sel}: the count in the tab`);
    }
    assert.equal(await counted('.no-such-block'), '0');
    const lines = await options.$$eval(byTestId('custom-count'), (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(
      lines.some((l) => l.startsWith('.no-such-block — ') && !/\d/.test(l.slice(16))),
      'says nothing matched',
    );
    const countedIn = await options.$eval(byTestId('custom-counted-in'), (e) => e.textContent ?? '');
    assert.ok(countedIn.includes(second.url), countedIn);

    await click(options, byTestId('custom-save'));
    await options.waitForSelector(`${byTestId('custom-rule')}[data-host="antv.gov.vn"]`);
    const fix = (await storedFixes())['antv.gov.vn']!;
    assert.equal(fix.container, '.detail-content');
    assert.deepEqual(fix.remove, [
      ...remembered,
      '.detail-content > p',
      '.box-latest article',
      '.no-such-block',
      'div[',
    ]);
    await options.close();
    await article.close();
  });
});

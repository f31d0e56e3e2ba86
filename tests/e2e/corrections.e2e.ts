/**
 * The user's corrections to the highlights, in the browser E2E_BROWSER names: on a fixture
 * article, *Not an entity* on this site takes the highlight away at once, after a reload, on
 * another article of the site and on its saved copy's reader page, and the saved copy's entities
 * follow it; *Wrong entity* picks
 * another gazetteer entity by name and the card shows it; the options page lists the
 * corrections, and removing one brings the highlight back in the open tab and the archive
 * (matched again) back to the gazetteer's entities.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { InPageTarget } from '../support/dom';
import {
  byTestId,
  inView,
  matches,
  saveFromToolbar,
  waitForCleanView,
  waitForVisible,
  waitInPage,
} from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';
import { READ_ARCHIVE } from '../security/e2e-pages';

const fixtures = loadFixtures();
const urlOf = (folder: string) => fixtures.find((f) => f.folder === folder)!.url;
/** Two articles of one site (antv.gov.vn): both name "Bộ Công an Việt Nam". */
const FIRST = urlOf('antv--hop-tac-cong-an');
const SECOND = urlOf('antv--cong-an-lao-hoc-vien');
const NOT_ENTITY = 'Bộ Công an Việt Nam';
/** In the second article the matcher takes "Công an Việt Nam" for the people's police; the user says it is the ministry. */
const WRONG = 'Công an Việt Nam';
const RIGHT_ID = 'org.vn-mps';

let server: FixtureServer;
let h: Harness;

const MARKS = inView('mark.vl-entity');
const marksOf = async (page: Page, surface: string) =>
  (await matches(page, MARKS)).filter((m) => m.text.replace(/\s+/g, ' ') === surface);
const waitForMarks = (page: Page, surface: string, test: (n: number) => boolean, what: string) =>
  waitFor(async () => test((await marksOf(page, surface)).length) || undefined, `${what} ("${surface}")`, 15_000);

/**
 * A trusted click at a target's centre without scrolling it into view first: the card sits under
 * the hovered mark, and a scroll would move another mark under the pointer.
 */
async function press(page: Page, target: InPageTarget): Promise<void> {
  const e = await waitForVisible(page, target);
  await page.mouse.click(e.rect.x + e.rect.width / 2, e.rect.y + e.rect.height / 2);
}

/**
 * Hover the first mark of `surface` on one line (a mark across a line break has a box whose centre
 * may be outside it), scrolled into the window, and wait for its card.
 */
async function openCard(page: Page, surface: string): Promise<void> {
  const first = async () => {
    const m = (await marksOf(page, surface)).find((e) => e.rect.height < 40);
    assert.ok(m, `a highlight of "${surface}"`);
    return m;
  };
  const height = await page.evaluate(() => window.innerHeight);
  const mark = await first();
  await page.evaluate((dy) => window.scrollBy(0, dy), mark.rect.y - height / 3);
  const { rect } = await waitFor(async () => {
    const m = await first();
    return m.rect.y >= 0 && m.rect.y < height / 2 ? m : undefined;
  }, `"${surface}" in view`);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await waitForVisible(page, inView(byTestId('entity-card')));
}

async function openArticle(url: string): Promise<Page> {
  const page = await h.open(url);
  await waitForCleanView(page);
  await waitFor(async () => ((await matches(page, MARKS)).length > 5 ? true : undefined), 'highlights', 15_000);
  return page;
}

interface Stored {
  articles: { id: string; url: string }[];
  bodies: { id: string; entities: { id: string; mentions: { surface: string }[] }[] }[];
}
/** The stored mentions' spellings of the saved article at `url`. */
async function storedSurfaces(url: string): Promise<string[]> {
  const stored = (await h.ext(READ_ARCHIVE)) as Stored;
  const article = stored.articles.find((a) => a.url === url);
  const body = stored.bodies.find((b) => b.id === article?.id);
  return (body?.entities ?? []).flatMap((e) => e.mentions.map((m) => m.surface.replace(/\s+/g, ' ')));
}

describe(`${BROWSER}: corrections to the highlights`, () => {
  before(async () => {
    server = await startFixtureServer();
    h = await Harness.launch({ server });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it('Not an entity on this site: gone at once, after a reload, on another article of the site, and in the saved copy', async () => {
    const page = await openArticle(FIRST);
    assert.ok((await marksOf(page, NOT_ENTITY)).length > 1, `"${NOT_ENTITY}" is highlighted`);
    await openCard(page, NOT_ENTITY);
    await press(page, inView(byTestId('correct-not-entity')));
    await press(page, inView(byTestId('correct-scope-site')));
    await waitForMarks(page, NOT_ENTITY, (n) => n === 0, 'the highlight gone');
    assert.ok((await matches(page, MARKS)).length > 5, 'the other highlights stay');

    await page.reload();
    await waitForCleanView(page);
    await waitFor(async () => ((await matches(page, MARKS)).length > 5 ? true : undefined), 'highlights after reload');
    assert.equal((await marksOf(page, NOT_ENTITY)).length, 0, 'still gone after a reload');
    await page.close();

    const second = await openArticle(SECOND);
    assert.equal((await marksOf(second, NOT_ENTITY)).length, 0, 'gone on another article of the site');
    await saveFromToolbar(second);
    const saved = await storedSurfaces(SECOND);
    assert.ok(saved.length > 5, 'the saved copy has entities');
    assert.ok(!saved.includes(NOT_ENTITY), 'and not the corrected spelling');
    await second.close();

    // the reader page of the saved copy: the same correction applies there
    const stored = (await h.ext(READ_ARCHIVE)) as Stored;
    const id = stored.articles.find((a) => a.url === SECOND)!.id;
    const reader = await h.openExtension(`/reader.html?id=${encodeURIComponent(id)}`);
    await reader.waitForSelector('body[data-ready="true"]');
    const readerMarks = () =>
      reader.$$eval('mark.vl-entity', (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ')));
    await waitFor(async () => ((await readerMarks()).length > 5 ? true : undefined), 'highlights on the reader page');
    assert.ok(!(await readerMarks()).includes(NOT_ENTITY), 'not highlighted on the reader page either');
    await reader.close();
  });

  it('Wrong entity: the gazetteer searched by name, the entity picked, the card shows it', async () => {
    const page = await openArticle(SECOND);
    const before = await marksOf(page, WRONG);
    assert.ok(before.length > 0 && before[0]!.attrs['data-entity-id'] !== RIGHT_ID, 'highlighted as another entity');
    await openCard(page, WRONG);
    await press(page, inView(byTestId('correct-wrong-entity')));
    await press(page, inView(byTestId('correct-search')));
    await page.keyboard.type('Bo Cong an Viet');
    await press(page, inView(`${byTestId('correct-result')}[data-entity-id="${RIGHT_ID}"]`));
    await waitFor(
      async () =>
        (await marksOf(page, WRONG)).every((m) => m.attrs['data-entity-id'] === RIGHT_ID) ? true : undefined,
      'the highlight points at the picked entity',
    );
    await page.mouse.move(0, 0);
    await openCard(page, WRONG);
    const card = await waitForVisible(page, inView(byTestId('entity-card')));
    assert.match(card.innerText.replace(/\s+/g, ' '), /Bộ Công an/, card.innerText);
    await page.close();
  });

  it('Mark as entity: a word selected in the clean view becomes a highlight of the type chosen', async () => {
    const page = await openArticle(FIRST);
    // the first word of a paragraph no highlight starts ("Năm 1976, Bộ Công an đã thành lập trường 12/75…")
    const paragraphs = await matches(page, inView('.vl-body p'));
    const p = paragraphs.find((e) => e.text.startsWith('Năm 1976'));
    assert.ok(p, 'the paragraph');
    const height = await page.evaluate(() => window.innerHeight);
    await page.evaluate((dy) => window.scrollBy(0, dy), p.rect.y - height / 3);
    const [shown] = (await matches(page, inView('.vl-body p'))).filter((e) => e.text.startsWith('Năm 1976'));
    await page.mouse.click(shown!.rect.x + 8, shown!.rect.y + 10, { count: 2 }); // a double click selects the word
    await waitFor(
      async () =>
        (await matches(page, inView(byTestId('mark-selection'))))[0]?.attrs.disabled === undefined ? true : undefined,
      'Mark as entity enabled by the selection',
    );
    await press(page, inView(byTestId('mark-selection')));
    await waitForMarks(page, 'Năm', (n) => n > 0, 'the selected word highlighted');
    const [marked] = await marksOf(page, 'Năm');
    assert.equal(marked!.attrs['data-entity-type'], 'PERSON', 'the type chosen (the first, by default)');
    await page.close();
  });

  it('options lists the corrections; removing one brings the highlight back, in the open tab and the archive', async () => {
    const tab = await openArticle(SECOND);
    assert.equal((await marksOf(tab, NOT_ENTITY)).length, 0);
    const options = await h.openExtension('/options.html');
    await options.waitForSelector('body[data-ready="true"]');
    const rows = await options.$$eval(byTestId('correction'), (els) =>
      els.map((e) => ({ kind: (e as HTMLElement).dataset.kind, text: e.textContent ?? '' })),
    );
    assert.equal(rows.length, 3, JSON.stringify(rows));
    assert.ok(rows.some((r) => r.kind === 'mark' && r.text.includes('Năm')));
    assert.ok(
      rows.some((r) => r.kind === 'not-entity' && r.text.includes(NOT_ENTITY) && r.text.includes('antv.gov.vn')),
    );
    assert.ok(rows.some((r) => r.kind === 'wrong-entity' && r.text.includes(WRONG)));
    await options.click(`${byTestId('correction')}[data-kind="not-entity"] ${byTestId('correction-remove')}`);
    await waitInPage(
      options,
      () => document.querySelectorAll('[data-testid="correction"]').length === 2,
      'two corrections left',
    );
    await options.close();

    await tab.bringToFront();
    await waitForMarks(tab, NOT_ENTITY, (n) => n > 0, 'the highlight back in the open tab');
    await waitFor(
      async () => ((await storedSurfaces(SECOND)).includes(NOT_ENTITY) ? true : undefined),
      'the saved copy matched again without the correction',
      60_000,
    );
    await tab.close();
  });
});

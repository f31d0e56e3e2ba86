/**
 * Bounded work on pages, in the browser E2E_BROWSER names: a supported news page past the page
 * budget (a 20 MB text node hidden by its own CSS; 200,000 elements) is left as it is, the popup
 * says why, and the tab keeps answering; the real article of the same template is still cleaned.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { budgetPages } from '../support/budget-pages';
import { byTestId, element, waitForCleanView } from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const antv = loadFixtures().find((f) => f.folder === 'antv--hop-tac-cong-an')!;
const PAGES = budgetPages(antv);

let server: FixtureServer;
let h: Harness;

describe(`${BROWSER}: bounded work on pages over the budget`, () => {
  before(async () => {
    server = await startFixtureServer(PAGES);
    h = await Harness.launch({ server });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  for (const page of PAGES) {
    it(`${page.name}: left as it is, the popup says why, the tab keeps answering`, async () => {
      const tab = await h.open(page.url);
      const tabId = await h.tabIdOf(page.url);
      // the in-page view ran and refused: the popup's card says the page is too large
      const note = await waitFor(async () => {
        const popup = await h.openExtension(`/popup.html?tabId=${tabId}`);
        const card = await element(popup, byTestId('current-tab'));
        const state = await card.evaluate((el) => (el as HTMLElement).dataset.state);
        const text = state === 'not-article' ? await card.evaluate((el) => el.textContent ?? '') : null;
        await popup.close();
        return text;
      }, 'the popup reporting the page');
      assert.match(note, /quá lớn|too large/, `the popup says why: ${note}`);
      assert.equal(await tab.$('vietlao-view'), null, 'no clean view');
      assert.equal(await tab.evaluate(() => document.title.length > 0), true, 'the tab answers');
      await tab.close();
    });
  }

  it('the article of the same template, within the budget, is still cleaned', async () => {
    const tab = await h.open(antv.url);
    await waitForCleanView(tab);
    await tab.close();
  });
});

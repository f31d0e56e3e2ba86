/**
 * Fixes the user makes, remembered, in the browser E2E_BROWSER names: a block removed with
 * *Remove this block* on one antv article is gone from another antv article of the same template.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byTestId, click, count, inToolbar, inView, matches, waitForCleanView, waitForCount } from '../support/dom';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';

const fixtures = loadFixtures();
const first = fixtures.find((f) => f.folder === 'antv--cong-an-lao-hoc-vien')!;
const second = fixtures.find((f) => f.folder === 'antv--hop-tac-cong-an')!;

let server: FixtureServer;
let h: Harness;

describe(`${BROWSER}: fixes the user makes, remembered per site`, () => {
  before(async () => {
    server = await startFixtureServer();
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
});

/**
 * The analysis page in the browser E2E_BROWSER names: an empty archive gets guidance, not empty
 * axes; a known archive is imported through the popup, and the page's numbers (articles, per
 * site, top entities, an entity's page) equal counts computed here independently from the
 * imported file; a click on a chart's bar opens exactly the articles behind it, whose links lead
 * to the reader page; a refilter by site narrows every count; the popup opens the page with its filter.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { exportArchive } from '@/lib/archive/export';
import type { ArchiveFile } from '@/lib/archive/file-format';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../support/archive-fixtures';
import { byTestId, element, innerText, pageLocation, waitForCount, waitInPage } from '../support/dom';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';
import { READ_ARCHIVE } from '../security/e2e-pages';

const SITES = ['antv.gov.vn', 'thoidai.com.vn', 'nhandan.vn'];
const ENTITIES: [string, string, 'ORG' | 'PLACE' | 'PERSON'][] = [
  ['place.la-hua-phan', 'Hủa Phăn', 'PLACE'],
  ['place.vn-thanh-hoa', 'Thanh Hóa', 'PLACE'],
  ['org.la-mod', 'Bộ Quốc phòng Lào', 'ORG'],
  ['person.la-thongloun', 'Thongloun Sisoulith', 'PERSON'],
];

/** 36 articles over 2024, on three sites, each with a different subset of the entities. */
async function knownArchive(): Promise<ArchiveFile> {
  const db = await freshDb();
  for (let n = 0; n < 36; n++) {
    const picked = ENTITIES.filter((_, k) => k === 0 || (n + k) % (k + 1) === 0);
    const site = SITES[n % 3]!;
    await saveArticle(
      db,
      makeArticle({
        url: `https://${site}/phan-tich-${n}.html`,
        site,
        title: `Hợp tác Việt Nam – Lào, bài ${n}`,
        lead: null,
        body: `${picked.map(([, s]) => s).join(', ')} trao đổi kinh nghiệm. ${picked[0]![1]} cảm ơn.`,
        publishedAt: new Date(Date.UTC(2024, n % 12, 3 + (n % 20), 2)).toISOString(),
        entities: picked,
      }),
    );
  }
  return JSON.parse(await (await exportArchive(db)).text()) as ArchiveFile;
}

interface StoredEntities {
  bodies: { id: string; entities: { id: string; name: string; type: string }[] }[];
}

/**
 * Each stored entity with the number of articles mentioning it, read from the stored bodies (not
 * from the counts the page draws from). The import is matched again by the background (imported
 * entities come from another copy of the recogniser), so the bodies, not the file, hold them.
 */
function entityArticles(stored: StoredEntities): Map<string, { name: string; type: string; articles: number }> {
  const out = new Map<string, { name: string; type: string; articles: number }>();
  for (const b of stored.bodies)
    for (const e of b.entities) {
      const x = out.get(e.id) ?? { name: e.name, type: e.type, articles: 0 };
      x.articles += 1;
      out.set(e.id, x);
    }
  return out;
}

let server: FixtureServer;
let h: Harness;
let file: ArchiveFile;
let stored: Map<string, { name: string; type: string; articles: number }>;

/** The background's re-match of the imported articles has finished (the popup's progress item). */
async function rematched(total: number): Promise<void> {
  await waitFor(
    async () => {
      const { rematchProgress: p } = (await h.ext(async (api) => api.storage.local.get('rematchProgress'))) as {
        rematchProgress?: { done: number; total: number; finishedAt: string | null };
      };
      return p && p.total === total && p.done === total && p.finishedAt ? p : null;
    },
    `the ${total} imported articles matched again`,
    60_000,
  );
}

async function ready(page: Page, selector = 'body[data-ready="true"]'): Promise<void> {
  await page.waitForSelector(selector, { timeout: 20_000 });
}

/** Rows of a section's data table: [first cell, second cell, …]. */
async function tableRows(page: Page, section: string): Promise<string[][]> {
  return page.$$eval(`[data-testid="${section}"] table tbody tr`, (rows) =>
    rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())),
  );
}

describe(`${BROWSER}: the analysis page`, () => {
  before(async () => {
    server = await startFixtureServer();
    h = await Harness.launch({ server });
    file = await knownArchive();
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it('an empty archive gets what to save first, not empty axes', async () => {
    const page = await h.openExtension('/analysis.html');
    await ready(page);
    assert.ok(await page.$(byTestId('an-empty')), 'the empty state is shown');
    assert.equal(await page.$('svg'), null, 'no chart is drawn');
    await page.close();
  });

  it('after an import, the numbers equal counts made from the file', async () => {
    const popup = await h.openExtension('/popup.html');
    const path = join(mkdtempSync(join(tmpdir(), 'vietlao-analysis-')), 'kho.json');
    writeFileSync(path, JSON.stringify(file));
    await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(path);
    await waitForCount(popup, byTestId('archive-item'), 36);
    await popup.close();
    await rematched(36);
    stored = entityArticles((await h.ext(READ_ARCHIVE)) as StoredEntities);
    assert.ok(
      [...stored.values()].some((e) => e.name === 'Hủa Phăn' && e.type === 'PLACE'),
      'the recogniser found Hủa Phăn again',
    );

    const page = await h.openExtension('/analysis.html');
    await ready(page);
    const summary = await innerText(page, byTestId('an-summary'));
    assert.match(summary, new RegExp(`^${file.articles.length}\\b`), summary);
    const sites = await tableRows(page, 'an-sites');
    const expectedSites = SITES.map((s) => [s.toUpperCase(), String(file.articles.filter((a) => a.site === s).length)]);
    assert.deepEqual(sites.map((r) => r.slice(0, 2)).sort(), expectedSites.sort());
    const places = await tableRows(page, 'an-top-PLACE');
    assert.ok(places.length > 0);
    for (const [name, articles] of places) {
      const counted = [...stored.values()].filter((e) => e.type === 'PLACE' && e.name === name);
      assert.equal(articles, String(counted.reduce((n, e) => n + e.articles, 0)), `${name}: articles`);
    }
    // the timeline's table: one row per month of 2024, the articles of each
    const months = await tableRows(page, 'an-timeline');
    assert.equal(months.length, 12);
    assert.deepEqual(months[0]!.slice(0, 2), [
      '01/2024',
      String(file.articles.filter((a) => a.publishedAt!.startsWith('2024-01')).length),
    ]);
    await page.close();
  });

  it('a click on a bar opens exactly the articles behind it, each a way to the reader page', async () => {
    const page = await h.openExtension('/analysis.html');
    await ready(page);
    const bars = await page.$$('[data-testid="an-sites"] svg [aria-label] rect, [data-testid="an-sites"] svg g rect');
    assert.ok(bars.length >= 3, `three site bars (found ${bars.length})`);
    await bars[0]!.hover();
    await bars[0]!.click();
    await ready(page, '[data-testid="an-results"][data-ready="true"]');
    const title = await innerText(page, byTestId('an-results-title'));
    const site = SITES.find((s) => s.toUpperCase() === title);
    assert.ok(site, `the results name a site: ${title}`);
    const expected = file.articles.filter((a) => a.site === site);
    const links = await page.$$eval('[data-testid="an-results"] [data-testid="an-article"]', (as) =>
      as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })),
    );
    assert.equal(links.length, expected.length);
    assert.deepEqual(links.map((l) => l.text).sort(), expected.map((a) => a.title).sort());
    const reader = await h.pageOpenedBy(() => page.click('[data-testid="an-results"] [data-testid="an-article"]'));
    await waitInPage(
      reader,
      () => location.pathname === '/reader.html' && document.body?.dataset.ready === 'true',
      'the reader page, ready',
    );
    assert.equal(await reader.evaluate(() => document.title.split(' — ')[0]), links[0]!.text);
    await reader.close();
    await page.close();
  });

  it('a refilter by site narrows every count, and the entity page counts its own articles', async () => {
    const page = await h.openExtension('/analysis.html');
    await ready(page);
    await page.select(byTestId('an-site'), 'thoidai.com.vn');
    await waitFor(
      async () => (await innerText(page, byTestId('an-summary'))).startsWith('12 '),
      'summary of 12 articles',
    );
    assert.match(await pageLocation(page), /site=thoidai\.com\.vn/);
    const sites = await tableRows(page, 'an-sites');
    assert.deepEqual(
      sites.map((r) => r[0]),
      ['THOIDAI.COM.VN'],
    );
    await page.close();

    const [id, org] = [...stored].filter(([, e]) => e.type === 'ORG').sort((a, b) => b[1].articles - a[1].articles)[0]!;
    const entity = await h.openExtension(`/analysis.html?view=entity&id=${encodeURIComponent(id)}`);
    await ready(entity);
    assert.equal(await innerText(entity, byTestId('an-entity-name')), org.name);
    const text = await innerText(entity, byTestId('an-entity-summary'));
    assert.match(text, new RegExp(`\\b${org.articles}\\b`), text);
    const spellings = await tableRows(entity, 'an-spellings');
    assert.ok(spellings.length > 0, 'the spellings seen');
    assert.ok((await entity.$$('[data-testid="an-sentences"] mark')).length > 0, 'sentences with the mention marked');
    await entity.close();
  });
});

/**
 * The analysts' exports in the browser E2E_BROWSER names: a known archive (Vietnamese text, a title
 * with quotes, commas and a line break, a formula title, twin titles, missing byline and date,
 * many mentions) is imported through the popup; each format is downloaded from the popup's export
 * menu and read back with a real parser — papaparse, fflate + js-yaml, ajv against the CSL-JSON
 * schema, Citation.js's RIS parser — and compared with what the extension stored (the background
 * matches an import's entities again, so the stored bodies, not the file, hold the mentions).
 * The open menu is reached from the keyboard and passes axe; the current filter's export holds
 * exactly the filtered articles.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import Ajv from 'ajv';
import { strFromU8, unzipSync } from 'fflate';
import { load as loadYaml } from 'js-yaml';
import Papa from 'papaparse';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ArchiveFile } from '@/lib/archive/file-format';
import { axeViolations, controls, describeViolations, tabOrder } from '../support/axe';
import { byTestId, click, element, innerText, waitForCount } from '../support/dom';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';
import { READ_ARCHIVE } from '../security/e2e-pages';
import { knownArchive } from '../unit/export-formats/known-archive';

interface Stored {
  articles: { id: string; url: string; title: string; site: string; publishedAt: string | null }[];
  bodies: { id: string; text: string; entities: { id: string; mentions: { start: number; end: number }[] }[] }[];
}

let server: FixtureServer;
let h: Harness;
let file: ArchiveFile;
let stored: Stored;

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

/** Open the popup's export menu, choose the scope, click one format; the popup is left open. */
async function exportFrom(popup: Page, format: string, scope: 'all' | 'filter' = 'all'): Promise<void> {
  if (!(await popup.$eval(byTestId('export-menu'), (d) => (d as HTMLDetailsElement).open)))
    await click(popup, byTestId('export-menu-toggle'));
  await click(popup, byTestId(`export-scope-${scope}`));
  await click(popup, byTestId(`export-${format}`));
}

const parsesAs = (parse: (b: Buffer) => unknown) => (b: Buffer) => {
  try {
    parse(b);
    return true;
  } catch {
    return false;
  }
};

function csvRows(bytes: Buffer): Record<string, string>[] {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.meta.linebreak, '\r\n');
  return parsed.data;
}
const csvComplete = (b: Buffer) => b.toString('utf8').endsWith('\r\n');

describe(`${BROWSER}: exports for the tools analysts use`, () => {
  before(async () => {
    server = await startFixtureServer();
    h = await Harness.launch({ server });
    file = (await knownArchive()).file;
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it('imports the known archive through the popup', async () => {
    const popup = await h.openExtension('/popup.html');
    const path = join(mkdtempSync(join(tmpdir(), 'vietlao-exports-')), 'kho.json');
    writeFileSync(path, JSON.stringify(file));
    await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(path);
    await waitForCount(popup, byTestId('archive-item'), file.articles.length);
    await popup.close();
    await rematched(file.articles.length);
    stored = (await h.ext(READ_ARCHIVE)) as Stored;
    assert.equal(stored.articles.length, file.articles.length);
  });

  it('CSV of articles: every article, its title and text as stored', async () => {
    const popup = await h.openExtension('/popup.html');
    await exportFrom(popup, 'csv');
    const { name, bytes } = await h.downloadBytes(/-articles.*\.csv$/, csvComplete);
    assert.match(name, /^vietlao-\d{4}-\d{2}-\d{2}-articles\.csv$/);
    const rows = csvRows(bytes);
    assert.equal(rows.length, stored.articles.length);
    const texts = new Map(stored.bodies.map((b) => [b.id, b.text]));
    for (const a of stored.articles) {
      const row = rows.find((r) => r.id === a.id);
      assert.ok(row, a.url);
      assert.equal(row.url, a.url);
      assert.equal(row.title!.replace(/^'(?==)/, ''), a.title);
      assert.equal(row.published_at, a.publishedAt ?? '');
      assert.equal(row.text, texts.get(a.id));
    }
    assert.ok(rows.some((r) => r.title === 'Dòng thứ nhất\nDòng thứ hai, có dấu phẩy'));
    await popup.close();
  });

  it('CSV of mentions: one row per stored mention, each at its surface in the text', async () => {
    const popup = await h.openExtension('/popup.html');
    await exportFrom(popup, 'mentions-csv');
    const { bytes } = await h.downloadBytes(/-mentions.*\.csv$/, csvComplete);
    const rows = csvRows(bytes);
    const expected = stored.bodies.reduce((n, b) => n + b.entities.reduce((m, e) => m + e.mentions.length, 0), 0);
    assert.ok(expected > 60, `many mentions stored (${expected})`);
    assert.equal(rows.length, expected);
    const texts = new Map(stored.bodies.map((b) => [b.id, b.text]));
    for (const r of rows) assert.equal(texts.get(r.article_id!)!.slice(Number(r.start), Number(r.end)), r.surface);
    await popup.close();
  });

  it('Markdown: a zip of one note per article, front matter as stored', async () => {
    const popup = await h.openExtension('/popup.html');
    await exportFrom(popup, 'md');
    const { bytes } = await h.downloadBytes(
      /-markdown.*\.zip$/,
      parsesAs((b) => unzipSync(b)),
    );
    const notes = Object.entries(unzipSync(bytes));
    assert.equal(notes.length, stored.articles.length);
    for (const [name, content] of notes) {
      assert.doesNotMatch(name, /[/\\]/);
      const m = /^---\n([\s\S]*?)\n---\n/.exec(strFromU8(content));
      assert.ok(m, `${name}: front matter`);
      const meta = loadYaml(m[1]!) as { title: string; url: string; tags: string[] };
      const a = stored.articles.find((x) => x.url === meta.url);
      assert.ok(a, meta.url);
      assert.equal(meta.title, a.title);
      assert.ok(Array.isArray(meta.tags));
    }
    await popup.close();
  });

  it('CSL-JSON: valid against the schema, one article-newspaper item per article', async () => {
    const popup = await h.openExtension('/popup.html');
    await exportFrom(popup, 'csl');
    const { bytes } = await h.downloadBytes(
      /\.csl.*\.json$/,
      parsesAs((b) => JSON.parse(b.toString('utf8'))),
    );
    const items = JSON.parse(bytes.toString('utf8')) as { id: string; type: string; title: string }[];
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '../fixtures/csl/csl-data.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(items), JSON.stringify(validate.errors));
    assert.deepEqual(items.map((i) => i.id).sort(), stored.articles.map((a) => a.id).sort());
    assert.ok(items.every((i) => i.type === 'article-newspaper'));
    await popup.close();
  });

  it('RIS: Citation.js reads one newspaper article per article', async () => {
    const popup = await h.openExtension('/popup.html');
    await exportFrom(popup, 'ris');
    const { bytes } = await h.downloadBytes(/\.ris$/, (b) => b.toString('utf8').endsWith('ER  - \r\n\r\n'));
    const text = bytes.toString('utf8');
    assert.equal(text.match(/^TY {2}- NEWS\r$/gm)?.length, stored.articles.length);
    const items = (await Cite.async(text, { forceType: '@ris/file' })).data as { URL: string; type: string }[];
    assert.deepEqual(items.map((i) => i.URL).sort(), stored.articles.map((a) => a.url).sort());
    assert.ok(items.every((i) => i.type === 'article-newspaper'));
    await popup.close();
  });

  it('the export menu opens from the keyboard; Tab reaches each of its controls; axe finds nothing serious', async () => {
    const popup = await h.openExtension('/popup.html');
    await waitForCount(popup, byTestId('archive-item'), stored.articles.length);
    await popup.focus(byTestId('export-menu-toggle'));
    await popup.keyboard.press('Enter');
    await waitFor(
      () => popup.$eval(byTestId('export-menu'), (d) => (d as HTMLDetailsElement).open || null),
      'the menu open',
    );
    const all = await controls(popup);
    const order = await tabOrder(popup, all.length * 2 + 10);
    for (const id of ['export-scope-all', 'export-csv', 'export-mentions-csv', 'export-md', 'export-csl', 'export-ris'])
      assert.ok(
        order.some((c) => c.endsWith(`:${id}`)),
        `Tab reaches ${id}: ${order.join(', ')}`,
      );
    const violations = await axeViolations(popup);
    assert.deepEqual(violations, [], describeViolations(violations));
    await popup.close();
  });

  it('the current filter’s export holds exactly the filtered articles', async () => {
    const popup = await h.openExtension('/popup.html');
    const site = 'antv.gov.vn';
    const expected = stored.articles.filter((a) => a.site === site);
    await waitForCount(popup, byTestId('archive-item'), stored.articles.length);
    await popup.select(byTestId('filter-site'), site);
    await waitForCount(popup, byTestId('archive-item'), expected.length);
    await exportFrom(popup, 'csv', 'filter');
    const { name, bytes } = await h.downloadBytes(/-filtered-articles.*\.csv$/, csvComplete).catch(async (e: Error) => {
      throw new Error(`${e.message}; the popup says: ${await innerText(popup, byTestId('io-status'))}`);
    });
    assert.match(name, /^vietlao-\d{4}-\d{2}-\d{2}-filtered-articles\.csv$/);
    assert.deepEqual(
      csvRows(bytes)
        .map((r) => r.id)
        .sort(),
      expected.map((a) => a.id).sort(),
    );
    await popup.close();
  });
});

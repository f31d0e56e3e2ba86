/**
 * A large import in the real popup, in the browser E2E_BROWSER names (issue 16.2): a file of
 * 1,500 generated articles (~8 KB of text each, the benchmark's generator) shows its progress —
 * the progress bar moves — and Cancel leaves the archive exactly as it was; a second popup opened
 * meanwhile shows the same import and refuses a second one; then the file imports whole.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION } from '@/lib/archive/file-format';
import { IMPORT_CHUNK } from '@/lib/archive/import';
import { byTestId, click, element, innerText } from '../support/dom';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { generatedArchiveFile } from '../support/generated-archive';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const N = 1_500;
const BAR = byTestId('import-progress');

let server: FixtureServer;
let h: Harness;
let path = '';

/** The archive's article ids, straight from IndexedDB in an extension page. */
const storedIds = (): Promise<string[]> =>
  h.ext(`new Promise(function (resolve, reject) {
    var open = indexedDB.open('vietlao-archive');
    open.onerror = function () { reject(open.error); };
    open.onsuccess = function () {
      var db = open.result;
      var req = db.transaction('articles', 'readonly').objectStore('articles').getAllKeys();
      req.onsuccess = function () { db.close(); resolve(req.result); };
      req.onerror = function () { db.close(); reject(req.error); };
    };
  })`);

async function choose(popup: Page, file: string): Promise<void> {
  await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(file);
}

/** The progress bar's value once it reached at least `least` in `phase` (articles checked, or written). */
async function barReaches(popup: Page, least: number, phase = 'writing'): Promise<{ now: number; max: number }> {
  return waitFor(
    async () => {
      const v = await popup.$eval(
        byTestId('import-status'),
        (el, bar) => [
          (el as HTMLElement).dataset.phase ?? '',
          el.querySelector(bar)?.getAttribute('aria-valuenow') ?? '',
          el.querySelector(bar)?.getAttribute('aria-valuemax') ?? '',
        ],
        BAR,
      );
      const [now, max] = [Number(v[1] || NaN), Number(v[2] || NaN)];
      return v[0] === phase && now >= least ? { now, max } : null;
    },
    `the progress bar at ${least} or more while ${phase}`,
    300_000,
  );
}

describe(`${BROWSER}: a large import shows its progress, can be cancelled, and imports whole`, () => {
  before(async () => {
    server = await startFixtureServer();
    h = await Harness.launch({ server });
    path = join(mkdtempSync(join(tmpdir(), 'vietlao-import-progress-')), 'kho-lon.json');
    writeFileSync(path, await generatedArchiveFile(N, 'nhap-lon'));
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  it('the progress bar moves, and Cancel leaves the archive exactly as it was', async () => {
    const before = (await storedIds()).sort();
    const popup = await h.openExtension('/popup.html');
    await choose(popup, path);
    assert.equal((await barReaches(popup, 1, 'checking')).max, N); // the file is checked, with a count too
    const first = await barReaches(popup, 1);
    assert.equal(first.max, N);
    assert.match(await innerText(popup, byTestId('import-progress-text')), /\d.*\/ 1[.,]500/);
    const later = await barReaches(popup, first.now + IMPORT_CHUNK); // it moves
    assert.ok(later.now > first.now && later.now < N, `${first.now} → ${later.now} of ${N}`);
    await click(popup, byTestId('import-cancel'));
    const status = await waitFor(
      async () => {
        const text = await innerText(popup, byTestId('io-status'));
        return /không thay đổi|unchanged/.test(text) ? text : null;
      },
      'the message that the import was cancelled',
      180_000,
    );
    assert.match(status, /Đã huỷ nhập; kho lưu trữ không thay đổi|The import was cancelled; the archive is unchanged/);
    assert.equal(await popup.$eval(byTestId('import-status'), (el) => (el as HTMLElement).hidden), true);
    assert.deepEqual((await storedIds()).sort(), before);
    await popup.close();
  });

  it('a second popup shows the running import and refuses a second one; the file then imports whole', async () => {
    const before = await storedIds();
    const popup = await h.openExtension('/popup.html');
    await choose(popup, path);
    await barReaches(popup, 1);
    // opened during the import, it shows it at once (its list comes when a chunk lets it read)
    const other = await h.openExtension('/popup.html', undefined, `${byTestId('import-status')}:not([hidden])`);
    const small = join(mkdtempSync(join(tmpdir(), 'vietlao-import-small-')), 'nho.json');
    writeFileSync(
      small,
      JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: EXPORT_SCHEMA_VERSION, exportedAt: '', articles: [] }),
    );
    await choose(other, small);
    await element(other, byTestId('io-status', '.error'), 30_000);
    assert.match(await innerText(other, byTestId('io-status')), /Đang có một lần nhập khác|Another import is running/);
    await element(popup, byTestId('io-status', '.ok'), 300_000);
    assert.match(await innerText(popup, byTestId('io-status')), /1[.,]500/);
    assert.equal((await storedIds()).length, before.length + N);
    await element(other, byTestId('io-status', '.ok'), 30_000); // the second popup is told the outcome too
    await other.close();
    await popup.close();
  });
});

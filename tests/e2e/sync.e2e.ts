/**
 * Sync through a real WebDAV server (Debian's apache2 + mod_dav_fs on 127.0.0.1, started and
 * stopped here: tests/support/webdav-server.ts), in the browser E2E_BROWSER names, with two
 * profiles of it — the office desktop and the laptop:
 *  - a wrong password gets its reason in words, and nothing is kept;
 *  - a server whose certificate the browser does not trust is told apart from one that is not
 *    there (a browser that checks certificates, Apache over https with a self-signed one);
 *  - the first profile's archive reaches the server (one file per article) and the second's;
 *  - a delete on the second reaches the first;
 *  - the server going away gets a clear message, and the next sync completes without duplicates;
 *  - on a server that ignores conditional requests (`rclone serve webdav`, lenient), both
 *    computers sync under their lock files (lib/sync/lock.ts), converge and release the locks;
 *  - the extension's only requests are to that server; disconnect forgets the credentials.
 *
 * The origin's permission: Firefox grants optional permissions without a prompt here (a pref of
 * tests/support/firefox.ts), so the options page's request runs for real. Chromium cannot answer
 * the prompt in automation (tests/e2e/sites.e2e.ts says why), so its profiles load a copy of the
 * build whose manifest already holds the server's origin and webRequest: the page's request then
 * resolves at once.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { exportArchive } from '@/lib/archive/export';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../support/archive-fixtures';
import { CHROME_EXTENSION_DIR } from '../support/chromium';
import { byTestId, click, count, element, waitForCount } from '../support/dom';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSER, Harness } from '../support/harness';
import { waitFor } from '../support/wait';
import { LOCKS_DIR } from '@/lib/sync/lock';
import { SYNC_API_PERMISSIONS } from '@/lib/sync/origin';
import { removeWebdav, startLenientWebdav, startWebdav, type WebdavServer } from '../support/webdav-server';

const ITEM = byTestId('archive-item');
const N = 5;
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;
const LOCALES = [locale('vi'), locale('en')];
/** Does `text` say the message `key` (in either UI language: the browsers' differ here)? */
const says = (text: string, key: string) => LOCALES.some((l) => text.includes(l[key]!.message));

let dav: WebdavServer;
let server: FixtureServer;
let office: Harness;
let laptop: Harness;

/** Chromium: a copy of the build that holds the server's origin (http and https) and the sync's API permissions from install (see the header). */
function extensionDir(origin: string): string | undefined {
  if (BROWSER !== 'chromium') return undefined;
  const dir = join(mkdtempSync(join(tmpdir(), 'vietlao-sync-ext-')), 'chrome-mv3');
  cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
    permissions: string[];
  };
  const host = new URL(origin).hostname;
  manifest.host_permissions.push(`http://${host}/*`, `https://${host}/*`);
  manifest.permissions.push(...SYNC_API_PERMISSIONS);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

async function knownArchiveFile(): Promise<string> {
  const db = await freshDb();
  for (let n = 0; n < N; n++)
    await saveArticle(
      db,
      makeArticle({ url: `https://antv.gov.vn/dong-bo-${n}.html`, title: `Đồng bộ Việt Nam – Lào, bài ${n}` }),
      new Date(Date.UTC(2024, 4, 1 + n)),
    );
  const path = join(mkdtempSync(join(tmpdir(), 'vietlao-sync-')), 'kho.json');
  writeFileSync(path, await (await exportArchive(db)).text());
  return path;
}

/** A file holding one edit of article 1: a new title, saved at `at`. */
async function editFile(title: string, at: Date): Promise<string> {
  const db = await freshDb();
  await saveArticle(db, makeArticle({ url: 'https://antv.gov.vn/dong-bo-1.html', title }), at);
  const path = join(mkdtempSync(join(tmpdir(), 'vietlao-sync-edit-')), 'sua.json');
  writeFileSync(path, await (await exportArchive(db)).text());
  return path;
}

async function importInto(h: Harness, file: string): Promise<void> {
  const popup = await ready(await h.openExtension('/popup.html'));
  await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(file);
  await waitFor(async () => /\d/.test(await text(popup, 'io-status')) || null, 'the import done');
  await popup.close();
}

/** Sync now from the popup, until its list shows `title`. */
async function syncUntil(h: Harness, title: string): Promise<string[]> {
  const popup = await ready(await h.openExtension('/popup.html'));
  await click(popup, byTestId('popup-sync-now'));
  const titles = await waitFor(
    async () => {
      const all = await popup.$$eval(`${ITEM} .item-title`, (els) => els.map((e) => e.textContent ?? ''));
      return all.some((t) => t.includes(title)) ? all : null;
    },
    `"${title}" in the list after a sync`,
    30_000,
  );
  await popup.close();
  return titles;
}

async function ready(page: Page): Promise<Page> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return page;
}

async function fill(page: Page, testid: string, value: string): Promise<void> {
  const input = (await element(page, byTestId(testid))) as ElementHandle<HTMLInputElement>;
  await input.evaluate((el) => (el.value = ''));
  await input.type(value);
}

/** The options page, its sync form filled in (for `to`: the Apache server unless told). */
async function syncForm(h: Harness, password?: string, to: WebdavServer = dav): Promise<Page> {
  const options = await ready(await h.openExtension('/options.html'));
  await fill(options, 'sync-url', to.url);
  await fill(options, 'sync-user', to.user);
  await fill(options, 'sync-password', password ?? to.password);
  return options;
}

const text = (page: Page, testid: string) => page.$eval(byTestId(testid), (el) => el.textContent ?? '');

type Status = { state: string; error: { code: string } | null; lastSyncAt: string | null };

/** The sync status the background keeps (undefined before the first sync). */
const statusOf = async (h: Harness): Promise<Status | undefined> =>
  ((await h.ext(async (api) => api.storage.local.get('syncStatus'))) as { syncStatus?: Status }).syncStatus;

/**
 * The sync status once it is no longer running — and, with `since` (the time and the status read
 * before the action), once it has changed from that status and synced or failed after that time:
 * an error left by an earlier sync (a retry that ran while the server was away) is not the answer.
 */
async function settled(h: Harness, since?: { at: number; status: Status | undefined }): Promise<Status> {
  const before = JSON.stringify(since?.status ?? null);
  return waitFor(
    async () => {
      const s = await statusOf(h);
      const after =
        since === undefined ||
        (JSON.stringify(s ?? null) !== before && (s?.error || (s?.lastSyncAt && Date.parse(s.lastSyncAt) >= since.at)));
      return s && s.state !== 'running' && (s.lastSyncAt || s.error) && after ? s : null;
    },
    'a finished sync',
    60_000,
  );
}

const articleFiles = () => dav.files().filter((f) => f.startsWith('VietLaoReader/articles/'));

describe(`${BROWSER}: sync through the user's own WebDAV server`, () => {
  before(async () => {
    dav = await startWebdav();
    server = await startFixtureServer();
    const dir = extensionDir(dav.origin);
    office = await Harness.launch({ server, directHosts: ['127.0.0.1'], ...(dir ? { extensionDir: dir } : {}) });
    laptop = await Harness.launch({ server, directHosts: ['127.0.0.1'], ...(dir ? { extensionDir: dir } : {}) });
  });
  after(async () => {
    await Promise.all([office?.close(), laptop?.close()]);
    await server?.close();
    if (dav) await removeWebdav(dav);
  });

  it('a wrong password: the reason in words, nothing kept, nothing written on the server', async () => {
    const options = await syncForm(office, 'not-the-password');
    await click(options, byTestId('sync-connect'));
    await waitFor(async () => says(await text(options, 'sync-message'), 'syncErrorAuth') || null, 'the 401 in words');
    const { syncConnection } = (await office.ext(async (api) => api.storage.local.get('syncConnection'))) as {
      syncConnection?: unknown;
    };
    assert.equal(syncConnection ?? null, null, 'no connection kept');
    assert.deepEqual(dav.files(), []);
    await options.close();
  });

  it('a certificate the browser does not trust: "TLS", not "unreachable"; nothing kept', async () => {
    const tls = await startWebdav({ tls: true });
    const strict = await Harness.launch({
      server,
      directHosts: ['127.0.0.1'],
      strictCertificates: true,
      ...(extensionDir(tls.origin) ? { extensionDir: extensionDir(tls.origin) } : {}),
    });
    try {
      const options = await syncForm(strict, undefined, tls);
      await click(options, byTestId('sync-connect'));
      await waitFor(
        async () => says(await text(options, 'sync-message'), 'syncErrorTls') || null,
        'the TLS failure in words',
      ).catch(async (error: Error) => {
        throw new Error(`${error.message}; the page said: "${await text(options, 'sync-message')}"`);
      });
      assert.ok(!says(await text(options, 'sync-message'), 'syncErrorUnreachable'));
      const { syncConnection } = (await strict.ext(async (api) => api.storage.local.get('syncConnection'))) as {
        syncConnection?: unknown;
      };
      assert.equal(syncConnection ?? null, null, 'no connection kept');
      await options.close();
    } finally {
      await strict.close();
      await removeWebdav(tls);
    }
  });

  it("the office's archive reaches the server and the laptop; a delete on the laptop reaches the office", async () => {
    const popup = await ready(await office.openExtension('/popup.html'));
    await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(
      await knownArchiveFile(),
    );
    await waitForCount(popup, ITEM, N);
    await popup.close();
    const fixtureRequests = server.requests.length;

    const options = await syncForm(office);
    await click(options, byTestId('sync-connect'));
    assert.equal((await settled(office)).error, null);
    await waitFor(() => articleFiles().length === N || null, `${N} article files on the server`);
    await waitFor(
      async () => /\d{2}\/\d{2}\/\d{4}/.test(await text(options, 'sync-state')) || null,
      'the last sync time',
    );
    await options.close();

    const laptopOptions = await syncForm(laptop);
    await click(laptopOptions, byTestId('sync-connect'));
    assert.equal((await settled(laptop)).error, null);
    await laptopOptions.close();
    const laptopPopup = await ready(await laptop.openExtension('/popup.html'));
    await waitForCount(laptopPopup, ITEM, N);
    assert.match(await text(laptopPopup, 'sync-status-text'), new RegExp(`\\b${N}\\b`), 'the popup tells what came in');

    // Delete one on the laptop: a tombstone on the server (the sync runs a few seconds after).
    await click(laptopPopup, `${ITEM} ${byTestId('delete')}`);
    await waitForCount(laptopPopup, ITEM, N - 1);
    await waitFor(() => articleFiles().length === N - 1 || null, 'the article file deleted on the server', 30_000);
    assert.equal(dav.files().filter((f) => f.startsWith('VietLaoReader/tombstones/')).length, 1);
    await laptopPopup.close();

    const officePopup = await ready(await office.openExtension('/popup.html'));
    await click(officePopup, byTestId('popup-sync-now'));
    await waitForCount(officePopup, ITEM, N - 1, 30_000);
    await officePopup.close();

    // (The browser's own services — Firefox's remote settings — go through the fixture proxy too: not ours.)
    const browserOwn = /\.(mozilla\.(com|net|org)|mozaws\.net)$/;
    const toSites = server.requests.slice(fixtureRequests).filter((r) => !browserOwn.test(r.host));
    assert.deepEqual(
      toSites.map((r) => `${r.host}${r.path}`),
      [],
      'no request to any other site while syncing',
    );
    const elsewhere = [...office.extensionRequests(), ...laptop.extensionRequests()].filter(
      (r) => !r.url.startsWith(dav.origin),
    );
    assert.deepEqual(elsewhere, [], 'the extension asked nothing of any other origin');
  });

  it('one article edited on both computers while the server was away: the later edit wins on both', async () => {
    await dav.stop();
    await importInto(office, await editFile('Sửa ở văn phòng', new Date('2025-01-10T03:00:00Z')));
    await importInto(laptop, await editFile('Sửa trên máy xách tay, sau', new Date('2025-01-11T03:00:00Z')));
    await dav.start();
    await syncUntil(office, 'Sửa ở văn phòng');
    await syncUntil(laptop, 'Sửa trên máy xách tay, sau');
    const officeTitles = await syncUntil(office, 'Sửa trên máy xách tay, sau');
    assert.ok(!officeTitles.some((t) => t.includes('Sửa ở văn phòng')), officeTitles.join(' | '));
    const onServer = articleFiles().map((f) => (JSON.parse(dav.read(f)) as { title: string }).title);
    assert.ok(
      onServer.includes('Sửa trên máy xách tay, sau') && !onServer.includes('Sửa ở văn phòng'),
      onServer.join(' | '),
    );
  });

  it('the server going away: a clear message; back again, the sync completes without duplicates', async () => {
    await dav.stop();
    const popup = await ready(await office.openExtension('/popup.html'));
    await click(popup, byTestId('popup-sync-now'));
    await waitFor(
      async () => says(await text(popup, 'sync-status-text'), 'syncErrorUnreachable') || null,
      'the unreachable server in words',
      30_000,
    );
    assert.equal(await count(popup, ITEM), N - 1, 'nothing lost here');
    await dav.start();
    await click(popup, byTestId('popup-sync-now'));
    await waitFor(async () => (await settled(office)).error === null || null, 'a sync that completes', 30_000);
    assert.equal(articleFiles().length, N - 1, 'nothing duplicated on the server');
    await popup.close();
  });

  it('a server that ignores conditional requests (rclone): both sync under their lock files, converge and release them', async () => {
    const lenient = await startLenientWebdav();
    try {
      const on = (prefix: string) => lenient.files().filter((f) => f.startsWith(`VietLaoReader/${prefix}`));
      for (const h of [office, laptop]) {
        const since = { at: Date.now(), status: await statusOf(h) };
        const options = await syncForm(h, undefined, lenient);
        await click(options, byTestId('sync-connect'));
        assert.equal((await settled(h, since)).error, null);
        await options.close();
      }
      assert.equal(on('articles/').length, N - 1, 'one file per article, none twice');
      await importInto(
        laptop,
        await editFile('Sửa qua máy chủ không hỗ trợ điều kiện', new Date('2025-02-01T03:00:00Z')),
      );
      await syncUntil(laptop, 'Sửa qua máy chủ không hỗ trợ điều kiện');
      await waitFor(
        () => on('articles/').some((f) => lenient.read(f).includes('không hỗ trợ điều kiện')) || null,
        "the laptop's edit on the lenient server",
        30_000,
      );
      await syncUntil(office, 'Sửa qua máy chủ không hỗ trợ điều kiện');
      // (from the server's log: Firefox's background requests to 127.0.0.1 bypass the recording proxy)
      const lockFiles = new Set(
        lenient.requests().flatMap((r) => (r.startsWith(`PUT /VietLaoReader/${LOCKS_DIR}/`) ? [r.slice(4)] : [])),
      );
      assert.equal(lockFiles.size, 2, `each computer wrote its own lock file: ${[...lockFiles].join(' ')}`);
      await waitFor(() => on(`${LOCKS_DIR}/`).length === 0 || null, 'every lock released', 15_000);
      assert.deepEqual(
        lenient.files().filter((f) => /\.tmp-|\.probe-/.test(f)),
        [],
        'no temporary or probe file left',
      );
    } finally {
      await removeWebdav(lenient);
    }
  });

  it('disconnect forgets the credentials (Firefox: and gives the origin back)', async () => {
    const options = await ready(await office.openExtension('/options.html'));
    await click(options, byTestId('sync-disconnect'));
    await waitFor(async () => says(await text(options, 'sync-message'), 'syncDisconnected') || null, 'disconnected');
    const stored = (await office.ext(async (api) => api.storage.local.get('syncConnection'))) as {
      syncConnection?: unknown;
    };
    assert.equal(stored.syncConnection ?? null, null);
    if (BROWSER === 'firefox') {
      const origins = (await office.ext((api) => api.permissions.getAll())).origins ?? [];
      assert.ok(!origins.some((o) => o.includes('127.0.0.1')), `no access to the server kept: ${origins.join(' ')}`);
    }
    await options.close();
  });
});

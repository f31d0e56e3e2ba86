/**
 * Sync through a real WebDAV server (Debian's apache2 + mod_dav_fs on 127.0.0.1, started here):
 * two archives converge through one folder; deletes travel as tombstones; the newer edit wins on
 * both sides; a second sync reads and writes nothing; a corrupt file on the server is reported and
 * never imported; a server that goes away halfway loses and duplicates nothing; a wrong password
 * and a read-only share say so; files reach the strict server by a conditional MOVE from a checked
 * temporary upload, so a cut-off upload never replaces a good file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteArticle } from '@/lib/archive/articles';
import type { ArchiveDb } from '@/lib/archive/db';
import { listArticles } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import { sanitizeHtml } from '@/lib/html/sanitize';
import type { SiteFixes } from '@/lib/clean/site-fixes';
import { mergeCorrectionSets, removalOf, type Correction, type CorrectionRemoval } from '@/lib/entities/corrections';
import { FULL_LISTING_MS, syncArchive } from '@/lib/sync/engine';
import { SyncError } from '@/lib/sync/errors';
import { Remote, type Connection } from '@/lib/sync/remote';
import { freshDb, makeArticle } from '../../support/archive-fixtures';
import { removeWebdav, startLenientWebdav, startWebdav, type WebdavServer } from '../../support/webdav-server';

const isWindow = (w: unknown): w is Window => typeof w === 'object' && w !== null && 'DOMParser' in w;
const jsdomWindow: unknown = new JSDOM('').window;
if (!isWindow(jsdomWindow)) throw new Error('jsdom window expected');
const sanitize = async (htmls: readonly string[]) => htmls.map((h) => sanitizeHtml(h, jsdomWindow));

let server: WebdavServer;
let readOnly: WebdavServer;
let folderNo = 0;

beforeAll(async () => {
  [server, readOnly] = await Promise.all([startWebdav(), startWebdav({ readOnly: true })]);
}, 30_000);
afterAll(async () => {
  await Promise.all([server && removeWebdav(server), readOnly && removeWebdav(readOnly)]);
});

/** A fresh folder on the server for each test. */
function connection(over: Partial<Connection> = {}): Connection {
  folderNo += 1;
  return {
    url: server.url,
    user: server.user,
    password: server.password,
    folder: `VietLaoReader-${folderNo}`,
    ...over,
  };
}

const titles = async (db: ArchiveDb) =>
  (await listArticles(db, { limit: 100 })).items.map((a) => a.title).sort((a, b) => a.localeCompare(b));

async function archiveOf(n: number, at = '2024-06-01T00:00:00Z'): Promise<ArchiveDb> {
  const db = await freshDb();
  for (let i = 0; i < n; i++)
    await saveArticle(
      db,
      makeArticle({ url: `https://antv.gov.vn/tin-${i}.html`, title: `Hợp tác Việt – Lào số ${i}` }),
      new Date(at),
    );
  return db;
}

const sync = (db: ArchiveDb, c: Connection) => syncArchive(db, new Remote(c), { sanitize });
const filesIn = (c: Connection, dir: string) =>
  server.files().filter((f) => f.startsWith(`${c.folder}/${dir}/`)).length;

describe('sync through a real WebDAV server', () => {
  it('converges two archives through one folder, then a second sync reads and writes nothing', async () => {
    const c = connection();
    const a = await archiveOf(3);
    const b = await freshDb();
    await saveArticle(b, makeArticle({ url: 'https://nhandan.vn/lao-1.html', title: 'Thủ tướng Lào thăm Hà Nội' }));

    expect(await sync(a, c)).toMatchObject({ pushed: 3, pulled: 0, problems: [] });
    expect(await sync(b, c)).toMatchObject({ pushed: 1, pulled: 3 });
    expect(await sync(a, c)).toMatchObject({ pushed: 0, pulled: 1 });
    expect(await titles(a)).toEqual(await titles(b));
    expect(await titles(a)).toHaveLength(4);

    // The folder is a readable backup: one export-format article per file, and an index.
    expect(filesIn(c, 'articles')).toBe(4);
    const index = JSON.parse(server.read(`${c.folder}/index.json`)) as { format: string; version: number };
    expect(index).toMatchObject({ format: 'vietlao-reader-sync', version: 1 });
    const [first] = server.files().filter((f) => f.startsWith(`${c.folder}/articles/`));
    expect(JSON.parse(server.read(first!))).toMatchObject({
      canonicalUrl: expect.stringMatching(/^https:\/\//),
      text: expect.any(String),
    });

    expect(await sync(a, c)).toMatchObject({ pushed: 0, pulled: 0, deletedHere: 0, deletedThere: 0 });
    expect(await sync(b, c)).toMatchObject({ pushed: 0, pulled: 0 });
  });

  it('a delete travels as a tombstone; the other archive deletes its copy', async () => {
    const c = connection();
    const a = await archiveOf(2);
    await sync(a, c);
    const b = await freshDb();
    await sync(b, c);
    const victim = (await listArticles(a, { limit: 10 })).items.find((x) => x.title.endsWith('số 0'))!;
    await deleteArticle(a, victim.id, new Date('2024-07-01T00:00:00Z'));
    expect(await sync(a, c)).toMatchObject({ deletedThere: 1 });
    expect(filesIn(c, 'articles')).toBe(1);
    expect(filesIn(c, 'tombstones')).toBe(1);
    expect(await sync(b, c)).toMatchObject({ deletedHere: 1 });
    expect(await titles(b)).toEqual(['Hợp tác Việt – Lào số 1']);
    // The delete does not come back on either side.
    expect(await sync(a, c)).toMatchObject({ pulled: 0, pushed: 0 });
    expect(await titles(a)).toEqual(['Hợp tác Việt – Lào số 1']);
  });

  it('edits of one article on both sides while apart: the newer wins everywhere', async () => {
    const c = connection();
    const a = await archiveOf(1);
    await sync(a, c);
    const b = await freshDb();
    await sync(b, c);
    const url = 'https://antv.gov.vn/tin-0.html';
    await saveArticle(a, makeArticle({ url, title: 'Sửa ở máy A' }), new Date('2024-08-01T00:00:00Z'));
    await saveArticle(b, makeArticle({ url, title: 'Sửa ở máy B, sau' }), new Date('2024-08-02T00:00:00Z'));
    await sync(b, c);
    await sync(a, c); // A's push meets B's newer copy: A takes it
    await sync(a, c);
    expect(await titles(a)).toEqual(['Sửa ở máy B, sau']);
    expect(await titles(b)).toEqual(['Sửa ở máy B, sau']);
    const [file] = server.files().filter((f) => f.startsWith(`${c.folder}/articles/`));
    expect((JSON.parse(server.read(file!)) as { title: string }).title).toBe('Sửa ở máy B, sau');
  });

  it('the strict server gets each file by MOVE from a size-checked temporary upload; no temporary file stays', async () => {
    const c = connection();
    const remote = new Remote(c);
    expect(await syncArchive(await archiveOf(3), remote, { sanitize })).toMatchObject({ pushed: 3 });
    expect([remote.conditional, remote.conditionalMove]).toEqual([true, true]);
    const files = server.files().filter((f) => f.startsWith(`${c.folder}/`));
    expect(files.filter((f) => f.startsWith(`${c.folder}/articles/`))).toHaveLength(3);
    expect(files.filter((f) => f.includes('.tmp-') || f.includes('.probe-'))).toEqual([]);
  });

  it('by MOVE, another writer still gets its 412: a stale ETag and a create over an existing file change nothing', async () => {
    const remote = new Remote(connection());
    await remote.ensureFolders(['articles']);
    expect(await remote.probeConditional()).toBe(true);
    const first = await remote.write('articles/a.json', '{"v":1}', null);
    expect(first.ok).toBe(true);
    const etag = first.ok ? first.etag : null;
    expect(await remote.write('articles/a.json', '{"v":"again"}', null)).toEqual({ ok: false, reason: 'exists' });
    const second = await remote.write('articles/a.json', '{"v":2}', etag);
    expect(second.ok).toBe(true);
    expect(await remote.write('articles/a.json', '{"v":"stale"}', etag)).toEqual({ ok: false, reason: 'changed' });
    expect((await remote.read('articles/a.json'))?.text).toBe('{"v":2}');
    expect([...(await remote.list('articles')).keys()]).toEqual(['a.json']); // no temporary file left
  });

  it('an upload cut off on the way never replaces the good file on the server', async () => {
    const remote = new Remote(connection());
    await remote.ensureFolders(['articles']);
    await remote.probeConditional();
    const good = await remote.write('articles/a.json', '{"title":"Hội đàm cấp cao Việt Nam – Lào"}', null);
    const put = remote.client.putFileContents.bind(remote.client);
    // every upload arrives short, as through a connection that drops mid-body
    remote.client.putFileContents = (path, data, options) => put(path, String(data).slice(0, 10), options);
    await expect(
      remote.write('articles/a.json', '{"title":"Bản sửa dài hơn"}', good.ok ? good.etag : null),
    ).rejects.toThrow(/kept 10 of/);
    remote.client.putFileContents = put;
    expect((await remote.read('articles/a.json'))?.text).toBe('{"title":"Hội đàm cấp cao Việt Nam – Lào"}');
    expect([...(await remote.list('articles')).keys()]).toEqual(['a.json']);
  });

  it('an idle sync does not list the folders again; a change from elsewhere still is seen at once', async () => {
    const c = connection();
    const a = await archiveOf(3);
    const b = await freshDb();
    await sync(a, c); // pushed: the folders changed by our own writes
    await sync(b, c); // pulled
    await sync(a, c); // listed once more after its own writes
    const before = server.requestCount();
    expect(await sync(a, c)).toMatchObject({ pulled: 0, pushed: 0 });
    const idle = server.requestCount() - before;
    // index, folder checks and the two folders' own ETags — no listing of their files
    const asked = server.requests().slice(-idle);
    expect(asked.filter((l) => / 1$/.test(l))).toEqual([]); // no PROPFIND of depth 1
    expect(asked.length).toBeLessThanOrEqual(6); // the folders checked, the index read, the two folder ETags
    await saveArticle(b, makeArticle({ url: 'https://nhandan.vn/moi.html', title: 'Bài mới ở máy B' }));
    await sync(b, c);
    expect(await sync(a, c)).toMatchObject({ pulled: 1 });
    expect(await titles(a)).toEqual(await titles(b));
  });

  it('a file changed in place (by hand: the folder ETag stays) is seen by the full listing after FULL_LISTING_MS', async () => {
    const c = connection();
    const a = await archiveOf(1);
    const b = await freshDb();
    await sync(a, c);
    const at = (ms: number) => ({ sanitize, now: () => new Date(Date.now() + ms) });
    await syncArchive(b, new Remote(c), at(0));
    await syncArchive(b, new Remote(c), at(0));
    const [file] = server.files().filter((f) => f.startsWith(`${c.folder}/articles/`));
    const edited = JSON.parse(server.read(file!)) as { title: string; updatedAt: string };
    edited.title = 'Sửa tay trên máy chủ';
    edited.updatedAt = new Date(Date.now() + 60_000).toISOString();
    writeFileSync(join(server.root, file!), JSON.stringify(edited)); // in place: the folder's ETag does not change
    expect(await syncArchive(b, new Remote(c), at(1000))).toMatchObject({ pulled: 0 });
    expect(await syncArchive(b, new Remote(c), at(FULL_LISTING_MS + 1000))).toMatchObject({ pulled: 1 });
    expect(await titles(b)).toEqual(['Sửa tay trên máy chủ']);
  });

  it('a corrupt file on the server is reported and skipped, and the local copy is written over it', async () => {
    const c = connection();
    const a = await archiveOf(2);
    await sync(a, c);
    const b = await freshDb();
    const files = server.files().filter((f) => f.startsWith(`${c.folder}/articles/`));
    writeFileSync(join(server.root, files[0]!), '{"id": "truncated');
    const report = await sync(b, c);
    expect(report.pulled).toBe(1);
    expect(report.problems).toEqual([expect.stringContaining('not JSON')]);
    expect(await titles(b)).toHaveLength(1);
    // A still has the article: its next sync repairs the server's file.
    await sync(a, c);
    expect(() => JSON.parse(server.read(files[0]!)) as unknown).not.toThrow();
    expect(await sync(b, c)).toMatchObject({ pulled: 1, problems: [] });
  });

  it('the server going away halfway loses and duplicates nothing; the next sync resumes', async () => {
    const c = connection();
    const a = await archiveOf(8);
    let writes = 0;
    /** The server stops for real as the fifth article is about to be written. */
    class Stopping extends Remote {
      override async write(path: string, text: string, etag: string | null) {
        if (path.startsWith('articles/') && ++writes === 5) await server.stop();
        return super.write(path, text, etag);
      }
    }
    try {
      await expect(syncArchive(a, new Stopping(c), { sanitize })).rejects.toMatchObject({ code: 'unreachable' });
    } finally {
      await server.start();
    }
    const confirmed = (await a.remoteFiles.toArray()).filter((f) => f.name.startsWith('articles/')).length;
    expect(filesIn(c, 'articles')).toBeLessThan(8);
    expect(await titles(a)).toHaveLength(8); // nothing lost here
    const resumed = await sync(a, c);
    expect(resumed.pushed).toBeLessThanOrEqual(8 - confirmed); // what the server confirmed is not written again
    expect(filesIn(c, 'articles')).toBe(8);
    const b = await freshDb();
    expect(await sync(b, c)).toMatchObject({ pulled: 8, problems: [] });
  }, 30_000);

  it('a wrong password: a clear error, nothing written on either side', async () => {
    const c = connection({ password: 'wrong' });
    const a = await archiveOf(1);
    const error = await sync(a, c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'auth' });
    expect(server.files().some((f) => f.startsWith(`${c.folder}/`))).toBe(false);
    expect(await titles(a)).toHaveLength(1);
  });

  it('a read-only share still pulls, and says that pushes are refused', async () => {
    const shared = { url: readOnly.url, user: readOnly.user, password: readOnly.password, folder: 'VietLaoReader' };
    // The team's folder, as the server's owner filled it (written here straight to disk).
    const owner = connection({ folder: 'seed' });
    await sync(await archiveOf(2), owner);
    const { cpSync } = await import('node:fs');
    cpSync(join(server.root, owner.folder), join(readOnly.root, 'VietLaoReader'), { recursive: true });
    readOnly.adopt();
    const reader = await freshDb();
    await saveArticle(reader, makeArticle({ title: 'Bài riêng' }));
    const report = await sync(reader, shared);
    expect(report).toMatchObject({ pulled: 2, readOnly: true, pushed: 0 });
    expect(await titles(reader)).toHaveLength(3);
  });
});

describe('sync through a server that ignores conditional requests (rclone serve webdav)', () => {
  let lenient: WebdavServer;
  beforeAll(async () => {
    lenient = await startLenientWebdav();
  }, 30_000);
  afterAll(async () => {
    if (lenient) await removeWebdav(lenient);
  });
  const at = (folder: string): Connection => ({
    url: lenient.url,
    user: lenient.user,
    password: lenient.password,
    folder,
  });
  const run = (db: ArchiveDb, c: Connection, clientId: string) =>
    syncArchive(db, new Remote(c), { sanitize, clientId });

  it('is found out, and two archives still converge under the folder lock (which is released)', async () => {
    const c = at('team');
    const a = await archiveOf(3);
    const b = await freshDb();
    await saveArticle(b, makeArticle({ url: 'https://nhandan.vn/lao-2.html', title: 'Hội đàm Việt Nam – Lào' }));
    const remote = new Remote(c);
    expect(await syncArchive(a, remote, { sanitize, clientId: 'client-a' })).toMatchObject({ pushed: 3 });
    expect(remote.conditional).toBe(false);
    expect(await run(b, c, 'client-b')).toMatchObject({ pushed: 1, pulled: 3 });
    expect(await run(a, c, 'client-a')).toMatchObject({ pulled: 1, pushed: 0 });
    expect(await titles(a)).toEqual(await titles(b));
    const files = lenient.files().filter((f) => f.startsWith('team/'));
    expect(files.filter((f) => f.startsWith('team/articles/'))).toHaveLength(4);
    expect(files.filter((f) => f.includes('.tmp-') || f.startsWith('team/locks/') || f.includes('.probe-'))).toEqual(
      [],
    );
  });

  it('another client holding a live lease: busy, nothing written; an expired lease is ignored', async () => {
    const c = at('leased');
    const a = await archiveOf(2);
    await run(a, c, 'client-a');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(lenient.root, 'leased/locks'), { recursive: true });
    const lockFile = join(lenient.root, 'leased/locks/client-0.json');
    writeFileSync(
      lockFile,
      JSON.stringify({ clientId: 'client-0', until: new Date(Date.now() + 600_000).toISOString() }),
    );
    await saveArticle(a, makeArticle({ url: 'https://antv.gov.vn/moi.html', title: 'Bài mới' }));
    await expect(run(a, c, 'client-a')).rejects.toMatchObject({ code: 'busy' });
    expect(lenient.files().filter((f) => f.startsWith('leased/articles/'))).toHaveLength(2);
    writeFileSync(lockFile, JSON.stringify({ clientId: 'client-0', until: new Date(Date.now() - 1000).toISOString() }));
    expect(await run(a, c, 'client-a')).toMatchObject({ pushed: 1 });
  });
});

describe('personal settings through the sync folder', () => {
  it('site fixes and corrections made on one computer reach the other, merged with its own', async () => {
    const c = connection();
    type Personal = { siteFixes?: SiteFixes; corrections?: Correction[] };
    const holder = (start: Personal) => {
      let value: Personal = start;
      return {
        get: () => value,
        hooks: {
          read: async () => value,
          merge: async (p: Personal) => {
            value = {
              siteFixes: { ...(value.siteFixes ?? {}), ...(p.siteFixes ?? {}) },
              corrections: [
                ...(value.corrections ?? []),
                ...(p.corrections ?? []).filter((x) => !(value.corrections ?? []).some((y) => y.id === x.id)),
              ],
            };
          },
        },
      };
    };
    const correction: Correction = {
      id: 'c1',
      kind: 'not-entity',
      surface: 'Ảnh: TTXVN',
      scope: { kind: 'everywhere' },
      at: '2024-09-01T00:00:00.000Z',
    };
    const office = holder({
      siteFixes: { 'antv.gov.vn': { remove: ['div.box-lienquan'] } },
      corrections: [correction],
    });
    const laptop = holder({ siteFixes: { 'qdnd.vn': { remove: ['aside.post-related'] } }, corrections: [] });
    await syncArchive(await freshDb(), new Remote(c), { sanitize, personal: office.hooks });
    await syncArchive(await freshDb(), new Remote(c), { sanitize, personal: laptop.hooks });
    expect(laptop.get().siteFixes).toEqual({
      'qdnd.vn': { remove: ['aside.post-related'] },
      'antv.gov.vn': { remove: ['div.box-lienquan'] },
    });
    expect(laptop.get().corrections).toEqual([correction]);
    const onServer = JSON.parse(server.read(`${c.folder}/personal.json`)) as Personal;
    expect(Object.keys(onServer.siteFixes ?? {}).sort()).toEqual(['antv.gov.vn', 'qdnd.vn']);
  });

  it('a correction removed on one computer is removed on the other, and no sync brings it back', async () => {
    const c = connection();
    // each computer's corrections, merged as lib/settings/corrections.ts merges them
    const computer = (corrections: Correction[]) => {
      let set: { corrections: Correction[]; removals: CorrectionRemoval[] } = { corrections, removals: [] };
      return {
        get: () => set,
        remove: (id: string) => {
          const gone = set.corrections.filter((x) => x.id === id);
          set = {
            corrections: set.corrections.filter((x) => x.id !== id),
            removals: [...set.removals, ...gone.map((x) => removalOf(x, new Date().toISOString()))],
          };
        },
        hooks: {
          read: async () => ({ corrections: set.corrections, removedCorrections: set.removals }),
          merge: async (p: { corrections?: Correction[]; removedCorrections?: CorrectionRemoval[] }) => {
            set = mergeCorrectionSets(
              set,
              { corrections: p.corrections ?? [], removals: p.removedCorrections ?? [] },
              () => `c-${Math.random()}`,
            );
          },
        },
      };
    };
    const correction: Correction = {
      id: 'c1',
      kind: 'not-entity',
      surface: 'Theo VOV',
      scope: { kind: 'site', site: 'vov.vn' },
      at: '2026-11-01T00:00:00.000Z',
    };
    const office = computer([correction]);
    const laptop = computer([]);
    const [officeDb, laptopDb] = [await freshDb(), await freshDb()];
    const syncOf = (db: ArchiveDb, who: typeof office) =>
      syncArchive(db, new Remote(c), { sanitize, personal: who.hooks });
    await syncOf(officeDb, office);
    await syncOf(laptopDb, laptop);
    expect(laptop.get().corrections).toEqual([correction]);
    office.remove('c1');
    await syncOf(officeDb, office);
    await syncOf(laptopDb, laptop);
    expect(laptop.get().corrections).toEqual([]);
    await syncOf(officeDb, office);
    await syncOf(laptopDb, laptop);
    expect([office.get().corrections, laptop.get().corrections]).toEqual([[], []]);
  });

  it('a damaged personal.json is reported and changes nothing here', async () => {
    const c = connection();
    await syncArchive(await freshDb(), new Remote(c), {
      sanitize,
      personal: { read: async () => ({}), merge: async () => {} },
    });
    writeFileSync(join(server.root, c.folder, 'personal.json'), '{"siteFixes": {"__proto__": {}}}');
    let merged = 0;
    const report = await syncArchive(await freshDb(), new Remote(c), {
      sanitize,
      personal: { read: async () => ({}), merge: async () => void (merged += 1) },
    });
    expect(merged).toBe(0);
    expect(report.problems).toEqual([expect.stringContaining('personal.json')]);
  });
});

/**
 * An import that is cancelled, or fails halfway, leaves the archive exactly as it was before
 * (lib/archive/import.ts): every table, row for row — including what a chunk changes besides the
 * articles (the tombstone of a deleted article the file brings back, an entity's stored name, the
 * recogniser version on a replaced copy's facts). A save waits for one chunk, not the whole
 * import, and stays when the import is taken back. An import stopped with the background is taken
 * back at its next start (lib/archive/import-journal.ts). Progress only goes forward and ends at the total.
 */
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteArticle } from '@/lib/archive/articles';
import { articleCount } from '@/lib/archive/counter';
import type { ArchiveDb } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import type { ArchiveFile } from '@/lib/archive/file-format';
import { IMPORT_CHUNK, importArchive, SANITIZE_SLICE, type ImportPhase } from '@/lib/archive/import';
import { ImportError } from '@/lib/archive/import-error';
import { saveArticle } from '@/lib/archive/save';
import { recoverImport } from '@/lib/archive/import-journal';
import { createWriteQueue } from '@/lib/archive/write-queue';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const win = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((h) => sanitizeHtml(h, win));
const N = IMPORT_CHUNK * 3 + 21; // four chunks
const LATER = '2030-01-01T00:00:00.000Z';

/** Every table of the database, rows in key order. */
async function everyTable(db: ArchiveDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

let file = '';
let urls: string[] = [];

beforeAll(async () => {
  const source = await freshDb();
  for (let i = 0; i < N; i++)
    await saveArticle(
      source,
      makeArticle({
        title: `Bài nhập ${i}`,
        url: `https://antv.gov.vn/nhap-${i}.html`,
        body: `Đoàn công tác tỉnh ${i % 2 ? 'Hủa Phăn' : 'Thanh Hoá'} làm việc với Bộ Quốc phòng Lào, lần ${i}.`,
        entities: [
          ['place.la-hp', 'Hủa Phăn'],
          ['org.la-mod', 'Bộ Quốc phòng Lào', 'ORG'],
        ],
        publishedAt: `2023-${String((i % 12) + 1).padStart(2, '0')}-10T08:00:00+07:00`,
      }),
      new Date(Date.UTC(2024, 0, 1, 0, i)),
    );
  const parsed = JSON.parse(await (await exportArchive(source)).text()) as ArchiveFile;
  parsed.articles.sort((a, b) => a.savedAt.localeCompare(b.savedAt)); // file order = i
  // the copy the target holds of articles 3 and IMPORT_CHUNK * 2 + 3 is older: the file replaces it
  for (const i of [3, IMPORT_CHUNK * 2 + 3]) parsed.articles[i] = { ...parsed.articles[i]!, updatedAt: LATER };
  urls = parsed.articles.map((a) => a.canonicalUrl);
  file = JSON.stringify(parsed);
});

/**
 * A target archive with its own articles: older copies of two of the file's articles (their facts
 * carrying a recogniser version), one of the file's articles saved and deleted (a tombstone the
 * import removes), and an entity the file names differently.
 */
async function target(): Promise<ArchiveDb> {
  const db = await freshDb();
  await saveArticle(db, makeArticle({ title: 'Có từ trước' }), new Date('2024-05-01T00:00:00Z'), 'v-truoc');
  for (const i of [3, IMPORT_CHUNK * 2 + 3])
    await saveArticle(
      db,
      makeArticle({ url: urls[i], title: `Bản cũ ${i}`, entities: [['org.la-mod', 'Bộ QP Lào', 'ORG']] }),
      new Date('2024-05-02T00:00:00Z'),
      'v-truoc',
    );
  const gone = await saveArticle(db, makeArticle({ url: urls[IMPORT_CHUNK + 7], title: 'Đã xoá' }));
  await deleteArticle(db, gone.id, new Date('2024-05-03T00:00:00Z'));
  await db.entityNames.put({ id: 'place.la-hp', name: 'Houaphanh', type: 'PLACE' });
  return db;
}

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function expectUntouched(db: ArchiveDb, before: Record<string, unknown[]>, error: unknown, code: string) {
  expect(error).toBeInstanceOf(ImportError);
  expect(error).toMatchObject({ code });
  expect(await everyTable(db)).toEqual(before);
}

describe('importArchive: fully imported or untouched', () => {
  it('the target really is changed by a full import (what the other cases must take back)', async () => {
    const db = await target();
    const before = await everyTable(db);
    const result = await importArchive(db, file, sanitize);
    expect(result).toMatchObject({ added: N - 2, updated: 2, skipped: 0 });
    const after = await everyTable(db);
    for (const name of ['articles', 'bodies', 'meta', 'entityNames', 'facts', 'tombstones', 'articleWords'])
      expect(after[name], name).not.toEqual(before[name]);
  });

  const abortPoints: [string, (abort: () => void) => Parameters<typeof importArchive>[3] & object][] = [
    ['before it starts', (abort) => (abort(), {})],
    ['while the bodies are sanitised', () => ({})],
    ['after the first chunk', (abort) => ({ onProgress: (done) => done === IMPORT_CHUNK && abort() })],
    ['after the third chunk', (abort) => ({ onProgress: (done) => done === IMPORT_CHUNK * 3 && abort() })],
  ];
  for (const [when, options] of abortPoints)
    it(`a cancel ${when} leaves every table as it was`, async () => {
      const db = await target();
      const before = await everyTable(db);
      const controller = new AbortController();
      const abort = () => controller.abort();
      const sanitizing = when.includes('sanitised');
      const error = await importArchive(db, file, sanitizing ? async (h) => (abort(), sanitize(h)) : sanitize, {
        ...options(abort),
        signal: controller.signal,
      }).catch((e: unknown) => e);
      await expectUntouched(db, before, error, 'cancelled');
      expect((error as ImportError).message).toMatch(/archive is unchanged/);
      expect((error as ImportError).messageVi).toBe('Đã huỷ nhập; kho lưu trữ không thay đổi.');
    });

  it('a cancel that comes while the last chunk is written still takes the whole import back', async () => {
    const db = await target();
    const before = await everyTable(db);
    const controller = new AbortController();
    const real = db.articles.bulkPut.bind(db.articles);
    let calls = 0;
    db.articles.bulkPut = ((...args: Parameters<typeof real>) => {
      if (++calls === 4) controller.abort(); // inside the fourth (last) chunk's transaction
      return real(...args);
    }) as typeof real;
    const error = await importArchive(db, file, sanitize, { signal: controller.signal }).catch((e: unknown) => e);
    db.articles.bulkPut = real;
    expect(calls).toBeGreaterThanOrEqual(4);
    await expectUntouched(db, before, error, 'cancelled');
  });

  for (const [table, call] of [
    ['bodies', 2],
    ['entityNames', 3],
    ['tallies', 4],
  ] as const)
    it(`a full disk in chunk ${call} (writing ${table}) leaves every table as it was`, async () => {
      const db = await target();
      const before = await everyTable(db);
      // (the three tables' bulkPut differ only in their row type)
      const store = db[table] as unknown as { bulkPut: (...args: unknown[]) => Promise<unknown> };
      const real = store.bulkPut.bind(store);
      let calls = 0;
      store.bulkPut = (...args: unknown[]) => {
        if (++calls === call) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real(...args);
      };
      const error = await importArchive(db, file, sanitize).catch((e: unknown) => e);
      store.bulkPut = real;
      await expectUntouched(db, before, error, 'quota');
      expect((error as ImportError).message).toMatch(/Nothing was imported/);
    });

  it('a failure halfway whose rollback fails too says what is left, instead of "nothing was imported"', async () => {
    const db = await target();
    const before = await everyTable(db);
    const real = db.bodies.bulkPut.bind(db.bodies);
    const realDelete = db.bodies.bulkDelete.bind(db.bodies);
    let calls = 0;
    db.bodies.bulkPut = ((...args: Parameters<typeof real>) => {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real(...args);
    }) as typeof real;
    db.bodies.bulkDelete = (() => Promise.reject(new Error('disk gone'))) as unknown as typeof realDelete;
    const error = await importArchive(db, file, sanitize).catch((e: unknown) => e);
    db.bodies.bulkPut = real;
    db.bodies.bulkDelete = realDelete;
    expect(error).toMatchObject({ code: 'storage' });
    expect((error as ImportError).message).toMatch(/could not be taken back yet/);
    expect((error as ImportError).message).not.toMatch(/Nothing was imported/);
    // the next start of the background takes it back from the journal
    expect(await recoverImport(db)).toBe(IMPORT_CHUNK);
    expect(await everyTable(db)).toEqual(before);
  });

  it('an import stopped with the background (a chunk never comes back) is taken back at the next start', async () => {
    const db = await target();
    const before = await everyTable(db);
    let chunks = 0;
    const stopped = new Promise<never>(() => undefined);
    const queue = <T>(write: () => Promise<T>): Promise<T> => (++chunks === 3 ? stopped : write());
    void importArchive(db, file, sanitize, { queue });
    await waitUntil(() => chunks === 3);
    expect(await db.articles.count()).toBe(before.articles!.length + IMPORT_CHUNK * 2 - 1); // two chunks written (one replaced)
    expect(await recoverImport(db)).toBe(IMPORT_CHUNK * 2);
    expect(await everyTable(db)).toEqual(before);
    expect(await recoverImport(db)).toBe(0);
  });

  it('a complete import leaves no journal behind', async () => {
    const db = await target();
    await importArchive(db, file, sanitize);
    const full = await everyTable(db);
    expect(await recoverImport(db)).toBe(0);
    expect(await everyTable(db)).toEqual(full);
  });

  it('a save queued during the import runs between two chunks, and the rollback keeps it', async () => {
    const db = await target();
    const queue = createWriteQueue();
    const controller = new AbortController();
    const before = await db.articles.count();
    let done = 0;
    let savedWhen = -1;
    let saving: Promise<unknown> = Promise.resolve();
    const error = await importArchive(db, file, sanitize, {
      queue: queue.serialize,
      signal: controller.signal,
      onProgress: (d) => {
        done = d;
        if (d === IMPORT_CHUNK)
          saving = queue
            .serialize(() => saveArticle(db, makeArticle({ title: 'Lưu giữa chừng' })))
            .then(() => (savedWhen = done));
        if (d === IMPORT_CHUNK * 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    await saving;
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(savedWhen).toBe(IMPORT_CHUNK); // before the second chunk, not after the import
    expect(await db.articles.count()).toBe(before + 1);
    expect(await articleCount(db)).toBe(before + 1);
    expect((await db.articles.toArray()).filter((a) => a.title === 'Lưu giữa chừng')).toHaveLength(1);
    expect(await db.articles.where('canonicalUrl').anyOf(urls).count()).toBe(2); // the two older copies, as before
  });

  it('progress only goes forward, one call per chunk, and ends at the total; the phases come in order', async () => {
    const db = await target();
    const progress: [number, number][] = [];
    const checked: [number, number][] = [];
    const phases: ImportPhase[] = [];
    await importArchive(db, file, sanitize, {
      onProgress: (d, t) => progress.push([d, t]),
      onChecked: (d, t) => checked.push([d, t]),
      onPhase: (p) => phases.push(p),
    });
    expect(checked).toEqual(
      [
        0,
        ...Array.from({ length: Math.ceil(N / SANITIZE_SLICE) }, (_, i) => Math.min(N, (i + 1) * SANITIZE_SLICE)),
      ].map((d) => [d, N]),
    );
    expect(phases).toEqual(['checking', 'writing']);
    expect(progress[0]).toEqual([0, N]);
    expect(progress.at(-1)).toEqual([N, N]);
    expect(progress).toHaveLength(Math.ceil(N / IMPORT_CHUNK) + 1);
    for (const [i, [done, total]] of progress.entries()) {
      expect(total).toBe(N);
      if (i > 0) expect(done).toBeGreaterThan(progress[i - 1]![0]);
    }
  });

  it('a rollback is a phase of its own', async () => {
    const db = await target();
    const controller = new AbortController();
    const phases: ImportPhase[] = [];
    await importArchive(db, file, sanitize, {
      signal: controller.signal,
      onProgress: (done) => done === IMPORT_CHUNK && controller.abort(),
      onPhase: (p) => phases.push(p),
    }).catch(() => undefined);
    expect(phases).toEqual(['checking', 'writing', 'rolling-back']);
  });
});

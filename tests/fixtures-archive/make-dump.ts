/**
 * Writes `v7/tables.json`: every table of a real version-7 archive, as the v7 code (main at
 * af1aa06) stored it. The articles are twelve fixture pages (tests/fixtures/pages, sourced in
 * their notes.md) cleaned by the real pipeline and recogniser, saved, one of them saved again
 * with a change, one deleted (a tombstone), on two days. Run once with that version's code
 * (`npx tsx tests/fixtures-archive/make-dump.ts`); the migration test (migration-v7.test.ts)
 * opens the dump with today's code. Kept as data: re-running it with newer code would no longer
 * produce a v7 archive.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { ArchiveDb, SCHEMA_VERSION } from '@/lib/archive/db';
import { deleteArticle } from '@/lib/archive/articles';
import { saveArticle } from '@/lib/archive/save';
import { cleanHtml } from '@/lib/cli/clean-html';
import { loadGazetteer } from '@/lib/entities/build/load';
import { createMatcher } from '@/lib/entities/matcher';

const PAGES = join(import.meta.dirname, '../fixtures/pages');
const PICK = [
  'antv--hop-tac-cong-an',
  'antv--cong-an-lao-hoc-vien',
  'thoidai--hop-tac-quoc-phong-bunpimay',
  'thoidai--van-phong-bqp-lao',
  'nhandan--hop-tac-quoc-phong-van-phong',
  'qdnd--hoi-dam-tong-tham-muu-truong',
  'cand--tong-tham-muu-truong-lao',
  'baoquocte--quan-he-dac-biet-viet-lao',
  'bienphong--viet-lao-tang-cuong-hop-tac-quoc-phong',
  'vovworld--hop-tac-cong-an-viet-lao',
  'dangcongsan--toa-dam-60-nam-hop-tac',
  'vientianetimes--vietnam-laos-defence-cooperation',
];

async function main(): Promise<void> {
  const version: number = SCHEMA_VERSION;
  if (version !== 7) throw new Error(`this writes a v7 archive; the code is at v${SCHEMA_VERSION}`);
  const compiled = loadGazetteer(join(import.meta.dirname, '../../assets/gazetteer'));
  const matcher = createMatcher(compiled.data, compiled.details, compiled.phonetic);
  const win = new JSDOM('<!doctype html><body></body>', { url: 'https://vietlao-reader.invalid/' })
    .window as unknown as Window;
  const db = new ArchiveDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const ids: string[] = [];
  for (const [i, name] of PICK.entries()) {
    if (!readdirSync(PAGES).includes(name)) throw new Error(`no fixture ${name}`);
    const expected = JSON.parse(readFileSync(join(PAGES, name, 'expected.json'), 'utf8')) as { url: string };
    const html = readFileSync(join(PAGES, name, 'source.html'), 'utf8');
    const result = cleanHtml(html, expected.url, win, (t) => matcher.groupEntities(matcher.findMentions(t)));
    if (!result.isArticle) throw new Error(`${name}: not an article`);
    const day = new Date(Date.UTC(2026, 10, 20 + (i % 2), 3, i));
    ids.push((await saveArticle(db, result, day, 'v7-dump')).id);
    if (i === 2) await saveArticle(db, { ...result, title: `${result.title} (cập nhật)` }, new Date(day.getTime() + 3_600_000));
  }
  await deleteArticle(db, ids[11]!, new Date(Date.UTC(2026, 10, 22)));
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  mkdirSync(join(import.meta.dirname, 'v7'), { recursive: true });
  writeFileSync(
    join(import.meta.dirname, 'v7/tables.json'),
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, madeBy: 'tests/fixtures-archive/make-dump.ts at af1aa06', tables }),
  );
  console.log(Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])));
}

await main();

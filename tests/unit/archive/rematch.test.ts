/**
 * Matching the archive again (lib/archive/rematch.ts): after the recogniser changes, batches
 * bring every article to the new version — entities, filters, analysis counts and the entity
 * index follow — leaving the articles whose entities did not change as they were, and a save made
 * between two batches is kept.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '@/lib/article';
import { getArticle } from '@/lib/archive/articles';
import type { ArchiveDb } from '@/lib/archive/db';
import { listArticles } from '@/lib/archive/query';
import { rematchBatch, staleCount } from '@/lib/archive/rematch';
import { saveArticle } from '@/lib/archive/save';
import { factRow, tallyRows } from '@/lib/archive/tallies';
import { entity, freshDb, makeArticle } from '../../support/archive-fixtures';

/** Version 1 knows Lào; version 2 also knows the province Hủa Phăn. */
const V1: [string, string, 'PLACE'][] = [['place.la', 'Lào', 'PLACE']];
const V2: [string, string, 'PLACE'][] = [...V1, ['place.la-hua-phan', 'Hủa Phăn', 'PLACE']];
const matcher =
  (specs: [string, string, 'PLACE'][]) =>
  (text: string): ArticleEntity[] =>
    specs.map(([id, s, type]) => entity(text, id, s, type)).filter((e) => e.mentions.length > 0);

async function seeded(): Promise<ArchiveDb> {
  const db = await freshDb();
  for (let n = 0; n < 60; n++) {
    const a = makeArticle({
      url: `https://antv.gov.vn/bai-${n}.html`,
      lead: null,
      body: n % 2 ? `Tỉnh Hủa Phăn (Lào) đón đoàn số ${n}.` : `Đoàn số ${n} thăm Lào.`,
      entities: V1,
    });
    await saveArticle(db, a, new Date(Date.UTC(2024, 0, 1, 0, n)), n === 59 ? undefined : 'v1');
  }
  return db;
}

const sortedTallies = async (db: ArchiveDb) => (await db.tallies.toArray()).sort((a, b) => a.key.localeCompare(b.key));

describe('rematch', () => {
  it('brings every article to the new version in batches; filters and counts follow', async () => {
    const db = await seeded();
    expect(await staleCount(db, 'v1')).toBe(1); // the one saved with no version recorded
    expect(await staleCount(db, 'v2')).toBe(60);
    const before = (await listArticles(db, { limit: 500 })).items;
    let batches = 0;
    for (;;) {
      const { examined, done } = await rematchBatch(db, 'v2', matcher(V2), 25);
      if (examined === 0) break;
      expect(done).toBe(examined);
      batches += 1;
    }
    expect(batches).toBe(3);
    expect(await staleCount(db, 'v2')).toBe(0);
    expect((await listArticles(db, { entityId: 'place.la-hua-phan' })).total).toBe(30);
    // the counts and the index are those of the stored rows
    const rows = await db.articles.toArray();
    const bodies = await db.bodies.bulkGet(rows.map((r) => r.id));
    const facts = rows.map((r, i) => factRow(r, bodies[i]!.entities));
    const recount = tallyRows(facts).sort((a, b) => a.key.localeCompare(b.key));
    expect(await sortedTallies(db)).toEqual(recount);
    // what did not change is as it was: savedAt, updatedAt and the entities of the even articles
    const after = new Map((await listArticles(db, { limit: 500 })).items.map((s) => [s.id, s]));
    for (const s of before) {
      expect(after.get(s.id)!.updatedAt).toBe(s.updatedAt);
      expect(after.get(s.id)!.savedAt).toBe(s.savedAt);
    }
    const even = before.find((s) => s.canonicalUrl.endsWith('/bai-0.html'))!;
    expect((await getArticle(db, even.id))!.entities.map((e) => e.id)).toEqual(['place.la']);
  });

  it('a save between two batches is kept, and matched with the version it was saved with', async () => {
    const db = await seeded();
    await rematchBatch(db, 'v2', matcher(V2), 25);
    const url = 'https://antv.gov.vn/bai-58.html';
    const edited = makeArticle({ url, lead: null, body: 'Bản sửa: Hủa Phăn và Lào.', entities: V2 });
    await saveArticle(db, edited, new Date(Date.UTC(2024, 5, 1)), 'v2');
    while ((await rematchBatch(db, 'v2', matcher(V2), 25)).examined > 0);
    const { items } = await listArticles(db, { search: 'Bản sửa' });
    expect(items).toHaveLength(1);
    expect((await getArticle(db, items[0]!.id))!.text).toBe('Bản sửa: Hủa Phăn và Lào.');
    expect(await staleCount(db, 'v2')).toBe(0);
  });
});

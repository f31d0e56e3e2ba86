import { describe, expect, it } from 'vitest';
import { indexWords } from '@/lib/archive/keys';
import { keyParts, wordRange } from '@/lib/archive/search-index';
import { saveArticle } from '@/lib/archive/save';
import { createWriteQueue } from '@/lib/archive/write-queue';
import { freshDb, indexedWords, makeArticle } from '../../support/archive-fixtures';

describe('write queue', () => {
  it('runs tasks one at a time, in order, and survives failures', async () => {
    const queue = createWriteQueue();
    const log: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running += 1;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 2));
        log.push(`end ${name}`);
        running -= 1;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.serialize(task('a')),
      queue.serialize(task('b', true)),
      queue.serialize(task('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    await queue.idle();
  });

  it('50 concurrent saves of 10 URLs leave exactly 10 consistent rows', async () => {
    const db = await freshDb();
    const queue = createWriteQueue();
    const saves = Array.from({ length: 50 }, (_, i) => {
      const n = i % 10;
      const version = Math.floor(i / 10);
      const article = makeArticle({
        url: `https://${n % 2 ? 'www.' : ''}antv.gov.vn/tin-${n}.html${version % 2 ? '?utm_source=zalo' : ''}`,
        title: `Tin ${n}`,
        body: `Phiên bản ${version % 3} về ${n % 2 ? 'Lào' : 'Campuchia'}.`,
        entities: [[n % 2 ? 'LA' : 'KH', n % 2 ? 'Lào' : 'Campuchia']],
      });
      return queue.serialize(() => saveArticle(db, article, new Date(Date.UTC(2024, 0, 1, 0, 0, i))));
    });
    const results = await Promise.all(saves);
    expect(results.filter((r) => r.status === 'added')).toHaveLength(10);
    expect(new Set(results.map((r) => r.id)).size).toBe(10);
    expect(await db.articles.count()).toBe(10);
    expect(await db.bodies.count()).toBe(10);
    const rows = await db.articles.toArray();
    expect(new Set(rows.map((r) => r.canonicalUrl)).size).toBe(10);
    for (const row of rows) {
      const body = (await db.bodies.get(row.id))!;
      expect(row.entityIds).toEqual(body.entities.map((e) => e.id));
      const words = (await indexedWords(db, row.id))!;
      expect(words.folded).toEqual(indexWords(row.title, row.lead, body.text, 'folded'));
      expect(words.exact).toEqual(indexWords(row.title, row.lead, body.text, 'exact'));
      const [lo, hi] = wordRange('folded', words.folded[0]!, false);
      const keys: string[] = await db.articleWords.where('terms').between(lo, hi, true, true).primaryKeys();
      expect(keys.map((k) => keyParts(k).id)).toContain(row.id);
    }
    // The last version of every URL won (versions 0..4 → body variant 4 % 3 = 1).
    expect(rows.every((r) => r.updatedAt <= new Date(Date.UTC(2024, 0, 1, 0, 0, 49)).toISOString())).toBe(true);
    for (const row of rows) expect((await db.bodies.get(row.id))!.text).toContain('Phiên bản 1');
  });
});

/**
 * The archive follows the recogniser: each article's facts record the recogniser version its
 * entities come from (`matchedWith`, ./tallies.ts); after an update of the extension (a bigger
 * gazetteer, new rules) or a personal correction, the background matches the other articles
 * again, a few at a time (../background/rematch-job.ts). One batch:
 *
 * 1. find up to `size` articles matched with another version (or none recorded), by their facts;
 * 2. read their text and find their entities again — outside any transaction, so a save waiting
 *    in the write queue waits for one short write, not for the matching;
 * 3. in one transaction, store the articles whose entities changed (facts, tallies and entity
 *    index follow, ./store-rows.ts) and stamp the others; an article saved, deleted or imported
 *    since step 2 is left to the next batch.
 *
 * Resumable by construction: what is done is in the database, so a batch after a browser restart
 * goes on where the last one stopped.
 */
import type { ArticleEntity } from '../article';
import type { CorrectionContext } from '../entities/corrections';
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import { buildRows, joinRows } from './rows';
import { articleTables, storeRows } from './store-rows';
import { TallyBatch, type FactRow } from './tallies';
import type { ArticleRecord, BodyRow } from './types';

/** Articles matched again per batch (each batch is one short write transaction). */
export const REMATCH_BATCH = 25;

const isStale = (version: string) => (f: FactRow) => f.matchedWith !== version;

/** How many articles are not yet matched with `version`. */
export async function staleCount(db: ArchiveDb, version: string): Promise<number> {
  try {
    return await db.facts.filter(isStale(version)).count();
  } catch (error) {
    throw toArchiveError(error, 'count the articles to match again');
  }
}

const sameEntities = (a: readonly ArticleEntity[], b: readonly ArticleEntity[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Match one batch again: `examined` articles were stale (0: nothing left), `done` of them are now
 * at `version` (the others changed meanwhile and wait for the next batch).
 */
export async function rematchBatch(
  db: ArchiveDb,
  version: string,
  entitiesOf: (text: string, where: CorrectionContext) => ArticleEntity[],
  size = REMATCH_BATCH,
): Promise<{ examined: number; done: number }> {
  try {
    const facts = await db.facts.filter(isStale(version)).limit(size).toArray();
    if (!facts.length) return { examined: 0, done: 0 };
    const ids = facts.map((f) => f.id);
    const [rows, bodies] = await Promise.all([db.articles.bulkGet(ids), db.bodies.bulkGet(ids)]);
    const found = ids.map((id, i) => {
      const row = rows[i];
      const body: BodyRow = bodies[i] ?? { id, text: '', contentHtml: '', entities: [] };
      // where the article comes from: the user's corrections of one article or one site apply there
      const where = { url: row?.url ?? '', canonicalUrl: row?.canonicalUrl ?? null, site: row?.site ?? '' };
      return row ? { row, body, entities: entitiesOf(body.text, where) } : null;
    });
    const done = await db.transaction('rw', articleTables(db), async () => {
      const batch = new TallyBatch(db);
      let done = 0;
      for (const [i, item] of found.entries()) {
        const fact = facts[i]!;
        const current = await db.articles.get(fact.id);
        if (!item) {
          // no summary behind these facts (never expected: rows and facts go together): stamp, not loop
          if (!current && (await db.facts.get(fact.id))) await db.facts.put({ ...fact, matchedWith: version });
          continue;
        }
        if (!current || current.contentHash !== item.row.contentHash || current.updatedAt !== item.row.updatedAt)
          continue; // changed since it was read: the next batch sees the new copy
        if (sameEntities(item.body.entities, item.entities)) await db.facts.put({ ...fact, matchedWith: version });
        else {
          const record: ArticleRecord = { ...joinRows(item.row, item.body), entities: item.entities };
          const { row, body } = buildRows(record);
          await storeRows(db, row, body, { batch, matchedWith: version });
        }
        done += 1;
      }
      await batch.flush();
      return done;
    });
    return { examined: facts.length, done };
  } catch (error) {
    throw toArchiveError(error, 'match the archive again');
  }
}

/**
 * The background's re-match run (lib/background/rematch-job.ts): the popup's progress goes from
 * 0 to the total and ends finished; two starts during a run make one more pass, not two runs at
 * once; a new version during a run starts over at that version.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '@/lib/article';
import { saveArticle } from '@/lib/archive/save';
import { staleCount } from '@/lib/archive/rematch';
import { startRematch } from '@/lib/background/rematch-job';
import { rematchProgress, type RematchProgress } from '@/lib/settings/rematch-progress';
import { entity, freshDb, makeArticle } from '../../support/archive-fixtures';

const matcher = (text: string): ArticleEntity[] =>
  [entity(text, 'place.la', 'Lào'), entity(text, 'place.la-hua-phan', 'Hủa Phăn')].filter((e) => e.mentions.length);

describe('rematch job', () => {
  it('reports progress to the popup and finishes at the current version', async () => {
    const db = await freshDb();
    for (let n = 0; n < 60; n++)
      await saveArticle(db, makeArticle({ lead: null, body: `Hủa Phăn ${n}, Lào.` }), new Date(), 'old');
    const seen: RematchProgress[] = [];
    const unwatch = rematchProgress.watch((p) => void (p && seen.push(p)));
    let version = 'new-1';
    const deps = { db: async () => db, version: async () => version, entitiesOf: matcher };
    const run = startRematch(deps);
    expect(startRematch(deps)).toBe(run); // one run at a time
    await run;
    unwatch();
    const last = (await rematchProgress.getValue())!;
    expect(last).toMatchObject({ version: 'new-1', done: 60, total: 60 });
    expect(last.finishedAt).not.toBeNull();
    expect(seen.some((p) => p.finishedAt === null && p.done < p.total)).toBe(true);
    expect(await staleCount(db, 'new-1')).toBe(0);

    version = 'new-2'; // e.g. a correction
    await startRematch(deps);
    expect(await staleCount(db, 'new-2')).toBe(0);
    expect((await rematchProgress.getValue())!.version).toBe('new-2');
  });
});

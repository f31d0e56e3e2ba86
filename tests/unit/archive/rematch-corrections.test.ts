/**
 * The re-match applies the user's corrections where each saved article comes from
 * (lib/archive/rematch.ts hands the article's address and site to the matcher; the background's
 * job applies the stored corrections, lib/background/rematch-job.ts): a correction of one site
 * changes that site's saved articles only, and its removal brings their entities back.
 */
import { describe, expect, it } from 'vitest';
import { getArticle } from '@/lib/archive/articles';
import { listArticles } from '@/lib/archive/query';
import { rematchBatch } from '@/lib/archive/rematch';
import { saveArticle } from '@/lib/archive/save';
import { entitiesOf } from '@/lib/entities/article-entities';
import type { Correction, CorrectionContext } from '@/lib/entities/corrections';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const BODY =
  'Thượng tướng Hoàng Xuân Chiến tiếp Đại tướng Vilay Lakhamphong, Bộ trưởng Bộ Công an Lào, tại Viêng Chăn.';
const notOnAntv: Correction[] = [
  {
    kind: 'not-entity',
    id: 'c',
    surface: 'Viêng Chăn',
    scope: { kind: 'site', site: 'antv.gov.vn' },
    at: '2026-12-03T10:00:00Z',
  },
];

async function run(db: Awaited<ReturnType<typeof freshDb>>, version: string, corrections: Correction[]) {
  const match = (text: string, where: CorrectionContext) => entitiesOf(text, corrections, where);
  while ((await rematchBatch(db, version, match)).examined > 0);
}

describe('the re-match with corrections', () => {
  it("a site's correction changes its saved articles only; removing it brings the entity back", async () => {
    const db = await freshDb();
    const ids: Record<string, string> = {};
    for (const site of ['antv.gov.vn', 'qdnd.vn']) {
      const a = makeArticle({ url: `https://${site}/bai-1.html`, site, lead: null, body: BODY, entities: [] });
      ids[site] = (await saveArticle(db, { ...a, entities: entitiesOf(a.text) }, new Date(), 'v1')).id;
    }
    await run(db, 'v2', notOnAntv);
    const ids2 = async (site: string) => (await getArticle(db, ids[site]!))!.entities.map((e) => e.id);
    expect(await ids2('antv.gov.vn')).not.toContain('place.vientiane-capital');
    expect(await ids2('antv.gov.vn')).toContain('org.la-mps');
    expect(await ids2('qdnd.vn')).toContain('place.vientiane-capital');
    expect((await listArticles(db, { entityId: 'place.vientiane-capital' })).total).toBe(1);

    await run(db, 'v3', []);
    expect(await ids2('antv.gov.vn')).toContain('place.vientiane-capital');
    expect((await listArticles(db, { entityId: 'place.vientiane-capital' })).total).toBe(2);
  });
});

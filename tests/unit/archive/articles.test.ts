import { describe, expect, it } from 'vitest';
import { deleteArticle, getArticle, restoreArticle } from '@/lib/archive/articles';
import { saveArticle } from '@/lib/archive/save';
import { archiveStats, listEntities, listSites } from '@/lib/archive/stats';
import { dump, freshDb, makeArticle } from '../../support/archive-fixtures';

const T0 = new Date('2024-06-01T10:00:00Z');

describe('getArticle / deleteArticle / restoreArticle', () => {
  it('gets a summary with its body, or null', async () => {
    const db = await freshDb();
    const article = makeArticle();
    const { id } = await saveArticle(db, article, T0);
    const got = await getArticle(db, id);
    expect(got).toMatchObject({
      id,
      title: article.title,
      text: article.text,
      contentHtml: article.contentHtml,
      entities: article.entities,
      tags: [],
    });
    expect(await getArticle(db, 'nope')).toBeNull();
  });

  it('delete removes both rows and restore puts them back exactly', async () => {
    const db = await freshDb();
    await saveArticle(db, makeArticle(), T0);
    const { id } = await saveArticle(db, makeArticle(), T0);
    const before = await dump(db);
    const record = await deleteArticle(db, id);
    expect(record?.row.id).toBe(id);
    expect(await db.articles.get(id)).toBeUndefined();
    expect(await db.bodies.get(id)).toBeUndefined();
    expect(await deleteArticle(db, id)).toBeNull();
    expect(await restoreArticle(db, record!)).toBe('restored');
    expect(await dump(db)).toBe(before);
  });

  it('restore keeps a copy saved again after the delete', async () => {
    const db = await freshDb();
    const article = makeArticle();
    const { id } = await saveArticle(db, article, T0);
    const record = (await deleteArticle(db, id))!;
    await saveArticle(db, { ...article, title: 'Tiêu đề mới' }, new Date('2024-06-02T00:00:00Z'));
    expect(await restoreArticle(db, record)).toBe('superseded');
    expect((await getArticle(db, id))?.title).toBe('Tiêu đề mới');
  });
});

describe('archiveStats / listSites / listEntities', () => {
  it('counts articles, sites and entities', async () => {
    const db = await freshDb();
    expect(await archiveStats(db)).toEqual({ count: 0, approxBytes: 0 });
    await saveArticle(
      db,
      makeArticle({
        site: 'antv.gov.vn',
        entities: [
          ['LA', 'Lào'],
          ['VN', 'Việt Nam'],
        ],
      }),
      T0,
    );
    await saveArticle(db, makeArticle({ site: 'antv.gov.vn', entities: [['LA', 'Lào']] }), T0);
    await saveArticle(
      db,
      makeArticle({
        site: 'cand.com.vn',
        body: 'Ông Nguyễn Văn A đến Lào.',
        entities: [
          ['LA', 'Lào'],
          ['unlisted:PERSON:nguyen van a', 'Nguyễn Văn A', 'PERSON'],
        ],
      }),
      T0,
    );
    const stats = await archiveStats(db);
    expect(stats.count).toBe(3);
    expect(stats.approxBytes).toBeGreaterThan(1000);
    expect(await listSites(db)).toEqual([
      { site: 'antv.gov.vn', siteName: 'ANTV.GOV.VN', count: 2 },
      { site: 'cand.com.vn', siteName: 'CAND.COM.VN', count: 1 },
    ]);
    expect(await listEntities(db)).toEqual([
      { id: 'LA', name: 'Lào', type: 'PLACE', count: 3 },
      { id: 'unlisted:PERSON:nguyen van a', name: 'Nguyễn Văn A', type: 'PERSON', count: 1 },
      { id: 'VN', name: 'Việt Nam', type: 'PLACE', count: 1 },
    ]);
  });
});

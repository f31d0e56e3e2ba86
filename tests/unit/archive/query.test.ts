import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDb } from '@/lib/archive/db';
import { listArticles } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import { type ArticleSpec, freshDb, makeArticle } from '../../support/archive-fixtures';

const day = (n: number): Date => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000);

/** Forbid reading bodies while listing: a list query must use summaries and indexes only. */
function forbidBodies(db: ArchiveDb): void {
  const boom = (): never => {
    throw new Error('bodies must not be read when listing');
  };
  db.bodies.get = boom;
  db.bodies.bulkGet = boom;
  db.bodies.toArray = boom;
  db.bodies.each = boom;
  db.bodies.where = boom;
}

describe('listArticles', () => {
  let db: ArchiveDb;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await freshDb();
    const specs: (ArticleSpec & { key: string })[] = [
      {
        key: 'lao',
        title: 'Quan hệ Việt Nam – Lào',
        body: 'Đoàn đại biểu thăm Lào.',
        site: 'antv.gov.vn',
        publishedAt: '2024-03-01T08:00:00+07:00',
        entities: [['LA', 'Lào']],
      },
      {
        key: 'lao-old',
        title: 'Ông lão bán báo',
        body: 'Câu chuyện một ông lão ở Hà Nội.',
        site: 'cand.com.vn',
        publishedAt: '2023-12-31T23:00:00+07:00',
        entities: [['HN', 'Hà Nội']],
      },
      {
        key: 'vientiane',
        title: 'Thủ đô Viêng Chăn',
        body: 'Viêng Chăn là thủ đô của Lào. Hợp tác kinh tế.',
        site: 'baoquocte.vn',
        publishedAt: null,
        entities: [
          ['LA', 'Lào'],
          ['VTE', 'Viêng Chăn'],
        ],
      },
      {
        key: 'coop',
        title: 'Hợp tác quốc phòng',
        body: 'Hợp tác quốc phòng Việt Nam – Campuchia.',
        site: 'antv.gov.vn',
        publishedAt: '2024-05-20T08:00:00+07:00',
        entities: [['KH', 'Campuchia']],
      },
    ];
    for (const [i, s] of specs.entries()) {
      const r = await saveArticle(db, makeArticle({ ...s, lead: null }), day(i));
      ids[s.key] = r.id;
    }
    forbidBodies(db);
  });

  it('lists newest first by savedAt with a total, without search keys', async () => {
    const { items, total } = await listArticles(db);
    expect(total).toBe(4);
    expect(items.map((a) => a.id)).toEqual([ids.coop, ids.vientiane, ids['lao-old'], ids.lao]);
    expect(items[0]).not.toHaveProperty('words');
    expect(items[0]).not.toHaveProperty('exactWords');
    expect(items[0]).toHaveProperty('topEntities');
  });

  it('pages with offset and limit', async () => {
    const page = await listArticles(db, { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((a) => a.id)).toEqual([ids.vientiane, ids['lao-old']]);
  });

  it('filters by site, entity and publishedAt range', async () => {
    expect((await listArticles(db, { site: 'antv.gov.vn' })).items.map((a) => a.id)).toEqual([ids.coop, ids.lao]);
    expect((await listArticles(db, { entityId: 'LA' })).items.map((a) => a.id)).toEqual([ids.vientiane, ids.lao]);
    const range = await listArticles(db, { from: '2024-01-01', to: '2024-03-31' });
    expect(range.items.map((a) => a.id)).toEqual([ids.lao]);
    expect((await listArticles(db, { from: new Date('2024-05-01T00:00:00Z') })).total).toBe(1);
    expect((await listArticles(db, { to: '2023-12-31' })).items.map((a) => a.id)).toEqual([ids['lao-old']]);
    expect((await listArticles(db, { site: 'antv.gov.vn', entityId: 'LA' })).items.map((a) => a.id)).toEqual([ids.lao]);
  });

  it('folded search: "lao" finds Lào and lão', async () => {
    const r = await listArticles(db, { search: 'lao' });
    expect(r.items.map((a) => a.id).sort()).toEqual([ids.lao, ids['lao-old'], ids.vientiane].sort());
  });

  it('exact search: "Lào" is not "lão"', async () => {
    expect((await listArticles(db, { search: 'Lào', exact: true })).items.map((a) => a.id)).toEqual([
      ids.vientiane,
      ids.lao,
    ]);
    expect((await listArticles(db, { search: 'lão', exact: true })).items.map((a) => a.id)).toEqual([ids['lao-old']]);
    expect((await listArticles(db, { search: 'LÀO', exact: true })).total).toBe(2);
  });

  it('multi-word queries are AND, the last word may be a prefix', async () => {
    expect((await listArticles(db, { search: 'hop tac lao' })).items.map((a) => a.id)).toEqual([ids.vientiane]);
    expect((await listArticles(db, { search: 'quoc ph' })).items.map((a) => a.id)).toEqual([ids.coop]);
    expect((await listArticles(db, { search: 'vieng cha' })).items.map((a) => a.id)).toEqual([ids.vientiane]);
    expect((await listArticles(db, { search: 'cha vieng' })).total).toBe(0);
    expect((await listArticles(db, { search: 'không có từ này' })).total).toBe(0);
  });

  it('search combines with filters', async () => {
    expect((await listArticles(db, { search: 'lao', site: 'cand.com.vn' })).items.map((a) => a.id)).toEqual([
      ids['lao-old'],
    ]);
    expect((await listArticles(db, { search: 'hợp tác', entityId: 'KH' })).items.map((a) => a.id)).toEqual([ids.coop]);
  });

  it('an unreadable date filter is an ArchiveError "invalid"', async () => {
    await expect(listArticles(db, { from: 'hôm qua' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('a query with no words lists everything', async () => {
    expect((await listArticles(db, { search: ' – ! ' })).total).toBe(4);
  });
});

describe('listArticles on a larger archive', () => {
  it('keeps order, totals and paging when candidate sets are large', async () => {
    const db = await freshDb();
    const rows = 450;
    for (let i = 0; i < rows; i++) {
      const topic = i % 3 === 0 ? 'Lào' : 'Campuchia';
      await saveArticle(
        db,
        makeArticle({ title: `Tin ${i} về ${topic}`, site: i % 2 ? 'cand.com.vn' : 'antv.gov.vn' }),
        new Date(Date.UTC(2024, 0, 1, 0, 0, i)),
      );
    }
    forbidBodies(db);
    const all = await listArticles(db, { limit: 500 });
    expect(all.total).toBe(rows);
    const titles = await listArticles(db, { search: 'tin', offset: 10, limit: 5 });
    expect(titles.total).toBe(rows);
    expect(titles.items.map((a) => a.title)).toEqual([
      'Tin 439 về Campuchia',
      'Tin 438 về Lào',
      'Tin 437 về Campuchia',
      'Tin 436 về Campuchia',
      'Tin 435 về Lào',
    ]);
    const campuchia = await listArticles(db, { search: 'campuchia', site: 'cand.com.vn', limit: 3 });
    expect(campuchia.total).toBe(
      all.items.filter((a) => a.title.endsWith('Campuchia') && a.site === 'cand.com.vn').length,
    );
    expect(campuchia.items.map((a) => a.title)).toEqual([
      'Tin 449 về Campuchia',
      'Tin 445 về Campuchia',
      'Tin 443 về Campuchia',
    ]);
  });
});

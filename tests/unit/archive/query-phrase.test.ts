import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDb } from '@/lib/archive/db';
import { listArticles, matchingIds } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import { type ArticleSpec, freshDb, makeArticle } from '../../support/archive-fixtures';

const hour = (n: number): Date => new Date(Date.UTC(2026, 10, 1) + n * 3_600_000);

/** Realistic short articles, saved in this order (the last one is the newest). */
const SPECS: (ArticleSpec & { key: string })[] = [
  {
    key: 'bqp-title',
    title: 'Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Lào ký kế hoạch hợp tác năm 2027',
    lead: 'Chiều 3/12, tại Hà Nội, Đại tướng Phan Văn Giang và Thượng tướng Chansamone Chanyalath chủ trì hội đàm.',
    body: 'Hai bên đánh giá cao kết quả hợp tác quốc phòng năm 2026. Bộ Quốc phòng hai nước thống nhất tăng cường đào tạo cán bộ.',
  },
  {
    key: 'bca-scattered',
    title: 'Bộ Công an tiếp đoàn Công an Lào',
    lead: 'Thứ trưởng Bộ Công an tiếp đoàn đại biểu Bộ An ninh Lào.',
    body: 'Hai bên trao đổi về bảo vệ an ninh quốc gia, phòng chống tội phạm ma túy xuyên biên giới.',
  },
  {
    key: 'bqp-body',
    title: 'Tăng cường quan hệ hữu nghị Việt – Lào',
    lead: 'Đoàn đại biểu tỉnh Hủa Phăn thăm và làm việc tại Thanh Hóa.',
    body: 'Đoàn đến thăm Bộ Chỉ huy Quân sự tỉnh. Đại diện Bộ Quốc phòng Lào cảm ơn sự giúp đỡ của Việt Nam.',
  },
  {
    key: 'unaccented',
    title: 'Tin van tat',
    lead: null,
    body: 'Bo Quoc phong Lao to chuc hoi nghi tong ket.',
  },
  {
    key: 'coop',
    title: 'Hợp tác kinh tế Việt Nam – Lào',
    lead: 'Kim ngạch thương mại hai nước tăng 12%.',
    body: 'Hai bên thúc đẩy hợp tác đầu tư, giao thông và năng lượng; Lào xuất khẩu điện sang Việt Nam.',
  },
];

describe('phrase search and relevance over the archive', () => {
  let db: ArchiveDb;
  const ids: Record<string, string> = {};
  const key = (id: string) => Object.keys(ids).find((k) => ids[k] === id);
  const keys = async (search: string, extra: Parameters<typeof listArticles>[1] = {}) =>
    (await listArticles(db, { search, ...extra })).items.map((a) => key(a.id));
  /** Ids asked of db.bodies (the phrase check and ranking read candidates' bodies only). */
  let bodyReads: string[] = [];

  beforeAll(async () => {
    db = await freshDb();
    for (const [i, s] of SPECS.entries()) ids[s.key] = (await saveArticle(db, makeArticle({ ...s }), hour(i))).id;
    const bulkGet = db.bodies.bulkGet.bind(db.bodies);
    db.bodies.bulkGet = ((keys: string[]) => {
      bodyReads.push(...keys);
      return bulkGet(keys);
    }) as typeof db.bodies.bulkGet;
    const boom = (): never => {
      throw new Error('a search must never scan the bodies');
    };
    db.bodies.toArray = boom;
    db.bodies.each = boom;
    db.bodies.toCollection = boom;
    db.bodies.orderBy = boom;
  });

  it('the scattered words find more than the phrase', async () => {
    expect(await keys('Bộ Quốc phòng')).toEqual(['unaccented', 'bqp-body', 'bca-scattered', 'bqp-title']);
    bodyReads = [];
    expect(await keys('"Bộ Quốc phòng"')).toEqual(['unaccented', 'bqp-body', 'bqp-title']);
    // only the index's candidates were read (the four with all three words), never "coop"
    expect(new Set(bodyReads)).toEqual(
      new Set([ids.unaccented, ids['bqp-body'], ids['bca-scattered'], ids['bqp-title']]),
    );
  });

  it('exact mode: the phrase with its accents only', async () => {
    expect(await keys('"Bộ Quốc phòng"', { exact: true })).toEqual(['bqp-body', 'bqp-title']);
    expect(await keys('"Bo Quoc phong"', { exact: true })).toEqual(['unaccented']);
  });

  it('an NFD query finds what the NFC one does', async () => {
    expect(await keys('"Bộ Quốc phòng"'.normalize('NFD'), { exact: true })).toEqual(['bqp-body', 'bqp-title']);
  });

  it('a phrase combines with loose words and prefixes', async () => {
    expect(await keys('Lào "Bộ Quốc phòng" cảm')).toEqual(['bqp-body']);
    expect(await keys('"an ninh quốc gia" Lào')).toEqual(['bca-scattered']);
    expect(await keys('"phòng chống" "Bộ Quốc phòng"')).toEqual([]);
  });

  it('an unclosed quote is a phrase to the end, its last word a prefix', async () => {
    expect(await keys('"Bộ Quốc ph')).toEqual(['unaccented', 'bqp-body', 'bqp-title']);
    expect(await keys('"Bộ Công a')).toEqual(['bca-scattered']);
  });

  it('a plain prefix search still works and reads no body', async () => {
    bodyReads = [];
    expect(await keys('hợp t')).toEqual(['coop', 'bqp-title']);
    expect(await keys('xuất kh')).toEqual(['coop']);
    expect(bodyReads).toEqual([]);
  });

  it('the total counts the phrase matches, and pages split them', async () => {
    const all = await listArticles(db, { search: '"Bộ Quốc phòng"' });
    expect(all.total).toBe(3);
    const first = await listArticles(db, { search: '"Bộ Quốc phòng"', limit: 2 });
    const second = await listArticles(db, { search: '"Bộ Quốc phòng"', offset: 2, limit: 2 });
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual(all.items.map((a) => a.id));
    expect(second.total).toBe(3);
  });

  it('matchingIds (analysis page, filtered export) checks the phrase too', async () => {
    expect(await matchingIds(db, { search: '"Bộ Quốc phòng"', exact: true })).toEqual(
      new Set([ids['bqp-body'], ids['bqp-title']]),
    );
  });

  it('newest first unless relevance is asked; relevance puts the phrase in the title first', async () => {
    expect(await keys('Bộ Quốc phòng', { sort: 'newest' })).toEqual([
      'unaccented',
      'bqp-body',
      'bca-scattered',
      'bqp-title',
    ]);
    const byRelevance = await keys('Bộ Quốc phòng', { sort: 'relevance' });
    expect(byRelevance[0]).toBe('bqp-title'); // the phrase twice in the title, once in the body
    expect(byRelevance.at(-1)).toBe('bca-scattered'); // the words only apart
    expect(new Set(byRelevance)).toEqual(new Set(['unaccented', 'bqp-body', 'bca-scattered', 'bqp-title']));
  });

  it('relevance pages split the ranked list with the right total', async () => {
    const all = await listArticles(db, { search: 'Lào', sort: 'relevance' });
    expect(all.total).toBe(5);
    const pages = [];
    for (let offset = 0; offset < 5; offset += 2)
      pages.push(...(await listArticles(db, { search: 'Lào', sort: 'relevance', offset, limit: 2 })).items);
    expect(pages.map((a) => a.id)).toEqual(all.items.map((a) => a.id));
  });

  it('relevance without search words is the newest-first list', async () => {
    expect((await listArticles(db, { sort: 'relevance' })).items.map((a) => key(a.id))).toEqual(
      [...SPECS].reverse().map((s) => s.key),
    );
  });

  it('relevance combines with a filter, and its candidates are only what the filters let through', async () => {
    bodyReads = [];
    const { items, total } = await listArticles(db, { search: 'Lào', site: 'vietnamplus.vn', sort: 'relevance' });
    expect(items).toEqual([]);
    expect(total).toBe(0);
    expect(bodyReads).toEqual([]);
  });
});

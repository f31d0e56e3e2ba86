import { describe, expect, it } from 'vitest';
import { ArchiveError } from '@/lib/archive/errors';
import { getArticle } from '@/lib/archive/articles';
import { listArticles } from '@/lib/archive/query';
import { saveArticle, undoReplace } from '@/lib/archive/save';
import { dump, freshDb, indexedWords, makeArticle } from '../../support/archive-fixtures';

const T0 = new Date('2024-06-01T10:00:00Z');
const T1 = new Date('2024-06-02T10:00:00Z');

describe('saveArticle', () => {
  it('adds a new article keyed by canonical URL, with summary, body and search keys', async () => {
    const db = await freshDb();
    const article = makeArticle({
      url: 'https://www.antv.gov.vn/tin/a.html?utm_source=fb',
      title: 'Hợp tác Việt – Lào',
      entities: [
        ['LA', 'Lào'],
        ['VN', 'Việt Nam'],
      ],
    });
    const result = await saveArticle(db, article, T0);
    expect(result.status).toBe('added');
    const row = await db.articles.get(result.id);
    expect(row?.canonicalUrl).toBe('https://antv.gov.vn/tin/a.html');
    expect(row?.savedAt).toBe(T0.toISOString());
    expect(row?.updatedAt).toBe(T0.toISOString());
    expect(row?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.entityIds.sort()).toEqual(['LA', 'VN']);
    expect(row?.topEntities).toEqual([
      { id: 'VN', name: 'Việt Nam', type: 'PLACE', count: 2 },
      { id: 'LA', name: 'Lào', type: 'PLACE', count: 2 },
    ]);
    expect(row).not.toHaveProperty('words'); // schema v8: the words table holds them
    const words = await indexedWords(db, result.id);
    const folded = words!.folded;
    expect(folded).toContain('lao');
    expect(words!.exact).toContain('lào');
    expect(new Set(folded).size).toBe(folded.length);
    expect((await listArticles(db, { search: 'lào', exact: true })).items.map((a) => a.id)).toEqual([result.id]);
    expect(row?.publishedMs).toBe(Date.parse('2024-05-01T08:00:00+07:00'));
    const full = await getArticle(db, result.id);
    expect(full?.text).toBe(article.text);
    expect(full?.entities).toEqual(article.entities);
    expect(full).not.toHaveProperty('words');
  });

  it('re-saving the same content is unchanged and keeps savedAt', async () => {
    const db = await freshDb();
    const article = makeArticle();
    const first = await saveArticle(db, article, T0);
    const before = await dump(db);
    const again = await saveArticle(db, { ...article, url: `${article.url}?fbclid=1` }, T1);
    expect(again).toEqual({ status: 'unchanged', id: first.id });
    expect(await dump(db)).toBe(before);
  });

  it('changed content is updated: same id, savedAt kept, updatedAt moves, keys recomputed', async () => {
    const db = await freshDb();
    const article = makeArticle({ body: 'Nội dung cũ về Lào.' });
    const first = await saveArticle(db, article, T0);
    const changed = makeArticle({
      url: article.url,
      title: article.title,
      lead: article.lead,
      body: 'Nội dung mới về Campuchia.',
      entities: [['KH', 'Campuchia']],
    });
    const second = await saveArticle(db, changed, T1);
    expect(second).toMatchObject({ status: 'updated', id: first.id });
    const row = await db.articles.get(first.id);
    expect(row?.savedAt).toBe(T0.toISOString());
    expect(row?.updatedAt).toBe(T1.toISOString());
    const words = (await indexedWords(db, first.id))!.folded;
    expect(words).toContain('campuchia');
    expect(words).not.toContain('cu');
    expect((await listArticles(db, { search: 'campuchia' })).total).toBe(1);
    expect((await listArticles(db, { search: 'cũ', exact: true })).total).toBe(0); // the old words' keys are gone
    expect(await db.articleWords.count()).toBe(1); // the old copy's row replaced, not added to
    expect(row?.entityIds).toEqual(['KH']);
    expect((await db.bodies.get(first.id))?.text).toContain('Campuchia');
    expect(await db.articles.count()).toBe(1);
  });

  it('an update hands back the copy it replaced; undoReplace puts it back exactly', async () => {
    const db = await freshDb();
    const article = makeArticle({ body: 'Bản đầu tiên về Lào.' });
    await saveArticle(db, article, T0);
    const original = await dump(db);
    const second = await saveArticle(db, { ...article, title: 'Tiêu đề khác', text: `${article.text} Thêm.` }, T1);
    expect(second.replaced?.row.title).toBe(article.title);
    expect(second.replaced?.body?.text).toBe(article.text);
    expect(await undoReplace(db, second.replaced!)).toBe('restored');
    expect(await dump(db)).toBe(original);
    expect((await saveArticle(db, article, T1)).replaced).toBeUndefined(); // unchanged: nothing replaced
  });

  it('undoReplace writes nothing once the article changed again (saved anew or deleted)', async () => {
    const db = await freshDb();
    const article = makeArticle({ body: 'Bản một.' });
    await saveArticle(db, article, T0);
    const second = await saveArticle(db, { ...article, text: 'Bản hai.' }, T1);
    await saveArticle(db, { ...article, text: 'Bản ba.' }, T1);
    const third = await dump(db);
    expect(await undoReplace(db, second.replaced!)).toBe('superseded');
    expect(await dump(db)).toBe(third);
    await db.articles.clear();
    expect(await undoReplace(db, second.replaced!)).toBe('superseded');
  });

  it('a quota error in the bodies write rolls back the whole save (ArchiveError "quota")', async () => {
    const db = await freshDb();
    await saveArticle(db, makeArticle(), T0);
    const existing = makeArticle();
    await saveArticle(db, existing, T0);
    const before = await dump(db);
    db.bodies.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    db.bodies.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await saveArticle(db, makeArticle(), T1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error).toMatchObject({ code: 'quota' });
    expect(error instanceof ArchiveError && error.message).toMatch(/storage .* is full/);
    const update = await saveArticle(db, { ...existing, text: `${existing.text} Thêm.` }, T1).catch((e: unknown) => e);
    expect(update).toMatchObject({ code: 'quota' });
    expect(await dump(db)).toBe(before);
  });

  it('any other storage failure is an ArchiveError "storage" and writes nothing', async () => {
    const db = await freshDb();
    const before = await dump(db);
    db.bodies.bulkPut = () => {
      throw new Error('disk on fire');
    };
    const error = await saveArticle(db, makeArticle(), T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error).toMatchObject({ code: 'storage' });
    expect(await dump(db)).toBe(before);
  });

  it('rejects an article whose URL is not a web address', async () => {
    const db = await freshDb();
    const bad = { ...makeArticle(), url: 'about:blank', canonicalUrl: '' };
    await expect(saveArticle(db, bad, T0)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.articles.count()).toBe(0);
  });

  it("stores a lead image only when it is an http(s) address without a user name, and the page's lang only when it is a tag", async () => {
    const db = await freshDb();
    const cases = [
      { leadImage: 'javascript:alert(1)', lang: '<img src=x onerror=alert(1)>', stored: [null, 'vi'] },
      { leadImage: 'https://antv.gov.vn@evil.example/p.gif', lang: 'vi\u0007', stored: [null, 'vi'] },
      { leadImage: 'mailto:a@b.vn', lang: 'en', stored: [null, 'en'] },
      { leadImage: 'https://antv.gov.vn/anh.jpg', lang: 'vi-VN', stored: ['https://antv.gov.vn/anh.jpg', 'vi-VN'] },
    ];
    for (const { leadImage, lang, stored } of cases) {
      const { id } = await saveArticle(db, { ...makeArticle(), leadImage, lang }, T0);
      const row = await db.articles.get(id);
      expect([row?.leadImage, row?.lang]).toEqual(stored);
    }
  });
});

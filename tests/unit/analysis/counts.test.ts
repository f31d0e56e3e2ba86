/**
 * The analysis counts (lib/analysis/counts.ts, views.ts, periods.ts): the tallies path and the
 * facts path give the same numbers, filters narrow them, and the views (timeline, top,
 * co-occurrence, the articles behind a mark) agree with counts made independently from the
 * saved articles.
 */
import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '@/lib/article';
import type { ArchiveDb } from '@/lib/archive/db';
import { saveArticle } from '@/lib/archive/save';
import { countFacts, factsBehind, loadCounts, type PeriodCount } from '@/lib/analysis/counts';
import { periodLabel, periodRange, weekOf } from '@/lib/analysis/periods';
import { cooccurrence, ranked, timeline, withChange } from '@/lib/analysis/views';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const ENTITIES: [string, string, 'ORG' | 'PLACE' | 'PERSON'][] = [
  ['org.la-mod', 'Bộ Quốc phòng Lào', 'ORG'],
  ['place.hua-phan', 'Hủa Phăn', 'PLACE'],
  ['person.thongloun', 'Thongloun Sisoulith', 'PERSON'],
  ['place.thanh-hoa', 'Thanh Hóa', 'PLACE'],
];

/** Article n: published on day n*9 of 2024 (Hà Nội), on one of two sites, with a varying set of entities. */
function nth(n: number): CleanArticle {
  const picked = ENTITIES.filter((_, k) => (n + k) % (k + 2) === 0 || k === 0);
  const body = `${picked.map(([, s]) => s).join(' và ')} hợp tác. ${picked[0]![1]} nhắc lại.`;
  const day = new Date(Date.UTC(2024, 0, 1 + n * 9, 3));
  return makeArticle({
    url: `https://${n % 3 ? 'antv.gov.vn' : 'thoidai.com.vn'}/bai-${n}.html`,
    site: n % 3 ? 'antv.gov.vn' : 'thoidai.com.vn',
    lead: null,
    body,
    publishedAt: day.toISOString(),
    entities: picked,
  });
}

async function seeded(): Promise<{ db: ArchiveDb; articles: CleanArticle[] }> {
  const db = await freshDb();
  const articles = Array.from({ length: 40 }, (_, i) => nth(i + 1));
  for (const a of articles) await saveArticle(db, a);
  return { db, articles };
}

const sorted = (rows: PeriodCount[]) =>
  [...rows].sort((a, b) => `${a.period}|${a.kind}|${a.ref}`.localeCompare(`${b.period}|${b.kind}|${b.ref}`));

describe('analysis counts', () => {
  it('weeks are ISO weeks in Vietnam time, and a range has every period in it', () => {
    expect(weekOf(Date.parse('2024-12-30T08:00:00+07:00'))).toBe('2025-W01');
    expect(weekOf(Date.parse('2021-01-03T08:00:00+07:00'))).toBe('2020-W53');
    expect(weekOf(Date.parse('2024-05-12T23:30:00+07:00'))).toBe('2024-W19'); // Sunday night in Hà Nội
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(periodLabel('2024-05', 'vi')).toBe('05/2024');
    expect(periodLabel('2024-W19', 'vi')).toBe('Tuần 19/2024');
  });

  it('the tallies and the facts give the same numbers', async () => {
    const { db } = await seeded();
    const byTallies = await loadCounts(db, {}, 'month');
    expect(byTallies.source).toBe('tallies');
    const all = await db.facts.toArray();
    expect(sorted(byTallies.rows)).toEqual(sorted(countFacts(all, 'month')));
    // whole months by tallies, days inside a month by facts: the same where they overlap
    const may = await loadCounts(db, { from: '2024-05-01', to: '2024-05-31' }, 'month');
    expect(may.source).toBe('tallies');
    const mayByDays = await loadCounts(db, { from: '2024-05-01', to: '2024-05-31', search: '' }, 'week');
    expect(mayByDays.source).toBe('facts');
    expect(ranked(may.rows, 'entity')).toEqual(ranked(mayByDays.rows, 'entity'));
  });

  it('timeline, top entities, sites and co-occurrence equal counts made from the articles themselves', async () => {
    const { db, articles } = await seeded();
    const counts = await loadCounts(db, {}, 'month');
    const line = timeline(counts.rows, ['place.hua-phan']);
    expect(line.periods[0]).toBe('2024-01');
    expect(line.periods.length).toBe(new Set(line.periods).size);
    const monthOfArticle = (a: CleanArticle) =>
      new Date(Date.parse(a.publishedAt!) + 7 * 3_600_000).toISOString().slice(0, 7);
    for (const [i, period] of line.periods.entries()) {
      const inMonth = articles.filter((a) => monthOfArticle(a) === period);
      expect(line.articles[i]).toBe(inMonth.length);
      const withIt = inMonth.filter((a) => a.entities.some((e) => e.id === 'place.hua-phan'));
      expect(line.series[0]!.articles[i]).toBe(withIt.length);
      expect(line.series[0]!.mentions[i]).toBe(
        withIt.reduce((n, a) => n + a.entities.find((e) => e.id === 'place.hua-phan')!.mentions.length, 0),
      );
    }
    const sites = ranked(counts.rows, 'site');
    expect(sites.map((s) => [s.id, s.articles])).toEqual([
      ['antv.gov.vn', articles.filter((a) => a.site === 'antv.gov.vn').length],
      ['thoidai.com.vn', articles.filter((a) => a.site === 'thoidai.com.vn').length],
    ]);
    const co = cooccurrence(counts.facts ?? (await db.facts.toArray()), 'org.la-mod');
    const expected = (id: string) =>
      articles.filter((a) => a.entities.some((e) => e.id === id) && a.entities.some((e) => e.id === 'org.la-mod'))
        .length;
    for (const r of co.ranked) expect(r.articles).toBe(expected(r.id));
    expect(co.network.nodes[0]).toEqual({ id: 'org.la-mod', articles: 40 });
    const top = withChange(ranked(counts.rows, 'entity').slice(0, 2), []);
    expect(top.every((r) => r.previous === 0)).toBe(true);
  });

  it('a filter by site narrows every count, and a mark leads to exactly its articles, newest first', async () => {
    const { db, articles } = await seeded();
    const f = { site: 'thoidai.com.vn' };
    const counts = await loadCounts(db, f, 'month');
    expect(counts.source).toBe('facts');
    expect(ranked(counts.rows, 'site').map((s) => s.id)).toEqual(['thoidai.com.vn']);
    const behind = await factsBehind(db, f, 'month', { entityId: 'place.hua-phan', period: '2024-03' });
    const want = articles.filter(
      (a) =>
        a.site === 'thoidai.com.vn' &&
        a.publishedAt!.startsWith('2024-03') &&
        a.entities.some((e) => e.id === 'place.hua-phan'),
    );
    expect(behind.length).toBe(want.length);
    expect(behind.map((x) => x.dayMs)).toEqual([...behind.map((x) => x.dayMs)].sort((a, b) => b - a));
    const pair = await factsBehind(db, {}, 'month', { entityId: 'org.la-mod', alsoEntityId: 'person.thongloun' });
    expect(pair.length).toBe(articles.filter((a) => a.entities.some((e) => e.id === 'person.thongloun')).length);
  });
});

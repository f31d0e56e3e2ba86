/**
 * Realistic saved articles for the archive benchmark: ~8 KB of text (UTF-8), ~12 KB of HTML,
 * 20 mentions of gazetteer entities, built from the fixtures' real paragraphs. A small pool of
 * distinct bodies is built (and indexed by the archive's own buildRows) once; every stored
 * article is a variant with its own id, URL, title, dates and, in 1 of 100, the rare word.
 */
import type { ArticleEntity, CleanArticle, Country, EntityType } from '@/lib/article';
import { articleIdFor, contentHash } from '@/lib/archive/hash';
import { buildRows } from '@/lib/archive/rows';
import type { ArticleRow, BodyRow } from '@/lib/archive/types';

export const RARE_WORD = 'Phôngsalỳ';
export const RARE_WORD_FOLDED = 'phongsaly';
export const RARE_EVERY = 100;
export const TEXT_BYTES = 8_000;
export const HTML_BYTES = 12_000;
export const MENTIONS = 20;

const bytes = (s: string): number => new TextEncoder().encode(s).length;

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Pool {
  paragraphs: string[];
  entities: { id: string; name: string; type: EntityType; country: Country }[];
}

/** Zipf-like pick: entity k is chosen with weight 1/(k+1). */
function zipf(n: number, r: () => number): number {
  const h = Array.from({ length: n }, (_, k) => 1 / (k + 1));
  const total = h.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let k = 0; k < n; k++) if ((x -= h[k]!) <= 0) return k;
  return n - 1;
}

/** One fresh article (what the content script would send to saveArticle). */
export function makeArticle(pool: Pool, n: number, tag: string, rare: boolean): CleanArticle {
  const r = rng(n * 7919 + 17);
  const pick = (): string => pool.paragraphs[Math.floor(r() * pool.paragraphs.length)]!;
  const paras: string[] = [];
  while (bytes(paras.join('\n\n')) < TEXT_BYTES) paras.push(pick());
  if (rare) paras[Math.floor(paras.length / 2)] += ` Đoàn công tác đã làm việc tại tỉnh ${RARE_WORD}.`;
  const title = `${paras[0]!.split(/\s+/).slice(0, 12).join(' ')} (${tag} ${n})`;
  const lead = paras[1]!.split(/\s+/).slice(0, 40).join(' ');
  const text = `${lead}\n\n${paras.join('\n\n')}`;
  let html = '';
  paras.forEach((p, i) => {
    html += `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>\n`;
    if (i % 3 === 1) {
      html += `<figure><img src="https://antv.gov.vn/uploads/bench/${n}-${i}.jpg" alt="${p.slice(0, 60).replace(/"/g, '&quot;')}" width="800" height="450"><figcaption>${p.slice(0, 120)}</figcaption></figure>\n`;
    }
  });
  while (bytes(html) < HTML_BYTES)
    html += `<p><strong>Xem thêm:</strong> <a href="https://antv.gov.vn/bench/related/${n}-${html.length}.html">${pick().slice(0, 90)}</a></p>\n`;
  const chosen = new Map<number, number>();
  for (let m = 0; m < MENTIONS; m++) {
    const k = zipf(pool.entities.length, r);
    chosen.set(k, (chosen.get(k) ?? 0) + 1);
  }
  const entities: ArticleEntity[] = [...chosen].map(([k, count]) => {
    const e = pool.entities[k]!;
    const mentions = Array.from({ length: count }, (_, j) => {
      const start = Math.floor(((j + 1) / (count + 1)) * (text.length - 100));
      return { start, end: start + e.name.length, surface: e.name, entityId: e.id, type: e.type, listed: true };
    });
    return { id: e.id, name: e.name, type: e.type, country: e.country, listed: true, mentions };
  });
  const day = new Date(Date.UTC(2019, 0, 1) + n * 3_600_000);
  return {
    isArticle: true,
    url: `https://antv.gov.vn/bench/${tag}/${n}.html`,
    canonicalUrl: `https://antv.gov.vn/bench/${tag}/${n}.html`,
    site: 'antv.gov.vn',
    siteName: 'ANTV',
    title,
    lead,
    byline: 'Phóng viên',
    publishedAt: day.toISOString().replace('Z', '+00:00'),
    lang: 'vi',
    leadImage: `https://antv.gov.vn/uploads/bench/${n}-1.jpg`,
    text,
    contentHtml: html,
    wordCount: text.split(/\s+/).length,
    readingMinutes: Math.max(1, Math.round(text.split(/\s+/).length / 220)),
    entities,
    rule: { id: 'antv', fallback: null },
  };
}

/** The distinct bodies, indexed once (buildRows: search words in both modes) and shared by every size. */
const baseCache: { row: ArticleRow; body: BodyRow }[] = [];
let rareCache: { row: ArticleRow; body: BodyRow } | null = null;

function baseRows(pool: Pool, b: number, rare: boolean): { row: ArticleRow; body: BodyRow } {
  if (rare && rareCache) return rareCache;
  if (!rare && baseCache[b]) return baseCache[b];
  const a = makeArticle(pool, b, 'base', rare);
  const stamp = new Date(Date.UTC(2024, 0, 1)).toISOString();
  const built = buildRows({ ...a, id: '', savedAt: stamp, updatedAt: stamp, contentHash: '', tags: [] });
  if (rare) rareCache = built;
  else baseCache[b] = built;
  return built;
}

const SITES: [string, string][] = [
  ['antv.gov.vn', 'ANTV'],
  ['thoidai.com.vn', 'Thời Đại'],
  ['nhandan.vn', 'Nhân Dân'],
  ['qdnd.vn', 'QĐND'],
  ['baoquocte.vn', 'Báo Quốc tế'],
  ['vietnamplus.vn', 'VietnamPlus'],
];
/** The site the analysis bench filters by (one article in SITES.length). */
export const BENCH_SITE = SITES[1]![0];
const SPAN_START = Date.UTC(2022, 0, 1);
const SPAN_MS = Date.UTC(2025, 0, 1) - SPAN_START;

/** Stored rows for articles 0..count-1 of a database, as saveArticle would have written them. */
export async function storedRows(
  pool: Pool,
  tag: string,
  count: number,
  distinct = 200,
): Promise<{ rows: ArticleRow[]; bodies: BodyRow[] }> {
  const rows: ArticleRow[] = [];
  const bodies: BodyRow[] = [];
  for (let i = 0; i < count; i++) {
    const rare = i % RARE_EVERY === RARE_EVERY / 2;
    const src = baseRows(pool, i % distinct, rare);
    const url = `https://antv.gov.vn/bench/${tag}/${i}.html`;
    const id = await articleIdFor(url);
    const savedAt = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    const title = `${src.row.title.replace(/\(.*\)$/, '')}(${tag} ${i})`;
    // spread over SITES and three years at every size (the analysis page counts by site and month)
    const [site, siteName] = SITES[i % SITES.length]!;
    const publishedMs = SPAN_START + Math.floor((((i * 7919) % count) / count) * SPAN_MS);
    rows.push({
      ...src.row,
      id,
      url,
      canonicalUrl: url,
      site,
      siteName,
      publishedAt: new Date(publishedMs).toISOString(),
      publishedMs,
      title,
      savedAt,
      updatedAt: savedAt,
      contentHash: await contentHash(title, src.row.lead, src.body.text),
    });
    bodies.push({ ...src.body, id });
  }
  return { rows, bodies };
}

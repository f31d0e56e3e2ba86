/** Building the two stored rows (summary + body) from an article's content. */
import type { ArticleEntity } from '../article';
import type { ArticleRecord, ArticleRow, ArticleSummary, BodyRow, StoredArticle, TopEntity } from './types';

/** How many entity chips a list row carries. */
export const TOP_ENTITY_COUNT = 5;

/** The most mentioned entities first (ties: the one mentioned earlier in the text). */
export function topEntities(entities: readonly ArticleEntity[]): TopEntity[] {
  const firstAt = (e: ArticleEntity): number => Math.min(...e.mentions.map((m) => m.start), Number.MAX_SAFE_INTEGER);
  return [...entities]
    .sort((a, b) => b.mentions.length - a.mentions.length || firstAt(a) - firstAt(b) || a.id.localeCompare(b.id))
    .slice(0, TOP_ENTITY_COUNT)
    .map((e) => ({ id: e.id, name: e.name, type: e.type, count: e.mentions.length }));
}

/** Epoch milliseconds of an ISO date, or undefined when missing or unparseable. */
export function toMs(iso: string | null): number | undefined {
  if (iso === null) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The summary and body rows for a stored article (its search words are written by ./store-rows.ts). */
export function buildRows(article: ArticleRecord): { row: ArticleRow; body: BodyRow } {
  const body: BodyRow = {
    id: article.id,
    text: article.text,
    contentHtml: article.contentHtml,
    entities: article.entities,
  };
  const summary: ArticleSummary = {
    id: article.id,
    canonicalUrl: article.canonicalUrl,
    url: article.url,
    site: article.site,
    siteName: article.siteName,
    title: article.title,
    lead: article.lead,
    byline: article.byline,
    publishedAt: article.publishedAt,
    savedAt: article.savedAt,
    updatedAt: article.updatedAt,
    lang: article.lang,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    contentHash: article.contentHash,
    leadImage: article.leadImage,
    entityIds: [...new Set(article.entities.map((e) => e.id))],
    topEntities: topEntities(article.entities),
    tags: [...article.tags],
    rule: article.rule ?? null,
  };
  const row: ArticleRow = { ...summary, approxBytes: 0 };
  const publishedMs = toMs(article.publishedAt);
  if (publishedMs !== undefined) row.publishedMs = publishedMs;
  row.approxBytes = 2 * (JSON.stringify(row).length + JSON.stringify(body).length);
  return { row, body };
}

/** A row without its index-only fields: what list queries return. */
export function toSummary(row: ArticleRow): ArticleSummary {
  const { publishedMs: _p, approxBytes: _b, ...summary } = row;
  return { ...summary, rule: summary.rule ?? null }; // rows saved before the field: not known
}

/** Summary + body joined back into one article. */
export function joinRows(row: ArticleRow, body: BodyRow): StoredArticle {
  return { ...toSummary(row), text: body.text, contentHtml: body.contentHtml, entities: body.entities };
}

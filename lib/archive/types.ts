/** Row shapes of the archive database and what its queries return. */
import type { ArticleEntity, CleanedBy, EntityType } from '../article';

/** An entity chip shown on a list row: one of the article's most mentioned entities. */
export interface TopEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

/** What a list row needs: everything about a saved article except its body and search keys. */
export interface ArticleSummary {
  id: string;
  canonicalUrl: string;
  url: string;
  site: string;
  siteName: string;
  title: string;
  lead: string | null;
  byline: string | null;
  publishedAt: string | null;
  /** ISO 8601 UTC (Date#toISOString), first time the article was saved. */
  savedAt: string;
  /** ISO 8601 UTC, last time the stored content changed. */
  updatedAt: string;
  lang: string;
  wordCount: number;
  readingMinutes: number;
  /** SHA-256 hex of title + lead + text. */
  contentHash: string;
  leadImage: string | null;
  entityIds: string[];
  topEntities: TopEntity[];
  tags: string[];
  /**
   * The rule that cleaned it and whether it was a fallback (lib/clean/sites/choice.ts); null when
   * not known: saved before the field existed (rows without it read as null), or imported without it.
   */
  rule?: CleanedBy | null;
}

/** The stored `articles` row: the summary plus index-only fields (search words: ./search-index.ts). */
export interface ArticleRow extends ArticleSummary {
  /** publishedAt as epoch milliseconds, absent when unknown (range index). */
  publishedMs?: number;
  /** Rough storage size of row + body in bytes, for archiveStats. */
  approxBytes: number;
}

/** The stored `bodies` row. */
export interface BodyRow {
  id: string;
  text: string;
  contentHtml: string;
  entities: ArticleEntity[];
}

/** What a stored article is built from: the summary fields the rows derive (entityIds, topEntities) left out. */
export type ArticleRecord = Omit<ArticleSummary, 'entityIds' | 'topEntities'> & {
  text: string;
  contentHtml: string;
  entities: ArticleEntity[];
};

/** A summary with its body, as getArticle returns it. */
export interface StoredArticle extends ArticleSummary {
  text: string;
  contentHtml: string;
  entities: ArticleEntity[];
}

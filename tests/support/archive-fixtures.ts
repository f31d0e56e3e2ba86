/** Shared helpers for the archive tests: articles, isolated databases, full dumps. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ArticleEntity, CleanArticle, EntityType } from '@/lib/article';
import { ArchiveDb } from '@/lib/archive/db';
import type { ArticleRow } from '@/lib/archive/types';
import { wordsOf } from '@/lib/archive/search-index';

let counter = 0;

/** A fresh, isolated archive database (its own fake IDBFactory). */
export async function freshDb(factory: IDBFactory = new IDBFactory()): Promise<ArchiveDb> {
  const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
  await db.open();
  return db;
}

/** An entity whose mentions are every occurrence of `surface` in `text`. */
export function entity(text: string, id: string, surface: string, type: EntityType = 'PLACE'): ArticleEntity {
  const mentions = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + surface.length)) {
    mentions.push({
      start: at,
      end: at + surface.length,
      surface,
      entityId: id,
      type,
      listed: !id.startsWith('unlisted:'),
    });
  }
  return { id, name: surface, type, listed: !id.startsWith('unlisted:'), mentions };
}

export interface ArticleSpec {
  url?: string;
  title?: string;
  lead?: string | null;
  body?: string;
  site?: string;
  publishedAt?: string | null;
  entities?: [id: string, surface: string, type?: EntityType][];
}

/** A CleanArticle whose text is lead + body and whose entities point into that text. */
export function makeArticle(spec: ArticleSpec = {}): CleanArticle {
  counter += 1;
  const lead = spec.lead === undefined ? `Tin số ${counter}: quan hệ Việt Nam – Lào.` : spec.lead;
  const body = spec.body ?? 'Hai nước Việt Nam và Lào tăng cường hợp tác quốc phòng.';
  const text = lead ? `${lead}\n\n${body}` : body;
  const site = spec.site ?? 'antv.gov.vn';
  const specs = spec.entities ?? [['LA', 'Lào', 'PLACE']];
  return {
    isArticle: true,
    url: spec.url ?? `https://${site}/tin-${counter}.html`,
    canonicalUrl: spec.url ?? `https://${site}/tin-${counter}.html`,
    site,
    siteName: site.toUpperCase(),
    title: spec.title ?? `Bài số ${counter}`,
    lead,
    byline: 'Phóng viên',
    publishedAt: spec.publishedAt === undefined ? '2024-05-01T08:00:00+07:00' : spec.publishedAt,
    lang: 'vi',
    leadImage: null,
    text,
    contentHtml: `<p>${body}</p>`,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    entities: specs.map(([id, surface, type]) => entity(text, id, surface, type)).filter((e) => e.mentions.length > 0),
    rule: { id: 'antv', fallback: null },
  };
}

/** Every row of both tables, for before/after comparisons. */
export async function dump(db: ArchiveDb): Promise<string> {
  const [articles, bodies] = await Promise.all([
    db.articles.orderBy(':id').toArray(),
    db.bodies.orderBy(':id').toArray(),
  ]);
  return JSON.stringify({ articles, bodies });
}

/**
 * The `articles` rows as schema versions 2–7 stored them, with their search words on the row
 * (`words`, `exactWords`), rebuilt from today's words table: what an upgrade test puts into a
 * database of an older version.
 */
export async function legacyArticleRows(
  db: ArchiveDb,
): Promise<(ArticleRow & { words: string[]; exactWords: string[] })[]> {
  const rows = await db.articles.orderBy(':id').toArray();
  const out = [];
  for (const row of rows) {
    const words = await indexedWords(db, row.id);
    out.push({ ...row, words: words?.folded ?? [], exactWords: words?.exact ?? [] });
  }
  return out;
}

/** The folded and exact words an article is indexed under (lib/archive/search-index.ts), or undefined. */
export async function indexedWords(
  db: ArchiveDb,
  id: string,
): Promise<{ folded: string[]; exact: string[] } | undefined> {
  const row = await db.articleWords.where('id').equals(id).first();
  return row && { folded: wordsOf(row, 'folded'), exact: wordsOf(row, 'exact') };
}

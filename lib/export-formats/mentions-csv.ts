/**
 * CSV of mentions, one row per mention of an entity in an article — the long table pandas and
 * spreadsheets pivot: which entity, where in the text (start/end: UTF-16 offsets into the
 * article's `text`, as in the archive file), the spelling found, and the rank or office written
 * with it. Same CSV conventions as the articles CSV (./articles-csv.ts).
 */
import type { ExportedArticle } from '@/lib/archive/file-format';
import { csvFormat } from './articles-csv';

export const MENTION_COLUMNS = [
  'article_id',
  'url',
  'published_at',
  'entity_id',
  'canonical_name',
  'type',
  'country',
  'listed',
  'surface',
  'start',
  'end',
  'title',
  'confidence',
] as const;

function rows(a: ExportedArticle): (string | number | boolean)[][] {
  return a.entities.flatMap((e) =>
    e.mentions.map((m) => [
      a.id,
      a.url,
      a.publishedAt ?? '',
      e.id,
      e.name,
      e.type,
      e.country ?? '',
      e.listed,
      m.surface,
      m.start,
      m.end,
      m.title ?? '',
      m.confidence ?? '',
    ]),
  );
}

export const mentionsCsv = csvFormat('mentions-csv', 'mentions.csv', MENTION_COLUMNS, rows);

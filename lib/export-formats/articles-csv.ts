/**
 * CSV of articles, one row per article, written with papaparse: UTF-8 with a byte order mark (so
 * Excel reads Vietnamese correctly), RFC 4180 quoting (fields with commas, quotes or line breaks
 * in double quotes, quotes doubled), CRLF line ends, dates as the archive keeps them (ISO 8601).
 * Lists (entity_ids, tags) are joined with ";". The full text is the last column (Excel shows at
 * most 32,767 characters of a cell; pandas and LibreOffice read it all). Cells starting with
 * = + - @ get a leading ' (papaparse escapeFormulae): titles come from web pages, and a spreadsheet
 * must not run them as formulas.
 */
import Papa from 'papaparse';
import type { ExportedArticle } from '@/lib/archive/file-format';
import type { ExportFormat } from './format';

export const ARTICLE_COLUMNS = [
  'id',
  'url',
  'canonical_url',
  'site',
  'site_name',
  'title',
  'lead',
  'byline',
  'published_at',
  'saved_at',
  'updated_at',
  'lang',
  'word_count',
  'reading_minutes',
  'entity_ids',
  'entity_names',
  'tags',
  'text',
] as const;

export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';
/** The list separator inside a cell. */
export const LIST_SEPARATOR = ';';

function row(a: ExportedArticle): (string | number)[] {
  return [
    a.id,
    a.url,
    a.canonicalUrl,
    a.site,
    a.siteName,
    a.title,
    a.lead ?? '',
    a.byline ?? '',
    a.publishedAt ?? '',
    a.savedAt,
    a.updatedAt,
    a.lang,
    a.wordCount,
    a.readingMinutes,
    a.entities.map((e) => e.id).join(LIST_SEPARATOR),
    a.entities.map((e) => e.name).join(LIST_SEPARATOR),
    a.tags.join(LIST_SEPARATOR),
    a.text,
  ];
}

/** Rows as CSV text (no trailing line end), with or without the header row. */
export function csvRows(fields: readonly string[], data: (string | number | boolean)[][], header: boolean): string {
  return Papa.unparse({ fields: [...fields], data }, { header, newline: CSV_NEWLINE, escapeFormulae: true });
}

/** A CSV writer: the BOM and header first, then each page's rows, each row ended by CRLF. */
export function csvFormat(
  id: 'csv' | 'mentions-csv',
  suffix: string,
  fields: readonly string[],
  rowsOf: (a: ExportedArticle) => (string | number | boolean)[][],
): ExportFormat {
  return {
    id,
    suffix,
    mime: 'text/csv;charset=utf-8',
    create() {
      let first = true;
      return {
        page(articles) {
          const data = articles.flatMap(rowsOf);
          const head = first ? [CSV_BOM, csvRows(fields, [], true), CSV_NEWLINE] : [];
          first = false;
          return data.length > 0 ? [...head, csvRows(fields, data, false), CSV_NEWLINE] : head;
        },
        end() {
          return first ? [CSV_BOM, csvRows(fields, [], true), CSV_NEWLINE] : [];
        },
      };
    },
  };
}

export const articlesCsv = csvFormat('csv', 'articles.csv', ARTICLE_COLUMNS, (a) => [row(a)]);

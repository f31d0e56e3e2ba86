/**
 * RIS, written by hand: one `TY  - NEWS` record per article, so Zotero, Mendeley and EndNote
 * import newspaper articles, not web pages. Hand-written because the common JavaScript RIS
 * library (Citation.js's RIS plugin) reads and writes NEWS authors as `reporter` (which no
 * citation style prints as the author) and keeps only the year of DA; the record is a few lines.
 * Tags: TI title, T2 and JF the site's name (Zotero reads T2, EndNote and Mendeley JF), AU per
 * author ("Family, Given" or the byline as written), PY year, DA publication day YYYY/MM/DD/,
 * Y2 access day (saved), UR, LA, AB lead, KW per entity, ID. Values lose their line breaks (RIS
 * is line-based); UTF-8, lines end with CRLF, a blank line after each ER.
 */
import type { ExportedArticle } from '@/lib/archive/file-format';
import { parseByline, risName } from './byline';
import { oneLine, vietnamDay, type ExportFormat } from './format';

const pad = (n: number) => String(n).padStart(2, '0');
const risDay = ([y, m, d]: [number, number, number]) => `${y}/${pad(m)}/${pad(d)}/`;

export function risRecord(a: ExportedArticle): string {
  const lines: [string, string][] = [['TY', 'NEWS']];
  const add = (tag: string, value: string | null | undefined) => {
    const v = oneLine(value ?? '');
    if (v) lines.push([tag, v]);
  };
  add('ID', a.id);
  add('TI', a.title);
  add('T2', a.siteName || a.site);
  add('JF', a.siteName || a.site);
  for (const author of parseByline(a.byline)) add('AU', risName(author));
  const issued = vietnamDay(a.publishedAt);
  if (issued) {
    add('PY', String(issued[0]));
    add('DA', risDay(issued));
  }
  const accessed = vietnamDay(a.savedAt);
  if (accessed) add('Y2', risDay(accessed));
  add('UR', a.url);
  add('LA', a.lang);
  add('AB', a.lead);
  for (const e of a.entities) add('KW', e.name);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('') + '\r\n';
}

export const ris: ExportFormat = {
  id: 'ris',
  suffix: 'citations.ris',
  mime: 'application/x-research-info-systems',
  create() {
    return { page: (articles) => articles.map(risRecord), end: () => [] };
  },
};

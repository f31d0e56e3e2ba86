/**
 * CSL-JSON (the Citation Style Language's input data, read by Zotero, Mendeley, Pandoc and
 * citeproc): one `article-newspaper` item per article — title, container-title (the site's
 * name), author (the byline's people, or the byline as one literal name), issued (publication
 * day) and accessed (the day it was saved) as date-parts in Vietnam time, URL, language,
 * abstract (the lead), the entities as keywords. Written as one JSON array, page by page.
 */
import type { ExportedArticle } from '@/lib/archive/file-format';
import { parseByline, type Author } from './byline';
import { vietnamDay, type ExportFormat } from './format';

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title': string;
  author?: Author[];
  issued?: { 'date-parts': [[number, number, number]] };
  accessed?: { 'date-parts': [[number, number, number]] };
  URL: string;
  language: string;
  abstract?: string;
  keyword?: string;
}

export function toCslItem(a: ExportedArticle): CslItem {
  const authors = parseByline(a.byline);
  const issued = vietnamDay(a.publishedAt);
  const accessed = vietnamDay(a.savedAt);
  return {
    id: a.id,
    type: 'article-newspaper',
    title: a.title,
    'container-title': a.siteName || a.site,
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(issued ? { issued: { 'date-parts': [issued] } } : {}),
    ...(accessed ? { accessed: { 'date-parts': [accessed] } } : {}),
    URL: a.url,
    language: a.lang,
    ...(a.lead ? { abstract: a.lead } : {}),
    ...(a.entities.length > 0 ? { keyword: a.entities.map((e) => e.name).join(', ') } : {}),
  };
}

export const cslJson: ExportFormat = {
  id: 'csl',
  suffix: 'citations.csl.json',
  mime: 'application/vnd.citationstyles.csl+json',
  create() {
    let first = true;
    return {
      page(articles) {
        if (articles.length === 0) return [];
        const items = articles.map((a) => JSON.stringify(toCslItem(a))).join(',\n');
        const out = [first ? '[\n' : ',\n', items];
        first = false;
        return out;
      },
      end: () => [first ? '[]\n' : '\n]\n'],
    };
  },
};

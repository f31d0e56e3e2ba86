/** Clean an HTML string (CLI, tests, benchmarks): parse it inertly, then run the pipeline. */
import type { CleanArticle, CleanResult } from '@/lib/article';
import { cleanDocument } from '@/lib/clean/pipeline';
import { parseHtmlDocument } from '@/lib/html/sanitize';

export type EntitiesOf = (text: string) => CleanArticle['entities'];

export function cleanHtml(html: string, url: string, win: Window, entities?: EntitiesOf): CleanResult {
  const doc = parseHtmlDocument(html, win);
  return cleanDocument(doc, url, { window: win, entities });
}

/** Clean an HTML string (CLI, tests, benchmarks): parse it inertly, then run the pipeline. */
import type { CleanResult } from '@/lib/article';
import { cleanDocument } from '@/lib/clean/pipeline';
import { parseHtmlDocument } from '@/lib/clean/sanitize';
import { entitiesOf } from '@/lib/entities/article-entities';

export function cleanHtml(html: string, url: string, win: Window): CleanResult {
  const doc = parseHtmlDocument(html, win);
  return cleanDocument(doc, url, { window: win, entities: entitiesOf });
}

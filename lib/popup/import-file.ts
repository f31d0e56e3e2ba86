/**
 * Preparing an archive file for import, in the importing page. A Chromium service worker has
 * no DOM for DOMPurify, so every article body is sanitised here (the project's one DOMPurify
 * configuration) before the text goes to the background, which validates and writes it.
 * Anything that is not well-formed JSON goes through unchanged: the background's importArchive
 * then explains precisely what is wrong with it.
 */
import { sanitizeHtml } from '@/lib/html/sanitize';

export function sanitizeArchiveText(text: string, win: Window = globalThis.window): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text;
  }
  if (!data || typeof data !== 'object' || !('articles' in data) || !Array.isArray(data.articles)) return text;
  for (const article of data.articles as unknown[]) {
    if (article && typeof article === 'object' && 'contentHtml' in article && typeof article.contentHtml === 'string') {
      article.contentHtml = sanitizeHtml(article.contentHtml, win);
    }
  }
  return JSON.stringify(data);
}

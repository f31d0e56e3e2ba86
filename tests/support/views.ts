/**
 * Helpers for the highlighting tests: an article whose text and HTML agree (as the pipeline
 * returns them), its rendering in a jsdom document like the views', and the background's entity
 * handlers registered on the fake browser (its sender is `{}`, so they take every sender).
 */
import { JSDOM } from 'jsdom';
import type { CleanArticle } from '@/lib/article';
import { registerEntityMessages } from '@/lib/background/entity-messages';
import { renderArticle } from '@/lib/ui/article-view';
import { makeArticle } from './archive-fixtures';

/** An article of these paragraphs (plain text or inline markup), text and contentHtml alike. */
export function articleOf(paragraphs: string[], lead: string | null = null): CleanArticle {
  const text = [...(lead ? [lead] : []), ...paragraphs.map((p) => p.replace(/<[^>]+>/g, ''))].join('\n\n');
  return {
    ...makeArticle({ lead }),
    lead,
    text,
    contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
  };
}

/** The article rendered like the views render it, in a document of its own (scrolling stubbed: jsdom has none). */
export function renderView(article: CleanArticle): { doc: Document; view: HTMLElement } {
  const { window } = new JSDOM('<!doctype html><body></body>', { url: 'https://antv.gov.vn/' });
  window.Element.prototype.scrollIntoView = () => undefined;
  const doc = window.document;
  const view = renderArticle(doc, article, {
    lang: 'vi',
    minutes: (n) => `${n} phút`,
    original: 'Bài gốc',
    cleanedBy: (r) => `Quy tắc ${r.id}`,
  });
  doc.body.append(view);
  return { doc, view };
}

let registered = false;

/** The background's findMentions and entityDetails, answering this test's own sendMessage. */
export function registerBackground(): void {
  if (registered) return;
  registered = true;
  registerEntityMessages(() => true);
}

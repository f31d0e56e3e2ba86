/**
 * The content script that runs on every page of the supported news sites. It only takes the
 * pipeline's cheap first look (lib/clean/first-look.ts notArticleUrl: an invalid or listing URL of
 * the host? — the rule choice, which reads the DOM, never makes a page "no article") and, on an
 * article candidate, asks the background to inject the reader
 * (content-scripts/clean-view.js); the background decides whether the site is cleaned
 * automatically (the user's site settings). Home pages, category listings and other non-article
 * pages pay for this small script only — no Readability, DOMPurify, view, messaging or storage
 * library: tests/unit/in-page/detector-size.test.ts keeps it so (issue 16.4).
 */
import { notArticleUrl } from '@/lib/clean/first-look';
import { sendToBackground } from './detector-message';

/** True when the page is an article candidate (the background was asked for the reader). */
export async function detectArticle(doc: Document): Promise<boolean> {
  if (notArticleUrl(doc.location.href) !== null) return false;
  await sendToBackground('injectInPageView');
  return true;
}

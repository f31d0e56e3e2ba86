/**
 * The content script that runs on every page of the supported news sites. It only takes the
 * pipeline's cheap first look (lib/clean/first-look.ts: a listing URL? the rule's article container?)
 * and, on an article candidate of a site cleaned automatically, asks the background to inject the
 * reader (content-scripts/clean-view.js). Home pages, category listings and other non-article pages
 * pay for this small script only, not for Readability, DOMPurify and the view.
 */
import { articleCandidate } from '@/lib/clean/first-look';
import { sendMessage } from '@/lib/messaging';
import { autoCleans, siteSettings } from '@/lib/settings/sites';

export async function detectArticle(doc: Document): Promise<boolean> {
  if ('reason' in articleCandidate(doc, doc.location.href)) return false;
  const settings = await siteSettings.getValue().catch(() => ({ disabled: [], added: [] }));
  if (!autoCleans(doc.location.hostname, settings)) return false;
  await sendMessage('injectInPageView', undefined).catch(() => undefined);
  return true;
}

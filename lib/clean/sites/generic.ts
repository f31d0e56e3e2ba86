/**
 * Any other site: no selectors of its own; the Vietnamese boilerplate vocabulary
 * (../boilerplate.ts) and Readability do the work.
 */
import type { SiteRule } from './rule';

export const generic: SiteRule = {
  id: 'generic',
  hosts: [],
  article: ['[itemprop="articleBody"]', 'article .content', 'article'],
  title: ['h1'],
  lead: ['.sapo', '.article__sapo', '.detail-sapo', '.post-summary', '[class*="sapo"]'],
  date: ['time[datetime]', '.publish-date', '.date', '.time'],
  byline: ['[rel="author"]', '.author', '.byline'],
  remove: [],
};

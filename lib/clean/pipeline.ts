/**
 * The cleaning pipeline: a `Document` and its URL in, a clean article (or "no article") out.
 * Pure: it works on a clone and never touches the live DOM. The order matters:
 *
 *  1. Pick the rule (./sites/choice.ts): the host's rule (./sites: one file per site or CMS
 *     family) when its article container is on the page, else a CMS family whose markers match
 *     the page, else the generic path; and check the page is within the size budget (./budget:
 *     elements and characters of text).
 *  2. Clone the document. Every later step works on the clone.
 *  3. Read the metadata (./metadata) from the untouched clone: title, lead, byline, date,
 *     site name, canonical URL, lead image, language.
 *  4. Decide whether this is an article at all: a listing URL of the host (home, categories) or
 *     no headline is "no article", and the page is left alone (too little text or mostly links
 *     are found in step 7). A missed container is not a reason: step 1 fell back.
 *  5. Narrow the clone's body to the article container, drop the rule's boilerplate selectors,
 *     then the generic Vietnamese boilerplate filter (./boilerplate), then prepare figures,
 *     lazy images and inline related links (./prepare).
 *  6. Run Readability on the clone.
 *  7. Sanitise with the one DOMPurify configuration (lib/html/sanitize.ts), run the boilerplate filter
 *     once more on what Readability kept (on the generic path also ./sites/generic's tidyArticle),
 *     drop empty blocks, extract the text (./extract-text); too little text, or text that is
 *     mostly links, is "no article".
 *  8. Count words (syllables) and reading time; attach entities (lib/entities) when given; name
 *     the rule that cleaned the article and whether it was a fallback.
 *
 * `candidate` (*Not the whole article?*, ./candidates.ts) picks another of the page's candidates:
 * the family rule or the generic path ahead of the host's rule in step 1, or the whole container
 * (step 6 skipped: Readability keeps nothing less than what steps 5 left).
 */
import Readability from '@mozilla/readability/Readability.js';
import { OVER_BUDGET, type CleanArticle, type CleanResult } from '@/lib/article';
import { comparable, countSyllables, mayBeComparable, skeleton } from '@/lib/text/vietnamese';
import { removeBoilerplate } from './boilerplate';
import { removeEmptyBlocks, textBlocks } from './extract-text';
import { stripLeadPrefix } from './lead-prefix';
import { readMetadata } from './metadata';
import { fixLazyImages, imageTablesToFigures, removeDuplicateCaptions, removeLinkOnlyBlocks } from './prepare';
import { sanitizeToFragment, serializeChildren } from '@/lib/html/sanitize';
import { measurePage, withinBudget } from './budget';
import { articleCandidate, defuseNamedElements, findContainer, member } from './first-look';
import { COMMON_REMOVE, siteOf } from './sites';
import { applyRemovals, safeAll, type Candidate, type SiteFix } from './site-fixes';
import { GENERIC_CHAR_THRESHOLD, MIN_GENERIC_CHARS, tidyArticle, unwrapPageWrappers } from './sites/generic';

/** Vietnamese read aloud runs ~200–250 syllables a minute; silent reading ~220 is typical. */
export const SYLLABLES_PER_MINUTE = 220;
/** Below this much body text a page is a teaser or a listing, not an article. */
export const MIN_ARTICLE_CHARS = 400;
/** Above this share of its text inside links, a page is a list of other pages (a listing, a tag page), not an article. */
export const MAX_LINKED_SHARE = 0.5;

/** The reasons a page is not an article (besides a listing URL: lib/clean/first-look.ts, and OVER_BUDGET). */
export const NO_HEADLINE = 'no headline';
export const TOO_LITTLE_TEXT = 'too little text for an article';
export const MOSTLY_LINKS = 'mostly links: a list of other pages, not an article';

export interface PipelineOptions {
  /** The window whose DOMPurify sanitises (a jsdom window in Node). Defaults to the document's. */
  window?: Window;
  /** Entity recognition, injected so the pipeline stays usable without the gazetteer. */
  entities?: (text: string) => CleanArticle['entities'];
  /** The user's remembered fixes for this site (./site-fixes): blocks to remove, a custom container. */
  siteFix?: SiteFix;
  /** The candidate to clean with instead of the usual choice (./candidates.ts); else the site fix's `prefer`. */
  candidate?: Candidate;
}

function notArticle(url: string, reason: string): CleanResult {
  return { isArticle: false, url, site: siteOf(url), reason };
}

export function cleanDocument(doc: Document, url: string, options: PipelineOptions = {}): CleanResult {
  // 1, and 4's cheap part first: listing pages are left before anything is cloned, so the
  // content script costs next to nothing there.
  const wanted = options.candidate ?? options.siteFix?.prefer;
  const candidate = articleCandidate(doc, url, wanted === 'container' ? undefined : wanted);
  if ('reason' in candidate) return notArticle(url, candidate.reason);
  const { rule } = candidate;
  if (!withinBudget(measurePage(doc))) return notArticle(url, OVER_BUDGET);

  const clone = member(doc, 'cloneNode')(true) as Document; // 2
  defuseNamedElements(clone);
  const host = siteOf(url);
  const meta = readMetadata(clone, url, rule, host); // 3
  const custom = options.siteFix?.container ? safeAll(clone, options.siteFix.container)[0] : undefined;
  const container = custom ?? findContainer(clone, rule); // null only on the generic path: the whole body
  if (options.siteFix) applyRemovals(clone, options.siteFix); // the user's picks, on the page as it was
  if (!meta.title) return notArticle(url, NO_HEADLINE);

  const isGeneric = rule.id === 'generic';
  if (container) clone.body.replaceChildren(container); // 5
  if (isGeneric) unwrapPageWrappers(clone.body);
  rule.prepare?.(clone.body);
  for (const el of Array.from(clone.body.querySelectorAll([...rule.remove, ...COMMON_REMOVE].join(', ')))) el.remove(); // one pass, not one per selector
  // the headline and the lead printed again in the body (with or without the lead prefix) go
  const repeated = new Set([meta.title, ...(meta.lead ? [meta.lead, stripLeadPrefix(meta.lead)] : [])].map(comparable));
  const longest = Math.max(...[...repeated].map((r) => r.length)) * 1.5 + 20; // normalising is the cost: skip what cannot match
  const skeletons = [...repeated].map(skeleton); // and what cannot be equal (most blocks): lib/text/vietnamese.ts
  for (const el of Array.from(clone.body.querySelectorAll('h1, h2, p, div'))) {
    const text = el.textContent ?? '';
    if (text.length > longest || !el.isConnected || !mayBeComparable(text, skeletons)) continue;
    if (repeated.has(comparable(text))) el.remove();
  }
  removeBoilerplate(clone.body);
  fixLazyImages(clone.body);
  imageTablesToFigures(clone.body);
  removeLinkOnlyBlocks(clone.body);
  removeDuplicateCaptions(clone.body);

  const charThreshold = isGeneric ? GENERIC_CHAR_THRESHOLD : 200;
  const whole = wanted === 'container';
  // Readability's result as HTML, parsed again by DOMPurify: not its DOM, which holds what no parser
  // makes (a <p> around an <h2>), so the text read below is the text of the HTML kept.
  const parsed = whole
    ? { content: serializeChildren(clone.body) } // the whole container, as step 5 left it (sanitised below)
    : new Readability(clone, { charThreshold, keepClasses: false }).parse(); // 6
  if (!parsed?.content) return notArticle(url, 'Readability found no article');

  const win = options.window ?? member(doc, 'defaultView') ?? globalThis.window; // 7
  const fragment = sanitizeToFragment(parsed.content, win);
  removeBoilerplate(fragment);
  if (isGeneric) tidyArticle(fragment);
  removeDuplicateCaptionsIn(fragment);
  removeEmptyBlocks(fragment);
  const blocks = textBlocks(fragment);
  const bodyText = blocks.join('\n\n');
  if (bodyText.length < (isGeneric ? MIN_GENERIC_CHARS : MIN_ARTICLE_CHARS)) return notArticle(url, TOO_LITTLE_TEXT);
  if (linkedShare(fragment) > MAX_LINKED_SHARE) return notArticle(url, MOSTLY_LINKS);

  const text = meta.lead ? `${meta.lead}\n\n${bodyText}` : bodyText; // 8
  const wordCount = countSyllables(text);
  const firstImg = fragment.querySelector('img')?.getAttribute('src') ?? null;
  return {
    isArticle: true,
    url,
    canonicalUrl: meta.canonicalUrl,
    site: host,
    siteName: meta.siteName,
    title: meta.title,
    lead: meta.lead,
    byline: meta.byline,
    publishedAt: meta.publishedAt,
    lang: meta.lang,
    leadImage: meta.leadImage ?? firstImg,
    text,
    contentHtml: serializeFragment(fragment),
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / SYLLABLES_PER_MINUTE)),
    entities: options.entities?.(text) ?? [],
    rule: { id: candidate.id, fallback: candidate.fallback },
  };
}

/** The fragment's HTML; the fragment is ours to spend: moved into a holder, not copied as serializeChildren would. */
function serializeFragment(fragment: DocumentFragment): string {
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return serializeChildren(holder);
}

/** The share of the body's text that sits inside links. */
function linkedShare(fragment: DocumentFragment): number {
  const all = (fragment.textContent ?? '').replace(/\s+/g, '').length;
  const linked = Array.from(fragment.querySelectorAll('a')).reduce(
    (n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length,
    0,
  );
  return all === 0 ? 0 : linked / all;
}

function removeDuplicateCaptionsIn(fragment: DocumentFragment): void {
  for (const figure of fragment.querySelectorAll('figure')) {
    const holder = figure.parentElement;
    if (holder) removeDuplicateCaptions(holder);
  }
}

/** A site rule: what one site (or CMS family) tells the pipeline about its pages. */
export interface SiteRule {
  /** Rule id, also the file name: "antv", "mastercms", "box-detail", "generic". */
  id: string;
  /** Hosts this rule serves (the host itself and its subdomains). Empty for the generic rule. */
  hosts: readonly string[];
  /** Site name by host, when the page's own og:site_name is missing or noisy. */
  siteName?: (host: string) => string;
  /**
   * CMS family rules only: selectors that only this family's template uses (its article container
   * and its headline). When a host's own rule finds no container (a redesign, a sister template), a
   * family whose markers match the page cleans it instead (lib/clean/first-look.ts, `chooseRule`).
   * A marker must never match another family's or site's template: `tests/unit/clean/sites/choice.test.ts`.
   */
  markers?: readonly string[];
  /** The article container, most specific first. Readability runs on it alone when found. */
  article: readonly string[];
  /** Headline, lead (sapo), publish date line, author. First match wins. */
  title: readonly string[];
  lead: readonly string[];
  date: readonly string[];
  byline: readonly string[];
  /** Elements to drop before Readability: in-body boxes, share bars, the header date bar… */
  remove: readonly string[];
  /**
   * Decisions selectors cannot make, run on the narrowed clone before `remove` (e.g. VCCorp's
   * in-body boxes: a photo box becomes a figure, a related-news box goes).
   */
  prepare?: (body: Element) => void;
  /** Elements never to use as a date (e.g. antv's "time of viewing" bar). */
  notDate?: readonly string[];
  /** Suffixes of <title> to strip ("- ANTV", "| Thời Đại"). */
  titleSuffix?: RegExp;
  /** URL shapes of listing pages (home, categories): never an article. */
  listingUrl?: RegExp;
}

/** Everything that wraps a lazy image or an image+caption table across the families. */
export const COMMON_REMOVE = [
  'script',
  'style',
  'noscript',
  'iframe',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'footer',
  'aside',
  '[role="navigation"]',
  '[role="complementary"]',
  '.share',
  '.share-bar',
  '.social',
  '.sharing',
  '.fb-comments',
  '.comment',
  '.comments',
  '.box-comment',
  '.tags',
  '.tag-list',
  '.advertisement',
  '.ads',
  '.ad',
  '.banner',
  '.qc',
  '[class*="quangcao"]',
  '.breadcrumb',
  '.breadcrumbs',
  '.print',
  '.font-size',
  '.fontsize',
  '.box-related',
  '.related',
  '.relate-news',
  '.related-news',
  '.box-related-inline',
  '.tinlienquan',
  '.video-list',
];

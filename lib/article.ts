/**
 * The shape of a cleaned article: what the pipeline returns, what `npm run clean` prints,
 * what the archive stores and what an export carries.
 */

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'EVENT';
export type Country = 'VN' | 'LA' | 'both' | 'other';

/** One occurrence of an entity in `CleanArticle.text`. Offsets are UTF-16 indexes into `text`. */
export interface Mention {
  start: number;
  end: number;
  /** The text as written in the article (text.slice(start, end)). */
  surface: string;
  /** Gazetteer id, or `unlisted:<type>:<folded surface>` for recognised names not in the gazetteer. */
  entityId: string;
  type: EntityType;
  listed: boolean;
  /** Rank or office written before a person's name ("Thượng tướng"), not part of the span. */
  title?: string;
}

/** An entity found in an article, with its mentions. */
export interface ArticleEntity {
  id: string;
  name: string;
  type: EntityType;
  country?: Country;
  listed: boolean;
  mentions: Mention[];
}

/**
 * How the rule that cleaned a page was chosen (lib/clean/sites/choice.ts): null, the host's own
 * rule; 'family', the host's rule found no article container and a CMS family recognised the page
 * by its markers; 'generic', neither did, and the generic path cleaned it.
 */
export type RuleFallback = 'family' | 'generic' | null;

/** The rule that cleaned an article: its id (a file of lib/clean/sites) and whether it was a fallback. */
export interface CleanedBy {
  id: string;
  fallback: RuleFallback;
}

export interface CleanArticle {
  isArticle: true;
  url: string;
  canonicalUrl: string;
  site: string; // host without www., e.g. "antv.gov.vn"
  siteName: string; // e.g. "ANTV"
  title: string;
  lead: string | null;
  byline: string | null;
  /** ISO 8601 with offset, e.g. "2021-11-25T11:35:00+07:00"; null when the page does not say. */
  publishedAt: string | null;
  lang: string;
  leadImage: string | null;
  /** Plain text of the article: the lead (when there is one), then the body paragraphs, separated by "\n\n". Mention offsets index into it. */
  text: string;
  /** Sanitised HTML of the body (DOMPurify, the project's one configuration). */
  contentHtml: string;
  wordCount: number;
  readingMinutes: number;
  entities: ArticleEntity[];
  /** The rule that cleaned it. */
  rule: CleanedBy;
}

export interface NotAnArticle {
  isArticle: false;
  url: string;
  site: string;
  /** Why not, for developers and logs; OVER_BUDGET is shown to the user. */
  reason: string;
}

export type CleanResult = CleanArticle | NotAnArticle;

/** The reason the pipeline gives for a page over its size budget (lib/clean/budget.ts). */
export const OVER_BUDGET = 'page over the size budget';

/**
 * Limits, written once. Field limits of an article: the background checks every save against them
 * (lib/background/payloads.ts) and the importer every imported file (lib/archive/import-validation.ts).
 * Bounds of highlighting: what a view marks (lib/ui/highlights.ts) and what the background matches
 * per request (lib/background/entity-messages.ts). Message sizes: what one message between the
 * extension's contexts carries (lib/messaging.ts). Bounds of the reader page's "Load images"
 * (lib/background/image-messages.ts, lib/reader/images.ts). Page budgets (lib/clean/budget.ts).
 */

/** Longest text, HTML or other free-text field (characters; about 5 MB). */
export const MAX_FIELD_LENGTH = 5_000_000;
/** Longest web address (url, canonicalUrl, leadImage). */
export const MAX_URL_LENGTH = 8192;
/** Longest entity id, entity name, mention surface or title. */
export const MAX_NAME_LENGTH = 1000;
/** Most entities in one article. */
export const MAX_ENTITIES = 5000;
/** Most articles in one imported file. */
export const MAX_ARTICLES = 50_000;
/** Most mentions of all entities in one article (the in-page view and reader page mark at most this many). */
export const MAX_MENTIONS = 20_000;
/** Most mentions one view marks (the in-page view, the reader page); the panel says when there were more. */
export const MAX_VIEW_MARKS = 2000;
/** Most characters of article text the background matches per request; the rest is not looked at, and the panel says so. */
export const MAX_MATCH_CHARS = 200_000;
/**
 * Most elements a page may have for the pipeline to clean it (checked before anything is cloned).
 * The largest of the 181 scrapinghub pages and the fixtures has 1,596; 50,000 is 30 times that.
 */
export const MAX_PAGE_ELEMENTS = 50_000;
/**
 * Most characters of text a page may hold for the pipeline to clean it (every text node of the
 * body, hidden ones too). The largest of those pages holds 416,321 (scripts included); a long
 * article is 30,000–60,000.
 */
export const MAX_PAGE_TEXT_CHARS = 2_000_000;
/**
 * Most characters of text one message between the extension's contexts carries: longer imports
 * go to the background in parts, and bodies to the offscreen document in batches. Chrome refuses
 * a message over 64 MiB of JSON; 4 M characters stay under it even when every one is escaped.
 */
export const MAX_MESSAGE_CHARS = 4_000_000;
/** Largest image the reader page's "Load images" fetches (bytes; larger ones stay placeholders). */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Most images one "Load images" fetches for an article; the rest stay placeholders, and the page says so. */
export const MAX_LOADED_IMAGES = 100;
/** How long one image fetch may take (ms) before it counts as failed. */
export const IMAGE_FETCH_TIMEOUT_MS = 30_000;
/**
 * Most inline event handlers (`onclick=…`, `onerror=…`) the bodies of one imported file may hold.
 * Chromium checks each against the extension's CSP while parsing, ~0.5 ms apiece in the
 * offscreen document (a 3 MB body of them: 30 s), and our exports never carry one (bodies are
 * sanitised at save); 10,000 cost ~5 s, so a hand-edited file still imports and a hostile one is
 * refused before any parsing.
 */
export const MAX_INLINE_HANDLERS = 10_000;

/**
 * Field limits of an article, written once: the background checks every save against them
 * (lib/background/payloads.ts) and the importer every imported file (lib/archive/import-validation.ts).
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

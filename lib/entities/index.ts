/**
 * Vietnam–Laos cooperation entities: find, group and look up (marking them in a view is
 * lib/ui/highlights.ts, which asks the background, the one place that bundles this matcher).
 *
 *   findMentions(text)        → Mention[] (offsets into text, sorted, non-overlapping)
 *   groupEntities(mentions)   → ArticleEntity[] (one per entity id, most-mentioned first)
 *   getEntity(id)             → the gazetteer record (name, type, country, descriptions, aliases)
 *
 * The gazetteer comes from `virtual:vietlao-gazetteer`, compiled from assets/gazetteer/*.tsv at
 * build time by `gazetteerPlugin()` (lib/entities/build/vite-plugin.ts). Outside Vite (tsx CLI),
 * compile it with `loadGazetteer()` from lib/entities/build/load.ts and use `createMatcher(data)`.
 */
export { findMentions, groupEntities } from './default-matcher';
export { getEntity } from './details';
export { createMatcher, type EntityMatcher } from './matcher';
export type { GazetteerEntity } from './table';
export type { GazetteerData, GazetteerDetails } from './data';

/** The matcher over the build-time gazetteer (`virtual:vietlao-gazetteer`), decoded once per load. */
import gazetteer from 'virtual:vietlao-gazetteer';
import type { ArticleEntity, Mention } from '../article';
import { highlightWith } from './highlight';
import { createMatcher } from './matcher';

const matcher = createMatcher(gazetteer);

/** Every gazetteer entity and recognised unlisted name in `text`: sorted, non-overlapping. */
export function findMentions(text: string): Mention[] {
  return matcher.findMentions(text);
}

/** One ArticleEntity per entity id, most-mentioned first. */
export function groupEntities(mentions: readonly Mention[]): ArticleEntity[] {
  return matcher.groupEntities(mentions);
}

/** Wrap every mention under `root` with the build-time gazetteer (see highlight.ts). */
export function highlightEntities(root: Element): Mention[] {
  return highlightWith(root, findMentions);
}

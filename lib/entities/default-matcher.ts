/** The matcher over the build-time gazetteer (`virtual:vietlao-gazetteer` and its `/phonetic` keys), decoded once per load. */
import gazetteer from 'virtual:vietlao-gazetteer';
import phonetic from 'virtual:vietlao-gazetteer/phonetic';
import type { ArticleEntity, Mention } from '../article';
import { createMatcher } from './matcher';

const matcher = createMatcher(gazetteer, undefined, phonetic);

/** Every gazetteer entity and recognised unlisted name in `text`: sorted, non-overlapping. */
export function findMentions(text: string): Mention[] {
  return matcher.findMentions(text);
}

/** One ArticleEntity per entity id, most-mentioned first. */
export function groupEntities(mentions: readonly Mention[]): ArticleEntity[] {
  return matcher.groupEntities(mentions);
}

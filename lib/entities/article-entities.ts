/**
 * The entities of an article's text, as stored on a CleanArticle (offsets into `text`). Bounded:
 * the first MAX_MENTIONS mentions in the text are kept, then the MAX_ENTITIES most-mentioned
 * entities — a page stuffed with 20,000 name-shaped strings must not become an article of 20,000
 * entities that every later list, filter and export pays for.
 */
import type { ArticleEntity } from '@/lib/article';
import { MAX_ENTITIES, MAX_MENTIONS } from '@/lib/limits';
import { findMentions, groupEntities } from './default-matcher';

export function entitiesOf(text: string): ArticleEntity[] {
  return groupEntities(findMentions(text).slice(0, MAX_MENTIONS)).slice(0, MAX_ENTITIES);
}

/** The entities of an article's text, as stored on a CleanArticle (offsets into `text`). */
import type { ArticleEntity } from '@/lib/article';
import { findMentions, groupEntities } from './default-matcher';

export function entitiesOf(text: string): ArticleEntity[] {
  return groupEntities(findMentions(text));
}

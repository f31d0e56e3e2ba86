/** Entities of an article's text, as stored on a CleanArticle (wired to the matcher when present). */
import type { ArticleEntity } from '@/lib/article';

export function entitiesOf(_text: string): ArticleEntity[] {
  return [];
}

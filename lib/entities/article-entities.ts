/**
 * The entities of an article's text, as stored on a CleanArticle (offsets into `text`). Bounded:
 * the first MAX_MENTIONS mentions in the text are kept, then the MAX_ENTITIES most-mentioned
 * entities — a page stuffed with 20,000 name-shaped strings must not become an article of 20,000
 * entities that every later list, filter and export pays for. The user's corrections
 * (./corrections.ts) that apply where the article comes from are applied before grouping.
 */
import type { ArticleEntity } from '@/lib/article';
import { MAX_ENTITIES, MAX_MENTIONS } from '@/lib/limits';
import { applyCorrections, type Correction, type CorrectionContext } from './corrections';
import { findMentions, groupEntities } from './default-matcher';

export function entitiesOf(
  text: string,
  corrections: readonly Correction[] = [],
  where: CorrectionContext = { url: '', site: '' },
): ArticleEntity[] {
  const found = findMentions(text).slice(0, MAX_MENTIONS);
  const mentions = corrections.length
    ? applyCorrections(text, found, corrections, where).slice(0, MAX_MENTIONS)
    : found;
  return groupEntities(mentions).slice(0, MAX_ENTITIES);
}

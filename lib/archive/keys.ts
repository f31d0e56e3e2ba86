/** Search keys: the words stored in the multiEntry indexes (a query's words: ./search-query.ts). */
import { words } from '../text/vietnamese';

/** Longest word kept in an index (longer runs are not words a person searches for). */
const MAX_WORD_LENGTH = 64;

export type SearchMode = 'folded' | 'exact';

/** Distinct index words of an article's title, lead and text. */
export function indexWords(title: string, lead: string | null, text: string, mode: SearchMode): string[] {
  const all = words(`${title}\n${lead ?? ''}\n${text}`, mode);
  return [...new Set(all.filter((w) => w.length <= MAX_WORD_LENGTH))];
}

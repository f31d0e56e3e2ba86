/** Marks the entity mentions in the rendered article with lib/entities' highlighter (DOM calls only). */
import type { Mention } from '@/lib/article';
import { highlightEntities } from '@/lib/entities';

/** Highlight each root (lead, body) in place; returns the mentions marked ([] if highlighting failed: the legend still shows). */
export function highlightRoots(roots: readonly Element[]): Mention[] {
  const out: Mention[] = [];
  for (const root of roots) {
    try {
      out.push(...highlightEntities(root));
    } catch {
      // the article stays readable without highlights
    }
  }
  return out;
}

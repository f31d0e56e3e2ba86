/**
 * Mentions never overlap (conventions: tests/fixtures/entities-eval/README.md). The passes that
 * add mentions over the matcher's (events, organisations by their heads) keep the outermost: in
 * start order, the longer first, and of two with the same span the one from `first`; whatever
 * starts inside a kept mention is dropped. One sort and one sweep, whatever the page.
 */
import type { Mention } from '../article';

export function keepOutermost(first: readonly Mention[], then: readonly Mention[]): Mention[] {
  const all = [...first, ...then].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  let end = 0;
  for (const m of all) {
    if (m.start < end) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

/**
 * *Not the whole article?* (issue 12.5): the page's other candidates, in order — the CMS family's
 * rule, the generic path, the whole container — after the one the pipeline chose as usual. The
 * first look (./first-look.ts, cheap) says which candidates can differ; the pipeline runs again only
 * when the user asks for the next one, and a candidate that is not an article or reads the same as
 * what is shown is passed over. After the last one comes the usual choice again (the switch back).
 */
import type { CleanArticle } from '@/lib/article';
import { articleCandidate } from './first-look';
import { cleanDocument, type PipelineOptions } from './pipeline';
import { withPrefer, type Candidate } from './site-fixes';

/** What is shown: a candidate the user chose, or 'usual' (the pipeline's own choice). */
export type Shown = Candidate | 'usual';

/**
 * The candidates that can differ from the usual choice, in order: a family and the generic path
 * only come after a rule ahead of them (the host's own rule; the family before generic).
 */
export function candidateOrder(doc: Document, url: string): Candidate[] {
  const usual = articleCandidate(doc, url);
  if ('reason' in usual) return [];
  if (usual.id === 'generic') return ['container'];
  if (usual.fallback === 'family') return ['generic', 'container'];
  return ['family', 'generic', 'container'];
}

/**
 * The next candidate after `shown` whose article differs both from `current` and from the usual
 * choice's, or the usual choice itself when the cycle reaches it (null when nothing is an article).
 * `options.siteFix`'s own `prefer` is ignored: the order is the page's.
 */
export function nextCandidate(
  doc: Document,
  url: string,
  shown: Shown,
  current: CleanArticle,
  options: PipelineOptions = {},
): { shown: Shown; article: CleanArticle } | null {
  const { candidate: _ignored, ...rest } = options;
  const siteFix = rest.siteFix && withPrefer(rest.siteFix, undefined);
  const usual = cleanDocument(doc, url, { ...rest, siteFix });
  // what the user has already seen, or would see by switching back: not worth a candidate of its own
  const seen = new Set([current.text, ...(usual.isArticle ? [usual.text] : [])]);
  const cycle: Shown[] = ['usual', ...candidateOrder(doc, url)];
  const at = Math.max(0, cycle.indexOf(shown));
  for (let i = 1; i <= cycle.length; i++) {
    const next = cycle[(at + i) % cycle.length]!;
    if (next === 'usual') {
      if (usual.isArticle) return { shown: 'usual', article: usual };
      continue;
    }
    const result = cleanDocument(doc, url, { ...rest, siteFix, candidate: next });
    if (result.isArticle && !seen.has(result.text)) return { shown: next, article: result };
  }
  return null;
}

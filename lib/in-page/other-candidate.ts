/**
 * *Not the whole article?* in the toolbar (issue 12.5): show the page's next candidate
 * (lib/clean/candidates.ts: the family rule, the generic path, the whole container, then the
 * usual choice again) and remember the choice for the site (SiteFix.prefer), so the next article
 * of the site opens with it. Back at the usual choice, the site's choice is forgotten.
 */
import type { CleanArticle } from '@/lib/article';
import { nextCandidate, type Shown } from '@/lib/clean/candidates';
import { fixFor, withPrefer } from '@/lib/clean/site-fixes';
import { t, type MessageName } from '@/lib/i18n';
import { siteFixes } from '@/lib/settings/site-fixes';
import type { InPageState } from './main';

/** The toolbar's words for what is shown now. */
const LABEL: Record<Shown, MessageName> = {
  usual: 'otherCandidateUsual',
  family: 'otherCandidateFamily',
  generic: 'otherCandidateGeneric',
  container: 'otherCandidateContainer',
};

/** The next candidate's article (null: the page has no other), remembered for the site. */
export function switchCandidate(doc: Document, state: InPageState): CleanArticle | null {
  const current = state.article;
  if (!current) return null;
  const next = nextCandidate(doc, doc.location.href, state.shown ?? 'usual', current, { siteFix: state.siteFix });
  if (!next || (next.shown === (state.shown ?? 'usual') && next.article.text === current.text)) {
    state.toolbar?.setStatus(t('otherCandidateNone'));
    return null;
  }
  state.shown = next.shown;
  const prefer = next.shown === 'usual' ? undefined : next.shown;
  state.siteFix = withPrefer(state.siteFix, prefer);
  const site = current.site;
  void siteFixes
    .getValue()
    .then((all) => siteFixes.setValue({ ...all, [site]: withPrefer(fixFor(all, site), prefer) }))
    .then(() => state.toolbar?.setStatus(t(LABEL[next.shown], site), 'ok'))
    .catch(() => state.toolbar?.setStatus(t(LABEL[next.shown], site)));
  return next.article;
}

/**
 * The entity card's corrections (lib/entities/corrections.ts): *Not an entity* — in this
 * article, on this site or everywhere — and *Wrong entity*, which searches the gazetteer by name
 * (the background's searchEntities) and points the spelling at the entity picked. The
 * correction is stored (lib/settings/corrections.ts); the views watch the store and mark again.
 * Only trusted events count: a page cannot correct for the user.
 */
import type { Mention } from '@/lib/article';
import { siteOf, type CorrectionContext, type NewCorrection } from '@/lib/entities/corrections';
import { t } from '@/lib/i18n';
import type { EntitySummary } from '@/lib/messaging';
import { button, h } from './dom';
import { countryLabel, entityTypeLabel } from './entity-type-label';

export interface CorrectionActions {
  /** Where the article comes from (the scope of "this article" and "this site"). */
  where: CorrectionContext;
  /** Store a correction. */
  correct(correction: NewCorrection): Promise<void>;
  /** Gazetteer entities for a name (the background's searchEntities). */
  search(query: string): Promise<EntitySummary[]>;
}

/** How long typing pauses before the gazetteer is searched (ms). */
const SEARCH_DELAY_MS = 200;

export function correctionControls(doc: Document, mention: Mention, actions: CorrectionActions): HTMLElement {
  const status = h(doc, 'p', { className: 'vl-card-status', testid: 'correct-status', attrs: { role: 'status' } });
  const extra = h(doc, 'div', { className: 'vl-card-correct-more' });
  const done = (promise: Promise<void>) =>
    void promise.then(
      () => (status.textContent = t('correctionSaved')),
      () => (status.textContent = t('correctionFailed')),
    );
  const trusted = (run: () => void) => (e: MouseEvent) => {
    if (e.isTrusted) run();
  };

  // "This article": its canonical address when it names the same site (a page's claim about another
  // site counts for nothing, as on saving: lib/archive/identity.ts), else the address it was read at
  const { url, canonicalUrl } = actions.where;
  const articleUrl = canonicalUrl && siteOf(canonicalUrl) === siteOf(url) ? canonicalUrl : url;
  const scopes = () =>
    h(
      doc,
      'div',
      { className: 'vl-card-scopes', attrs: { role: 'group', 'aria-label': t('correctNotEntity') } },
      button(
        doc,
        t('correctScopeArticle'),
        trusted(() =>
          done(
            actions.correct({
              kind: 'not-entity',
              surface: mention.surface,
              scope: { kind: 'article', url: articleUrl },
            }),
          ),
        ),
        { testid: 'correct-scope-article' },
      ),
      actions.where.site
        ? button(
            doc,
            t('correctScopeSite', actions.where.site),
            trusted(() =>
              done(
                actions.correct({
                  kind: 'not-entity',
                  surface: mention.surface,
                  scope: { kind: 'site', site: actions.where.site },
                }),
              ),
            ),
            { testid: 'correct-scope-site' },
          )
        : null,
      button(
        doc,
        t('correctScopeEverywhere'),
        trusted(() =>
          done(actions.correct({ kind: 'not-entity', surface: mention.surface, scope: { kind: 'everywhere' } })),
        ),
        { testid: 'correct-scope-everywhere' },
      ),
    );

  const picker = () => {
    const input = h(doc, 'input', {
      className: 'vl-card-search',
      testid: 'correct-search',
      attrs: {
        type: 'search',
        'aria-label': t('correctSearchLabel'),
        placeholder: t('correctSearchLabel'),
        maxlength: '200',
      },
    });
    const results = h(doc, 'ul', { className: 'vl-card-results', testid: 'correct-results' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;
    const run = async () => {
      const mine = ++asked;
      const found = input.value.trim() ? await actions.search(input.value).catch(() => []) : [];
      if (mine !== asked) return; // a later search is on its way
      results.replaceChildren(
        ...(found.length || !input.value.trim()
          ? found.map((e) =>
              h(
                doc,
                'li',
                {},
                button(
                  doc,
                  `${e.name} · ${entityTypeLabel(e.type)} · ${countryLabel(e.country)}`,
                  trusted(() =>
                    done(
                      actions.correct({
                        kind: 'wrong-entity',
                        surface: mention.surface,
                        scope: { kind: 'everywhere' },
                        entityId: e.id,
                        type: e.type,
                        name: e.name,
                      }),
                    ),
                  ),
                  { testid: 'correct-result', attrs: { 'data-entity-id': e.id } },
                ),
              ),
            )
          : [h(doc, 'li', { className: 'vl-card-none', text: t('correctNoResult') })]),
      );
    };
    input.addEventListener('input', (e) => {
      if (!e.isTrusted) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), SEARCH_DELAY_MS);
    });
    return [input, results];
  };

  const open = (build: () => HTMLElement | HTMLElement[]) => {
    const made = build();
    extra.replaceChildren(...(Array.isArray(made) ? made : [made]));
    status.textContent = '';
    extra.querySelector<HTMLElement>('input, button')?.focus();
  };

  return h(
    doc,
    'div',
    { className: 'vl-card-correct', testid: 'correct' },
    h(
      doc,
      'div',
      { className: 'vl-card-actions' },
      button(
        doc,
        t('correctNotEntity'),
        trusted(() => open(scopes)),
        { testid: 'correct-not-entity' },
      ),
      button(
        doc,
        t('correctWrongEntity'),
        trusted(() => open(picker)),
        { testid: 'correct-wrong-entity' },
      ),
    ),
    extra,
    status,
  );
}

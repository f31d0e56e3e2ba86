/**
 * The options page's list of the user's corrections to the highlights (lib/settings/corrections.ts):
 * each says what it corrects and where, and can be edited (its spelling, its scope — narrower
 * to wider —, a mark's type) or removed. It follows the store, so a correction made in a tab
 * meanwhile shows up; the open views and the archive follow any change here.
 */
import type { EntityType } from '@/lib/article';
import type { Correction, CorrectionScope } from '@/lib/entities/corrections';
import { siteOf } from '@/lib/entities/corrections';
import { selectedName } from '@/lib/ui/mark-selection';
import { t } from '@/lib/i18n';
import { readCorrections, removeCorrection, replaceCorrection, watchCorrections } from '@/lib/settings/corrections';
import { button, h } from '@/lib/ui/dom';
import { entityTypeLabel } from '@/lib/ui/entity-type-label';

const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

export interface CorrectionsStore {
  read(): Promise<Correction[]>;
  watch(changed: (list: Correction[]) => void): () => void;
  remove(id: string): Promise<void>;
  replace(edited: Correction): Promise<void>;
}

const STORED: CorrectionsStore = {
  read: readCorrections,
  watch: watchCorrections,
  remove: removeCorrection,
  replace: replaceCorrection,
};

function scopeLabel(scope: CorrectionScope): string {
  if (scope.kind === 'article') return `${t('correctionScopeArticle')} (${scope.url})`;
  if (scope.kind === 'site') return t('correctionScopeSite', scope.site);
  return t('correctionScopeEverywhere');
}

function kindLabel(c: Correction): string {
  if (c.kind === 'not-entity') return t('correctionKindNotEntity');
  if (c.kind === 'wrong-entity') return t('correctionKindWrongEntity', c.name);
  return t('correctionKindMark', c.name ? `${entityTypeLabel(c.type)} (${c.name})` : entityTypeLabel(c.type));
}

/** The scopes a correction may take: its own and the wider ones. */
function scopesFor(scope: CorrectionScope): CorrectionScope[] {
  if (scope.kind === 'article') {
    const site = siteOf(scope.url);
    return [scope, ...(site ? [{ kind: 'site' as const, site }] : []), { kind: 'everywhere' }];
  }
  if (scope.kind === 'site') return [scope, { kind: 'everywhere' }];
  return [scope];
}

function item(doc: Document, c: Correction, store: CorrectionsStore, say: (text: string) => void): HTMLElement {
  const surface = h(doc, 'input', {
    testid: 'correction-surface',
    attrs: { type: 'text', 'aria-label': t('correctionSurface'), maxlength: '200' },
  });
  surface.value = c.surface;
  const scopes = scopesFor(c.scope);
  const scope = h(doc, 'select', { testid: 'correction-scope', attrs: { 'aria-label': t('correctionScope') } });
  scopes.forEach((s, i) => scope.append(h(doc, 'option', { text: scopeLabel(s), attrs: { value: String(i) } })));
  const type =
    c.kind === 'mark'
      ? h(doc, 'select', { testid: 'correction-type', attrs: { 'aria-label': t('markTypeLabel') } })
      : null;
  for (const ty of type ? TYPES : [])
    type!.append(h(doc, 'option', { text: entityTypeLabel(ty), attrs: { value: ty } }));
  if (type && c.kind === 'mark') type.value = c.type;

  const save = button(
    doc,
    t('correctionSave'),
    () => {
      const spelling = selectedName(surface.value);
      if (!spelling) return say(t('correctionFailed'));
      const next: Correction = { ...c, surface: spelling, scope: scopes[Number(scope.value)] ?? c.scope };
      if (next.kind === 'mark') next.type = TYPES.find((ty) => ty === type?.value) ?? next.type;
      void store.replace(next).then(
        () => say(t('correctionSaved')),
        () => say(t('correctionFailed')),
      );
    },
    { className: 'btn', testid: 'correction-save' },
  );
  const remove = button(
    doc,
    t('optionsRemove'),
    () =>
      void store.remove(c.id).then(
        () => say(t('correctionRemoved')),
        () => say(t('correctionFailed')),
      ),
    { className: 'btn', testid: 'correction-remove' },
  );
  const row = h(
    doc,
    'li',
    { className: 'correction', testid: 'correction' },
    h(doc, 'span', {
      className: 'correction-what',
      text: `“${c.surface}” — ${kindLabel(c)} — ${scopeLabel(c.scope)}`,
      isolate: true,
    }),
    h(doc, 'span', { className: 'correction-edit' }, surface, scope, type, save, remove),
  );
  row.dataset.id = c.id;
  row.dataset.kind = c.kind;
  return row;
}

export async function correctionsSection(doc: Document, store: CorrectionsStore = STORED): Promise<HTMLElement> {
  const list = h(doc, 'ul', { className: 'corrections', testid: 'corrections' });
  const status = h(doc, 'p', {
    className: 'status',
    testid: 'corrections-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const say = (text: string) => void (status.textContent = text);
  const render = (all: readonly Correction[]) => {
    list.replaceChildren(
      ...(all.length
        ? [...all].reverse().map((c) => item(doc, c, store, say)) // the latest first
        : [h(doc, 'li', { className: 'empty', text: t('optionsNoCorrections') })]),
    );
  };
  render(await store.read().catch(() => []));
  store.watch(render);
  return h(
    doc,
    'section',
    { testid: 'corrections-section' },
    h(doc, 'h2', { text: t('optionsCorrections') }),
    h(doc, 'p', { className: 'hint', text: t('optionsCorrectionsHint') }),
    list,
    status,
  );
}

/**
 * *Mark as entity* in a view (the in-page view, the reader page): text selected in the article
 * becomes a correction of kind `mark` (lib/entities/corrections.ts) with the type chosen,
 * everywhere. The selection is read when the user lets go of it inside the article (a closed
 * shadow root keeps its selection to itself in Chromium: ShadowRoot.getSelection), and kept, since
 * pressing the button may clear it. Only trusted events count.
 */
import type { EntityType } from '@/lib/article';
import { MAX_SURFACE_LENGTH } from '@/lib/entities/correction-check';
import type { NewCorrection } from '@/lib/entities/corrections';
import { t } from '@/lib/i18n';
import { button, h } from './dom';
import { entityTypeLabel } from './entity-type-label';

const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

/** The selection of the tree `node` is in (its shadow root's, where the browser has one). */
function selectionText(node: Node): string {
  const root = node.getRootNode();
  const own =
    'getSelection' in root && typeof root.getSelection === 'function'
      ? (root.getSelection() as Selection | null)
      : null;
  return (own ?? node.ownerDocument?.getSelection() ?? null)?.toString() ?? '';
}

/** A name, as selected: one line, spaces collapsed, not too long; null otherwise. */
export function selectedName(text: string): string | null {
  const name = text.replace(/\s+/g, ' ').trim();
  return name && !/[\r\n]/.test(text.trim()) && name.length <= MAX_SURFACE_LENGTH && /[\p{L}\p{N}]/u.test(name)
    ? name
    : null;
}

export function markSelectionControl(
  article: HTMLElement,
  correct: (correction: NewCorrection) => Promise<void>,
): HTMLElement {
  const doc = article.ownerDocument;
  let selected: string | null = null;
  const type = h(doc, 'select', { testid: 'mark-type', attrs: { 'aria-label': t('markTypeLabel') } });
  for (const ty of TYPES) type.append(h(doc, 'option', { text: entityTypeLabel(ty), attrs: { value: ty } }));
  const status = h(doc, 'span', { className: 'vl-mark-status', testid: 'mark-status', attrs: { role: 'status' } });
  const go = button(
    doc,
    t('markAsEntity'),
    (e) => {
      if (!e.isTrusted || !selected) return;
      const chosen = TYPES.find((ty) => ty === type.value) ?? 'ORG';
      void correct({ kind: 'mark', surface: selected, type: chosen, scope: { kind: 'everywhere' } }).then(
        () => (status.textContent = t('correctionSaved')),
        () => (status.textContent = t('correctionFailed')),
      );
    },
    { testid: 'mark-selection', className: 'vl-mark-button' },
  );
  go.disabled = true;
  const read = (e: Event) => {
    if (!e.isTrusted) return;
    selected = selectedName(selectionText(article));
    go.disabled = selected === null;
    go.title = selected ?? '';
    status.textContent = '';
  };
  article.addEventListener('mouseup', read);
  article.addEventListener('keyup', read);
  return h(doc, 'div', { className: 'vl-mark', testid: 'mark' }, go, type, status);
}

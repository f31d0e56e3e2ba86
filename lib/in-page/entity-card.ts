/**
 * The card shown when a highlighted mention is hovered or focused: canonical name, type,
 * country, description and the spellings seen on this page. Gazetteer details come from the
 * background (they are not bundled into the content script, which runs on every page).
 */
import type { EntityType } from '@/lib/article';
import { t, uiLang } from '@/lib/i18n';
import { sendMessage, type EntityDetails } from '@/lib/messaging';
import { h } from '@/lib/ui/dom';
import { entityTypeLabel } from '@/lib/ui/entity-types';

const COUNTRY: Record<string, () => string> = {
  VN: () => t('countryVN'),
  LA: () => t('countryLA'),
  both: () => t('countryBoth'),
  other: () => t('countryOther'),
};

function spellingsSeen(article: HTMLElement, id: string): string[] {
  const seen = new Set<string>();
  for (const mark of article.querySelectorAll<HTMLElement>('mark.vl-entity')) {
    if (mark.dataset.entityId === id) seen.add((mark.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  return [...seen];
}

export function attachEntityCard(article: HTMLElement): void {
  const doc = article.ownerDocument;
  const card = h(doc, 'div', { className: 'vl-card', testid: 'entity-card', attrs: { role: 'tooltip' } });
  card.hidden = true;
  article.append(card);
  const cache = new Map<string, Promise<EntityDetails | null>>();
  let current: HTMLElement | null = null;

  const show = async (mark: HTMLElement) => {
    const id = mark.dataset.entityId ?? '';
    current = mark;
    if (!cache.has(id))
      cache.set(
        id,
        sendMessage('entityDetails', id).catch(() => null),
      );
    const details = await cache.get(id)!;
    if (current !== mark) return;
    const type = (mark.dataset.entityType ?? 'ORG') as EntityType;
    const lang = uiLang();
    const name = details?.name ?? mark.textContent ?? '';
    const lines: (HTMLElement | null)[] = [
      h(doc, 'p', { className: 'vl-card-name', text: name }),
      h(doc, 'p', {
        className: 'vl-card-type',
        text: [entityTypeLabel(type), details ? COUNTRY[details.country]?.() : t('entityUnlisted')]
          .filter(Boolean)
          .join(' · '),
      }),
      details
        ? h(doc, 'p', {
            className: 'vl-card-desc',
            text: lang === 'vi' ? details.descriptionVi : details.descriptionEn,
          })
        : null,
      mark.dataset.entityTitle
        ? h(doc, 'p', { className: 'vl-card-title', text: `${t('entityTitle')}: ${mark.dataset.entityTitle}` })
        : null,
      h(doc, 'p', { className: 'vl-card-seen', text: `${t('entitySeen')}: ${spellingsSeen(article, id).join(' · ')}` }),
    ];
    card.replaceChildren(...lines.filter((l): l is HTMLElement => l !== null));
    const box = mark.getBoundingClientRect();
    const host = article.getBoundingClientRect();
    card.style.top = `${box.bottom - host.top + 6}px`;
    card.style.left = `${Math.max(0, Math.min(box.left - host.left, host.width - 320))}px`;
    card.hidden = false;
  };
  const hide = (mark: HTMLElement) => {
    if (current !== mark) return;
    current = null;
    card.hidden = true;
  };
  const markOf = (e: Event) =>
    e.target instanceof Element ? (e.target.closest('mark.vl-entity') as HTMLElement | null) : null;
  article.addEventListener('mouseover', (e) => {
    const m = markOf(e);
    if (m) void show(m);
  });
  article.addEventListener('mouseout', (e) => {
    const m = markOf(e);
    if (m) hide(m);
  });
  article.addEventListener('focusin', (e) => {
    const m = markOf(e);
    if (m) void show(m);
  });
  article.addEventListener('focusout', (e) => {
    const m = markOf(e);
    if (m) hide(m);
  });
  article.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && current) hide(current);
  });
}

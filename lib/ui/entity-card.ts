/**
 * The entity card, shown when one of our marks is hovered or focused: canonical name, type,
 * country, description, how sure a link by pronunciation is (a spelling the gazetteer does not
 * list), the title written before the name and the spellings in this article; for a listed
 * entity, a way to its page on the analysis page.
 * Gazetteer details come from the background (entityDetails): neither the content script nor the
 * reader page carries the gazetteer. The card believes only what our code recorded: `mentionOf`
 * answers for marks the extension made (not elements the page added, nor marks whose id the page
 * changed), and events the page dispatched (`!isTrusted`) are ignored.
 */
import type { LinkConfidence, Mention } from '@/lib/article';
import { t, uiLang } from '@/lib/i18n';
import { sendMessage, type EntityDetails } from '@/lib/messaging';
import { button, h } from './dom';
import { correctionControls, type CorrectionActions } from './correction-controls';
import { entityTypeLabel } from './entity-type-label';

/** How long the card stays after the pointer leaves a mark, so it can reach the card's buttons (ms). */
const LEAVE_GRACE_MS = 300;

const COUNTRY: Record<string, () => string> = {
  VN: () => t('countryVN'),
  LA: () => t('countryLA'),
  both: () => t('countryBoth'),
  other: () => t('countryOther'),
};

/** How sure a link by pronunciation is, in the user's words. */
const CONFIDENCE: Record<LinkConfidence, () => string> = {
  exact: () => t('linkConfidenceExact'),
  phonetic: () => t('linkConfidencePhonetic'),
  near: () => t('linkConfidenceNear'),
};

export interface EntityCardSource {
  /** The mention behind a mark our code made, or undefined for anything else. */
  mentionOf(mark: Element): Mention | undefined;
  /** The spellings of an entity among the marked mentions. */
  spellings(id: string): string[];
  /** Gazetteer details (default: the background's entityDetails). */
  details?: (id: string) => Promise<EntityDetails | null>;
  /** The card's *Not an entity* and *Wrong entity* (none: the card only shows). */
  corrections?: CorrectionActions;
  /** Open a listed entity's page on the analysis page (none: no such button). */
  openEntityPage?: (id: string) => void;
}

export interface EntityCard {
  readonly element: HTMLElement;
  hide(): void;
}

export function attachEntityCard(article: HTMLElement, source: EntityCardSource): EntityCard {
  const doc = article.ownerDocument;
  const card = h(doc, 'div', { className: 'vl-card', testid: 'entity-card', attrs: { role: 'tooltip' } });
  card.hidden = true;
  article.append(card);
  const ask = source.details ?? ((id: string) => sendMessage('entityDetails', id));
  const cache = new Map<string, Promise<EntityDetails | null>>();
  let current: Element | null = null;

  const show = async (mark: Element, mention: Mention) => {
    const id = mention.entityId;
    current = mark;
    if (!cache.has(id))
      cache.set(
        id,
        ask(id).catch(() => null),
      );
    const details = await cache.get(id)!;
    if (current !== mark) return;
    const lines: (HTMLElement | null)[] = [
      h(doc, 'p', { className: 'vl-card-name', text: details?.name ?? mention.surface, isolate: true }),
      h(doc, 'p', {
        className: 'vl-card-type',
        text: [entityTypeLabel(mention.type), details ? COUNTRY[details.country]?.() : t('entityUnlisted')]
          .filter(Boolean)
          .join(' · '),
      }),
      details
        ? h(doc, 'p', {
            className: 'vl-card-desc',
            text: uiLang() === 'vi' ? details.descriptionVi : details.descriptionEn,
          })
        : null,
      mention.confidence && CONFIDENCE[mention.confidence]
        ? h(doc, 'p', {
            className: 'vl-card-link',
            text: t('entityLinkedBySound', CONFIDENCE[mention.confidence]()),
          })
        : null,
      mention.title
        ? h(
            doc,
            'p',
            { className: 'vl-card-title' },
            `${t('entityTitle')}: `,
            h(doc, 'span', { text: mention.title, isolate: true }),
          )
        : null,
      h(
        doc,
        'p',
        { className: 'vl-card-seen' },
        `${t('entitySeen')}: `,
        ...source
          .spellings(id)
          .flatMap((spelling, i) => [i > 0 ? ' · ' : null, h(doc, 'span', { text: spelling, isolate: true })]),
      ),
      details && source.openEntityPage
        ? h(
            doc,
            'p',
            { className: 'vl-card-open' },
            button(doc, t('entityOpenAnalysis'), (e) => e.isTrusted && source.openEntityPage!(id), {
              className: 'vl-card-action',
              testid: 'entity-analysis',
            }),
          )
        : null,
      source.corrections ? correctionControls(doc, mention, source.corrections) : null,
    ];
    card.replaceChildren(...lines.filter((l): l is HTMLElement => l !== null));
    const box = mark.getBoundingClientRect();
    const host = article.getBoundingClientRect();
    card.style.top = `${box.bottom - host.top + 6}px`;
    card.style.left = `${Math.max(0, Math.min(box.left - host.left, host.width - 320))}px`;
    card.hidden = false;
  };
  let leaving: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    clearTimeout(leaving);
    current = null;
    card.hidden = true;
  };
  const NodeOf = doc.defaultView?.Node; // (the view's own window: the in-page view's document is the page's)
  const inCard = (node: EventTarget | null) => !!NodeOf && node instanceof NodeOf && card.contains(node);
  /** Our mark under a trusted event, with its recorded mention. */
  const ours = (e: Event): [Element, Mention] | null => {
    const target = e.target as Element | null;
    if (!e.isTrusted || target?.nodeType !== 1) return null;
    const mark = target.closest('mark.vl-entity');
    const mention = mark ? source.mentionOf(mark) : undefined;
    return mark && mention ? [mark, mention] : null;
  };
  const enter = (e: Event) => {
    const found = ours(e);
    if (!found) return;
    clearTimeout(leaving);
    if (current !== found[0]) void show(...found);
  };
  // Into the card (its buttons): it stays. The pointer gets a moment to cross to it; focus does not need one.
  const leave = (e: MouseEvent | FocusEvent) => {
    const found = ours(e);
    if (!found || current !== found[0] || inCard(e.relatedTarget)) return;
    if (e.type === 'focusout') return hide();
    clearTimeout(leaving);
    leaving = setTimeout(hide, LEAVE_GRACE_MS);
  };
  card.addEventListener('mouseover', (e) => {
    if (e.isTrusted) clearTimeout(leaving);
  });
  card.addEventListener('mouseout', (e) => {
    if (!e.isTrusted || inCard(e.relatedTarget) || (current && e.relatedTarget === current)) return;
    clearTimeout(leaving);
    leaving = setTimeout(hide, LEAVE_GRACE_MS);
  });
  card.addEventListener('focusout', (e) => {
    if (e.isTrusted && !inCard(e.relatedTarget) && e.relatedTarget !== current) hide();
  });
  article.addEventListener('mouseover', enter);
  article.addEventListener('focusin', enter);
  article.addEventListener('mouseout', leave);
  article.addEventListener('focusout', leave);
  article.addEventListener('keydown', (e) => {
    if (e.isTrusted && e.key === 'Escape' && current) hide();
  });
  return { element: card, hide };
}

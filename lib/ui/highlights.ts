/**
 * Entity highlighting, one feature for the in-page view and the reader page: the article's own
 * text (CleanArticle.text, never the view's DOM, which a page can edit) goes to the background's
 * one matcher (message findMentions; the gazetteer is bundled nowhere else), the mentions found
 * are mapped onto the view's text nodes and marked (./marks), and a panel holds the switch, notes
 * and the legend built from the same marked mentions (./legend). Choosing a legend entry steps to
 * the entity's next mention ("‹": the previous one) and flashes it; hovering or focusing a mark
 * shows the entity card (./entity-card).
 *
 * Bounded: at most MAX_MATCH_CHARS characters are sent (the panel says when the article was
 * longer), at most MAX_VIEW_MARKS mentions are marked (the panel says when there were more), and
 * a view has at most one request in flight. The controls ignore events the page dispatched
 * (`!isTrusted`), and only marks our code made (recorded in a WeakMap) count as mentions.
 */
import type { Mention } from '@/lib/article';
import { t, uiLang } from '@/lib/i18n';
import { MAX_MATCH_CHARS, MAX_VIEW_MARKS } from '@/lib/limits';
import {
  applyCorrections,
  siteOf,
  type Correction,
  type CorrectionContext,
  type NewCorrection,
} from '@/lib/entities/corrections';
import { sendMessage, type EntityDetails, type EntitySummary, type MentionsOutcome } from '@/lib/messaging';
import { addUserCorrection, readCorrections, watchCorrections } from '@/lib/settings/corrections';
import { button, h } from './dom';
import { attachEntityCard } from './entity-card';
import { entitiesFromMentions, legendGroups, renderLegend, type Step } from './legend';
import { markArticle, removeHighlights, unwrapMarks, type MarkedMention } from './marks';
import { markSelectionControl } from './mark-selection';

/** How long a mention stepped to stays flashed (the vl-flash animation in assets/article.css lasts as long). */
export const FLASH_MS = 1600;

export interface HighlightControls {
  readonly panel: HTMLElement;
  readonly on: boolean;
  /** The mentions marked now, offsets into the article's text: what the legend counts. */
  readonly mentions: readonly Mention[];
  /** Turn the marks (and the legend) off, or on again. */
  set(on: boolean): void;
  /** Move to an entity's next (1) or previous (-1) mention: scroll to it, focus it and flash it. */
  step(id: string, step: Step): void;
}

export interface HighlightOptions {
  /** Mentions in a text (default: the background's findMentions). */
  find?: (text: string) => Promise<MentionsOutcome>;
  /** Gazetteer details for the card (default: the background's entityDetails). */
  details?: (id: string) => Promise<EntityDetails | null>;
  /** Where the article comes from, for the user's corrections of one article or one site. */
  where?: CorrectionContext;
  /** The user's corrections (default: the stored ones, lib/settings/corrections.ts). */
  corrections?: CorrectionStore;
  /** Gazetteer search for the card's *Wrong entity* (default: the background's searchEntities). */
  search?: (query: string) => Promise<EntitySummary[]>;
}

/** Where the corrections are read, followed and added. */
export interface CorrectionStore {
  read(): Promise<Correction[]>;
  /** Call `changed` on every change; returns the unwatch. */
  watch(changed: (list: Correction[]) => void): () => void;
  add(correction: NewCorrection): Promise<Correction[]>;
}

const STORED: CorrectionStore = { read: readCorrections, watch: watchCorrections, add: addUserCorrection };

/** One marked mention and the marks made for it (more than one when inline markup splits it). */
type Marked = MarkedMention;

const count = (n: number) => n.toLocaleString(uiLang() === 'vi' ? 'vi-VN' : 'en-GB');

/** The lead and body of a rendered article (lib/ui/article-view.ts), where mentions are marked. */
function rootsOf(article: HTMLElement): Element[] {
  return [article.querySelector('.vl-lead'), article.querySelector('.vl-body')].filter((e): e is Element => e !== null);
}

/**
 * Highlight `text` (the article's own text) in `article` (its rendering: renderArticle) and
 * return the controls; `panel` is not placed: the caller puts it beside the article.
 */
export async function applyHighlights(
  article: HTMLElement,
  text: string,
  options: HighlightOptions = {},
): Promise<HighlightControls> {
  const doc = article.ownerDocument;
  const roots = rootsOf(article); // taken now, while the view is ours alone
  const find = options.find ?? ((sent: string) => sendMessage('findMentions', sent));
  const sent = text.slice(0, MAX_MATCH_CHARS);

  let answer: MentionsOutcome | null = null;
  let asking: Promise<MentionsOutcome | null> | null = null;
  /** The background's answer, asked once (again only after a failure), never twice at a time. */
  const mentionsOnce = (): Promise<MentionsOutcome | null> => {
    if (answer?.ok) return Promise.resolve(answer);
    asking ??= find(sent)
      .catch(() => null)
      .then((a) => {
        answer = a;
        asking = null;
        return a;
      });
    return asking;
  };

  const where: CorrectionContext = options.where ?? { url: doc.location.href, site: siteOf(doc.location.href) };
  const store = options.corrections ?? STORED;
  let corrections: Correction[] = await store.read().catch(() => []);
  /** The background's mentions with the user's corrections applied (./lib/entities/corrections.ts). */
  const corrected = (a: MentionsOutcome & { ok: true }) => applyCorrections(sent, a.mentions, corrections, where);

  const ours = new WeakMap<Element, Mention>();
  let marked: Marked[] = [];
  let byEntity = new Map<string, Marked[]>();
  const position = new Map<string, number>();
  let flashed: HTMLElement[] = [];
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let on = true;

  const unmark = () => {
    const made = marked.flatMap((m) => m.marks);
    for (const el of made) ours.delete(el);
    unwrapMarks(made); // ours, even where the page changed their class
    for (const root of roots) removeHighlights(root);
    marked = [];
    byEntity = new Map();
    position.clear();
    article.dataset.highlights = '0';
  };

  const mark = (found: readonly Mention[]) => {
    unmark();
    for (const entry of markArticle(text, found, roots)) {
      for (const el of entry.marks) ours.set(el, entry.mention);
      marked.push(entry);
      const list = byEntity.get(entry.mention.entityId);
      if (list) list.push(entry);
      else byEntity.set(entry.mention.entityId, [entry]);
    }
    article.dataset.highlights = String(marked.length);
  };

  const toggle = button(doc, t('highlightsOff'), (e) => e.isTrusted && controls.set(!on), {
    className: 'vl-highlights-toggle',
    testid: 'highlights-toggle',
    attrs: { 'aria-pressed': 'true' },
  });
  const notes = h(doc, 'div', { className: 'vl-panel-notes' });
  let legend = renderLegend(doc, [], () => undefined);
  const panel = h(doc, 'div', { className: 'vl-panel', testid: 'entity-panel' }, toggle, notes, legend);

  /** Notes and legend from the answer and the marks now in the view. */
  const describe = (a: MentionsOutcome | null) => {
    const lines: string[] = [];
    if (!a?.ok) lines.push(t('highlightsUnavailable'));
    if (text.length > MAX_MATCH_CHARS || (a?.ok && a.trimmed))
      lines.push(t('highlightsTrimmed', count(MAX_MATCH_CHARS)));
    if (a?.ok && corrected(a).length > MAX_VIEW_MARKS) lines.push(t('highlightsCapped', count(MAX_VIEW_MARKS)));
    notes.replaceChildren(
      ...lines.map((line) => h(doc, 'p', { className: 'vl-panel-note', testid: 'highlights-note', text: line })),
    );
    const next = renderLegend(
      doc,
      legendGroups(entitiesFromMentions(marked.map((m) => m.mention))),
      (id, step, e) => e.isTrusted && controls.step(id, step),
    );
    legend.replaceWith(next);
    legend = next;
  };

  const card = attachEntityCard(article, {
    mentionOf: (el) => {
      const m = ours.get(el);
      return m && el.getAttribute('data-entity-id') === m.entityId ? m : undefined;
    },
    spellings: (id) => [...new Set((byEntity.get(id) ?? []).map((m) => m.mention.surface.replace(/\s+/g, ' ')))],
    details: options.details,
    openEntityPage: (id) => void sendMessage('openEntityPage', id).catch(() => undefined),
    corrections: {
      where,
      correct: async (c) => {
        corrections = await store.add(c);
        refresh();
      },
      search: options.search ?? ((q) => sendMessage('searchEntities', q)),
    },
  });
  const markControl = markSelectionControl(article, async (c) => {
    corrections = await store.add(c);
    refresh();
  });
  panel.insertBefore(markControl, legend);

  /** Mark again with the corrections as they are now (a correction here, or in another tab or options). */
  const refresh = () => {
    if (!on || !answer?.ok) return;
    card.hide();
    mark(corrected(answer));
    describe(answer);
  };
  const unwatch = store.watch((list) => {
    corrections = list;
    refresh();
  });
  // the view gone (the clean view turned off, the page left): stop following the store
  doc.defaultView?.addEventListener('pagehide', () => unwatch(), { once: true });

  const unflash = () => {
    clearTimeout(flashTimer);
    for (const el of flashed) el.classList.remove('vl-flash');
    flashed = [];
  };

  const first = await mentionsOnce();
  if (first?.ok) mark(corrected(first));
  describe(first);

  const controls: HighlightControls = {
    panel,
    get on() {
      return on;
    },
    get mentions() {
      return marked.map((m) => m.mention);
    },
    set(next) {
      if (next === on) return;
      on = next;
      toggle.textContent = on ? t('highlightsOff') : t('highlightsOn');
      toggle.setAttribute('aria-pressed', String(on));
      legend.hidden = !on;
      if (!on) {
        unflash();
        card.hide();
        unmark();
        return;
      }
      void mentionsOnce().then((a) => {
        if (!on) return;
        if (a?.ok) mark(corrected(a));
        describe(a);
      });
    },
    step(id, step) {
      const list = byEntity.get(id);
      if (!on || !list?.length) return;
      const at = position.get(id);
      const i = at === undefined ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
      position.set(id, i);
      const pieces = list[i]!.marks.filter((el) => el.isConnected);
      if (pieces.length === 0) return;
      unflash();
      pieces[0]!.scrollIntoView({ behavior: 'smooth', block: 'center' });
      pieces[0]!.focus({ preventScroll: true });
      for (const el of pieces) el.classList.add('vl-flash');
      flashed = pieces;
      flashTimer = setTimeout(unflash, FLASH_MS);
    },
  };
  return controls;
}

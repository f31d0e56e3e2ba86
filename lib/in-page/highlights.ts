/**
 * Entity highlights in the in-page clean view: mentions wrapped with DOM calls (lib/entities),
 * found by the background's matcher (built once per browser start; the gazetteer is not
 * bundled into the content script, which runs on every news page),
 * a legend panel (entities by type with counts; choosing one steps through its mentions),
 * a card on hover or keyboard focus, and one switch that removes every highlight again.
 */
import type { Mention } from '@/lib/article';
import { collect, removeHighlights, wrapMentions } from '@/lib/entities/highlight';
import { sendMessage } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { entitiesFromMentions, legendGroups, renderLegend } from '@/lib/ui/legend';
import { button, h } from '@/lib/ui/dom';
import { attachEntityCard } from './entity-card';

export interface HighlightControls {
  readonly panel: HTMLElement;
  readonly on: boolean;
  set(on: boolean): void;
}

function roots(article: HTMLElement): Element[] {
  return [article.querySelector('.vl-lead'), article.querySelector('.vl-body')].filter((e): e is Element => e !== null);
}

async function highlightAll(article: HTMLElement): Promise<Mention[]> {
  const targets = roots(article);
  for (const root of targets) removeHighlights(root);
  const collected = targets.map(collect);
  const found = await sendMessage(
    'findMentions',
    collected.map((c) => c.text),
  );
  collected.forEach((c, i) => wrapMentions(c, found[i] ?? []));
  return found.flat();
}

/** Each choice of a legend entry moves to that entity's next mention. */
function stepper(article: HTMLElement): (id: string) => void {
  const position = new Map<string, number>();
  return (id) => {
    const marks = [...article.querySelectorAll<HTMLElement>('mark.vl-entity')].filter((m) => m.dataset.entityId === id);
    if (marks.length === 0) return;
    const next = ((position.get(id) ?? -1) + 1) % marks.length;
    position.set(id, next);
    const mark = marks[next]!;
    mark.scrollIntoView({ behavior: 'smooth', block: 'center' });
    mark.focus({ preventScroll: true });
    mark.classList.add('vl-flash');
    setTimeout(() => mark.classList.remove('vl-flash'), 1200);
  };
}

export async function applyHighlights(article: HTMLElement): Promise<HighlightControls> {
  const doc = article.ownerDocument;
  const mentions = await highlightAll(article);
  const legend = renderLegend(doc, legendGroups(entitiesFromMentions(mentions)), stepper(article));
  let on = true;
  const toggle = button(doc, t('highlightsOff'), () => controls.set(!on), {
    className: 'vl-highlights-toggle',
    testid: 'highlights-toggle',
    attrs: { 'aria-pressed': 'true' },
  });
  const panel = h(doc, 'div', { className: 'vl-panel', testid: 'entity-panel' }, toggle, legend);
  article.dataset.highlights = String(mentions.length);
  attachEntityCard(article);

  const controls: HighlightControls = {
    panel,
    get on() {
      return on;
    },
    set(next) {
      if (next === on) return;
      on = next;
      if (on) void highlightAll(article);
      else for (const root of roots(article)) removeHighlights(root);
      legend.hidden = !on;
      toggle.textContent = on ? t('highlightsOff') : t('highlightsOn');
      toggle.setAttribute('aria-pressed', String(on));
    },
  };
  return controls;
}

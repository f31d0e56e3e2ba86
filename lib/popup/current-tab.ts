/**
 * The popup's top card: the current tab's state (via the content script) with "Lưu bài này"
 * (saved by the background) and the clean view / original page switch.
 * Opened as a normal tab (`popup.html?tabId=N`, for tests), it works on tab N instead.
 */
import { browser } from 'wxt/browser';
import { OVER_BUDGET } from '@/lib/article';
import { t, uiLang } from '@/lib/i18n';
import { MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_CHARS } from '@/lib/limits';
import { formatCount } from './numbers';
import { stripBidiControls } from '@/lib/text/bidi';
import { sendMessage, type PageState, type SaveOutcome } from '@/lib/messaging';
import { button, h } from '@/lib/ui/dom';

/** The tab the popup acts on: `?tabId=N` when given, else the active tab of the current window. */
export async function targetTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function saveMessage(outcome: SaveOutcome): string {
  if (!outcome.ok) return `${t('saveFailed')}: ${outcome.message}`;
  return t(
    outcome.status === 'added' ? 'savedAdded' : outcome.status === 'updated' ? 'savedUpdated' : 'savedUnchanged',
  );
}

async function pageState(tabId: number | null): Promise<PageState | null> {
  if (tabId === null) return null;
  try {
    return await sendMessage('getPageState', undefined, tabId);
  } catch {
    return null; // no content script there: a browser page, an unsupported site, still loading
  }
}

/** Fill `card` with the tab's state; `onSaved` runs after a successful save (to refresh the list). */
export async function renderCurrentTab(card: HTMLElement, tabId: number | null, onSaved: () => void): Promise<void> {
  const doc = card.ownerDocument;
  const state = await pageState(tabId);
  card.replaceChildren(h(doc, 'p', { className: 'card-label', text: t('popupCurrentTab') }));
  if (tabId === null) {
    card.append(h(doc, 'p', { className: 'card-note', text: t('popupTabUnavailable'), testid: 'tab-state' }));
    card.dataset.state = 'unavailable';
    return;
  }
  const url = state?.url ?? (await browser.tabs.get(tabId).catch(() => null))?.url;
  if (!state && url !== undefined && !/^https?:/.test(url)) {
    // A browser or extension page: nothing to clean there.
    card.append(h(doc, 'p', { className: 'card-note', text: t('popupTabUnavailable'), testid: 'tab-state' }));
    card.dataset.state = 'unavailable';
    return;
  }
  if (!state || !state.ran) {
    // Not a site cleaned automatically (or the in-page view is not running there): offer to clean it now.
    const note = h(doc, 'p', {
      className: 'card-note',
      text: state ? t('popupNotCleaned') : t('popupTabUnavailable'),
      testid: 'tab-state',
    });
    const clean = button(
      doc,
      t('popupCleanThis'),
      async () => {
        clean.disabled = true;
        const result = await sendMessage('cleanTab', tabId).catch((e: unknown) => ({ error: String(e) }));
        if ('error' in result) {
          note.textContent = stripBidiControls(result.error);
          clean.disabled = false;
          return;
        }
        await renderCurrentTab(card, tabId, onSaved);
      },
      { className: 'btn btn-primary', testid: 'clean-tab' },
    );
    card.append(note, h(doc, 'div', { className: 'card-actions' }, clean));
    card.dataset.state = state ? 'not-cleaned' : 'unavailable';
    return;
  }
  if (!state.isArticle) {
    const note =
      state.reason === OVER_BUDGET
        ? t('pageTooLarge', [formatCount(MAX_PAGE_ELEMENTS, uiLang()), formatCount(MAX_PAGE_TEXT_CHARS, uiLang())])
        : t('noArticle');
    card.append(h(doc, 'p', { className: 'card-note', text: note, testid: 'tab-state' }));
    card.dataset.state = 'not-article';
    return;
  }
  card.dataset.state = 'article';
  const status = h(doc, 'p', {
    className: 'card-status',
    testid: 'tab-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const save = button(
    doc,
    t('popupSaveThis'),
    async () => {
      save.disabled = true;
      status.className = 'card-status';
      status.textContent = t('saving');
      const outcome: SaveOutcome = await sendMessage('saveTab', tabId).catch(
        (e: unknown) => ({ ok: false, code: 'storage', message: String(e) }) as const,
      );
      save.disabled = false;
      status.textContent = stripBidiControls(saveMessage(outcome));
      status.className = `card-status ${outcome.ok ? 'ok' : 'error'}`;
      if (outcome.ok) onSaved();
    },
    { className: 'btn btn-primary', testid: 'save-tab' },
  );
  const toggle = button(
    doc,
    '',
    async () => {
      const clean = toggle.getAttribute('aria-checked') === 'true';
      const next = await sendMessage('setCleanView', !clean, tabId).catch(() => null);
      if (next) setToggle(next.clean);
    },
    { className: 'btn', testid: 'toggle-clean', attrs: { role: 'switch' } },
  );
  const setToggle = (clean: boolean) => {
    toggle.setAttribute('aria-checked', String(clean));
    toggle.textContent = clean ? t('toggleOriginal') : t('toggleClean');
  };
  setToggle(state.clean);
  card.append(
    h(doc, 'p', { className: 'card-title', text: state.title ?? state.url, testid: 'tab-title', isolate: true }),
    h(doc, 'div', { className: 'card-actions' }, save, toggle),
    status,
  );
}

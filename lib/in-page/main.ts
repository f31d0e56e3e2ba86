/**
 * The content script's work on a page:
 *  1. Run the cleaning pipeline on a clone of the page (the live DOM is only read) — at once on
 *     sites cleaned automatically, or when the user asks (popup, shortcut) anywhere else.
 *  2. Not an article (home, category listing…): stop. The page is left untouched.
 *  3. Otherwise show the clean view and the in-page toolbar; the toolbar, the popup and the
 *     background (shortcut, context menu) can turn it off and on and save the article.
 */
import type { CleanArticle } from '@/lib/article';
import { cleanDocument } from '@/lib/clean/pipeline';
import { healthReport, recordOutcome } from '@/lib/clean/rule-health';
import { articleCandidate, findContainer } from '@/lib/clean/first-look';
import type { Shown } from '@/lib/clean/candidates';
import {
  fixFor,
  originalOf,
  selectorFor,
  withoutRemoved,
  withPrefer,
  withRemoved,
  type SiteFix,
} from '@/lib/clean/site-fixes';
import { pickRule } from '@/lib/clean/sites';
import { generic } from '@/lib/clean/sites/generic';
import { ruleHealth, siteFixes } from '@/lib/settings/site-fixes';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage, type PageState, type SaveOutcome } from '@/lib/messaging';
import { autoCleans, siteSettings } from '@/lib/settings/sites';
import { articleViewLabels } from '@/lib/ui/article-view';
import { applyHighlights } from '@/lib/ui/highlights';
import { siteOf } from '@/lib/entities/corrections';
import { createBlockPicker, type BlockPicker } from './block-picker';
import { countRule } from './count-rule';
import { createCleanView, type CleanView } from './clean-view';
import { describeInPageView } from './describe';
import { switchCandidate } from './other-candidate';
import { createToolbar, type Toolbar } from './toolbar';

export interface InPageState {
  article: CleanArticle | null;
  view: CleanView | null;
  toolbar: Toolbar | null;
  /** The undo token of the last save, when it replaced a stored copy. */
  undoToken: string | null;
  reason: string;
  /** The pipeline has run on this page (automatically or because the user asked). */
  ran: boolean;
  /** The user's remembered fixes for this site (lib/clean/site-fixes.ts). */
  siteFix?: SiteFix;
  /** The candidate shown (*Not the whole article?*, ./other-candidate.ts). */
  shown?: Shown;
}

/** Set once per page in the content script's isolated world: injecting the script again is a no-op. */
const STARTED = Symbol.for('vietlao-reader.started');

/**
 * Start on a page: answer the popup and the background, and clean right away when this site is
 * cleaned automatically (a supported news site the user did not turn off, or one they added).
 * Elsewhere (injected on demand), cleaning waits for `setCleanView(true)`.
 */
export async function startInPageView(doc: Document = document): Promise<InPageState | null> {
  const scope = globalThis as { [STARTED]?: InPageState };
  if (scope[STARTED]) return null;
  const state: InPageState = {
    article: null,
    view: null,
    toolbar: null,
    undoToken: null,
    reason: 'not cleaned yet',
    ran: false,
  };
  scope[STARTED] = state;
  registerMessages(doc, state);
  state.siteFix = fixFor(await siteFixes.getValue().catch(() => ({})), doc.location.hostname);
  const automatic = autoCleans(
    doc.location.hostname,
    await siteSettings.getValue().catch(() => ({ disabled: [], added: [] })),
  );
  if (automatic) run(doc, state);
  return state;
}

/** Run the pipeline once; on an article, build the clean view and the toolbar and show them. */
function run(doc: Document, state: InPageState): void {
  if (state.ran) return;
  state.ran = true;
  const url = doc.location.href;
  let result = cleanDocument(doc, url, { siteFix: state.siteFix }); // entities: found by the background
  state.shown = result.isArticle ? (state.siteFix?.prefer ?? 'usual') : 'usual';
  // the candidate remembered for the site is no article here: the usual choice is
  if (!result.isArticle && state.siteFix?.prefer)
    result = cleanDocument(doc, url, { siteFix: withPrefer(state.siteFix, undefined) });
  if (!result.isArticle) {
    state.reason = result.reason;
    return;
  }
  if (state.shown === 'usual') void recordHealth(doc, result); // a choice of the user's is no miss of the rule
  state.reason = '';
  let picker: BlockPicker | null = null;
  const toolbar = createToolbar(
    doc,
    {
      clean: t('toggleClean'),
      original: t('toggleOriginal'),
      save: t('saveButton'),
      saved: t('savedButton'),
      undo: t('undoSaveButton'),
      refused: t('intentRefusedHere'), // until the background says whether this browser has the shortcut
      pick: t('pickBlock'),
      pickUndo: t('pickUndo'),
      other: t('otherCandidate'),
    },
    {
      toggle: () => setClean(state, !state.view?.shown),
      save: () => void save(state),
      undo: () => void undo(state),
      pick: () => {
        if (!state.view?.shown) setClean(state, true);
        toolbar.setStatus(t('pickHint'));
        picker?.start();
      },
      pickUndo: () => {
        picker?.undo();
        toolbar.offerPickUndo(picker?.canUndo ?? false);
      },
      other: () => {
        const next = switchCandidate(doc, state);
        if (next) picker = show(doc, state, next, toolbar);
      },
    },
  );
  state.toolbar = toolbar;
  // the shortcut is mentioned only where the browser has one (not Firefox for Android)
  void sendMessage('platformFeatures', undefined)
    .then((features) => toolbar.setRefusedLabel(t(features.commands ? 'intentRefused' : 'intentRefusedHere')))
    .catch(() => undefined);
  picker = show(doc, state, result, toolbar);
  void sendMessage('isSaved', result.canonicalUrl)
    .then((saved) => toolbar.setSaved(saved))
    .catch(() => undefined);
}

/** Show `article` in a new clean view (in place of the one shown): highlights, *Remove this block*. */
function show(doc: Document, state: InPageState, article: CleanArticle, toolbar: Toolbar): BlockPicker {
  state.view?.hide();
  state.article = article;
  const view = createCleanView(doc, article, articleViewLabels());
  // matched from the pipeline's text, not read back from the view; the user's corrections of this address and site apply
  const where = { url: doc.location.href, canonicalUrl: article.canonicalUrl, site: siteOf(doc.location.href) };
  void applyHighlights(view.article, article.text, { where })
    .then((highlights) => view.article.after(highlights.panel))
    .catch(() => undefined); // the article stays readable without highlights
  state.view = view;
  toolbar.offerPickUndo(false);
  setClean(state, true);
  return blockPicker(doc, view, article, () => toolbar);
}

/**
 * *Remove this block*: a block of the view is traced to the original page's container and
 * remembered for the site as a template selector (lib/clean/site-fixes.ts) when one singles it out.
 */
function blockPicker(doc: Document, view: CleanView, result: CleanArticle, toolbar: () => Toolbar) {
  const body = view.article.querySelector<HTMLElement>('.vl-body') ?? view.article;
  const remembered = new Map<Element, string>();
  const update = async (change: (fix: SiteFix | undefined) => SiteFix) => {
    const all = await siteFixes.getValue();
    await siteFixes.setValue({ ...all, [result.site]: change(fixFor(all, result.site)) });
  };
  return createBlockPicker(
    body,
    (block) => {
      const candidate = articleCandidate(doc, doc.location.href);
      const container = ('rule' in candidate ? findContainer(doc, candidate.rule) : null) ?? doc.body;
      const original = originalOf(block, container);
      const selector = original ? selectorFor(original, container) : null;
      toolbar().offerPickUndo(true);
      if (!selector) return toolbar().setStatus(t('pickThisPageOnly'));
      remembered.set(block, selector);
      void update((fix) => withRemoved(fix, selector))
        .then(() => toolbar().setStatus(t('pickRemembered'), 'ok'))
        .catch(() => undefined);
    },
    (block) => {
      const selector = remembered.get(block);
      toolbar().setStatus(t('pickRestored'));
      if (selector) void update((fix) => withoutRemoved(fix, selector)).catch(() => undefined);
    },
    (removed) => {
      if (!removed) toolbar().setStatus('');
    },
  );
}

/** Count whether the site's own rule cleaned this article (rule health, local only). */
async function recordHealth(doc: Document, result: CleanArticle): Promise<void> {
  const url = doc.location.href;
  const own = pickRule(url);
  if (own === generic) return; // a site without a rule of its own has nothing to miss
  const report = result.rule.fallback ? healthReport(doc, url, own, result.rule) : undefined;
  const health = await ruleHealth.getValue().catch(() => ({}));
  await ruleHealth.setValue(recordOutcome(health, result.site, url, result.rule, report)).catch(() => undefined);
}

function setClean(state: InPageState, on: boolean): void {
  if (!state.view) return;
  if (on) state.view.show();
  else state.view.hide();
  state.toolbar?.setClean(on);
}

async function save(state: InPageState): Promise<SaveOutcome> {
  if (!state.article) return { ok: false, code: 'no-article', message: t('noArticle') };
  state.toolbar?.setStatus(t('saving'));
  let outcome: SaveOutcome;
  try {
    outcome = await sendMessage('saveArticle', state.article);
  } catch (error) {
    outcome = { ok: false, code: 'storage', message: String((error as Error).message ?? error) };
  }
  if (outcome.ok) {
    state.undoToken = outcome.undoToken ?? null;
    state.toolbar?.offerUndo(state.undoToken !== null);
    state.toolbar?.setSaved(true);
    state.toolbar?.setStatus(
      t(outcome.status === 'added' ? 'savedAdded' : outcome.status === 'updated' ? 'savedUpdated' : 'savedUnchanged'),
      'ok',
    );
  } else state.toolbar?.setStatus(`${t('saveFailed')}: ${outcome.message}`, 'error');
  return outcome;
}

/** Take back the last save, which replaced a stored copy: the background puts that copy back. */
async function undo(state: InPageState): Promise<void> {
  const token = state.undoToken;
  if (!token) return;
  state.undoToken = null;
  state.toolbar?.offerUndo(false);
  try {
    const outcome = await sendMessage('undoSave', token);
    if (!outcome.ok) state.toolbar?.setStatus(`${t('saveFailed')}: ${outcome.message}`, 'error');
    else
      state.toolbar?.setStatus(
        t(
          outcome.status === 'restored'
            ? 'saveUndone'
            : outcome.status === 'superseded'
              ? 'saveUndoSuperseded'
              : 'saveUndoExpired',
        ),
        outcome.status === 'restored' ? 'ok' : 'error',
      );
  } catch (error) {
    state.toolbar?.setStatus(`${t('saveFailed')}: ${String((error as Error).message ?? error)}`, 'error');
  }
}

function pageState(doc: Document, state: InPageState): PageState {
  return {
    isArticle: state.article !== null,
    ran: state.ran,
    clean: state.view?.shown ?? false,
    title: state.article?.title ?? null,
    url: doc.location.href,
    reason: state.reason,
  };
}

function registerMessages(doc: Document, state: InPageState): void {
  onMessage('getPageState', () => pageState(doc, state));
  onMessage('setCleanView', ({ data }) => {
    if (data) run(doc, state);
    setClean(state, data);
    return pageState(doc, state);
  });
  onMessage('saveFromPage', () => {
    run(doc, state);
    return save(state);
  });
  onMessage('describeInPageView', ({ data }) => describeInPageView(doc, state, data));
  onMessage('countInPage', ({ data }) => countRule(doc, data));
}

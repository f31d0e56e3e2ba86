/**
 * The floating in-page controls: switch between the clean view and the original page, "Lưu bài"
 * (save) and, after a save that replaced a stored copy, "Hoàn tác" (undo). They live in a closed
 * shadow root, in a host of fixed place and size (assets/toolbar.css), with every label drawn
 * from a data- attribute: the page can neither restyle them nor read what they say — whether this
 * article is saved reaches the user (the labels, the badge), never the page. A press counts only
 * when ./user-intent says it is the user's.
 */
import toolbarCss from '@/assets/toolbar.css?inline';
import { TOOLBAR_TAG } from './clean-view';
import { stripBidiControls } from '@/lib/text/bidi';
import { createUserIntent, type Frame, type IntentCheck, type Layout, type UserIntent } from './user-intent';

export interface ToolbarLabels {
  clean: string;
  original: string;
  save: string;
  saved: string;
  undo: string;
  /** Shown when a press was refused (the page covered, moved or refocused the toolbar). */
  refused: string;
  /** *Remove this block* and its undo (lib/in-page/block-picker.ts); no buttons without them. */
  pick?: string;
  pickUndo?: string;
  /** *Not the whole article?* (./other-candidate.ts); no button without it. */
  other?: string;
}

export interface ToolbarActions {
  toggle(): void;
  save(): void;
  undo(): void;
  pick?(): void;
  pickUndo?(): void;
  other?(): void;
}

export interface Toolbar {
  readonly host: HTMLElement;
  /** Our closed shadow root (for the extension's own describeInPageView; the page has no way to it). */
  readonly root: ShadowRoot;
  readonly intent: UserIntent;
  setClean(on: boolean): void;
  setStatus(text: string, kind?: 'ok' | 'error' | ''): void;
  setSaved(saved: boolean): void;
  /** Show (or hide) the undo of the last save. */
  offerUndo(on: boolean): void;
  /** Show (or hide) the undo of the last removed block. */
  offerPickUndo(on: boolean): void;
  /** Change what a refused press says (it mentions the shortcut only where there is one). */
  setRefusedLabel(text: string): void;
}

const frameStyle = (width: number, height: number, inset: number) =>
  `position: fixed !important; right: ${inset}px !important; bottom: ${inset}px !important; width: ${width}px !important; ` +
  `height: ${height}px !important; margin: 0 !important; z-index: 2147483647 !important; display: block !important; ` +
  'opacity: 1 !important; visibility: visible !important; transform: none !important; filter: none !important;';

/** The host's place and size (the same in assets/toolbar.css, where they are enforced). */
export const TOOLBAR_FRAME: Frame = { width: 560, height: 48, right: 16, bottom: 16, style: frameStyle(560, 48, 16) };

/**
 * Below 592 px (a phone; the wide frame and its margins would not fit): three rows, 8 px from the
 * corner, as wide as fits a 320 px screen. The same query and sizes are in assets/toolbar.css.
 */
export const NARROW_TOOLBAR_QUERY = '(max-width: 591.98px)';
export const NARROW_TOOLBAR_FRAME: Frame = {
  width: 304,
  height: 136,
  right: 8,
  bottom: 8,
  style: frameStyle(304, 136, 8),
};

/** The frame for the window as it is now (a phone turned sideways changes it). */
export function toolbarFrame(win: Window): Frame {
  return win.matchMedia?.(NARROW_TOOLBAR_QUERY).matches ? NARROW_TOOLBAR_FRAME : TOOLBAR_FRAME;
}

export function createToolbar(
  doc: Document,
  labels: ToolbarLabels,
  actions: ToolbarActions,
  options: { layout?: Layout; now?: () => number } = {},
): Toolbar {
  const win = doc.defaultView!;
  const frame = () => toolbarFrame(win);
  const host = doc.createElement(TOOLBAR_TAG);
  host.setAttribute('style', frame().style);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = toolbarCss;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'VietLao Reader');

  const control = (className: string, testid: string, label: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.dataset.testid = testid;
    setLabel(b, label);
    return b;
  };
  const toggle = control('toggle', 'toggle', labels.clean);
  toggle.setAttribute('role', 'switch');
  const save = control('save', 'save', labels.save);
  const undo = control('undo', 'undo', labels.undo);
  undo.hidden = true;
  const pick = labels.pick === undefined ? null : control('pick', 'pick', labels.pick);
  const pickUndo = labels.pickUndo === undefined ? null : control('pick-undo', 'pick-undo', labels.pickUndo);
  if (pickUndo) pickUndo.hidden = true;
  const other = labels.other === undefined ? null : control('other', 'other-candidate', labels.other);

  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.dataset.testid = 'status';
  status.dataset.text = '';

  const setStatus = (text: string, kind: 'ok' | 'error' | '' = '') => {
    status.dataset.text = stripBidiControls(text);
    status.title = stripBidiControls(text); // the whole text on hover, where two lines cut it
    status.className = `status ${kind}`;
  };

  const optional = [pick, pickUndo, other].filter((b): b is HTMLButtonElement => b !== null);
  bar.append(toggle, save, undo, ...optional, status);
  shadow.append(style, bar);
  doc.body.append(host);

  let refusedLabel = labels.refused;
  const intent = createUserIntent(host, shadow, frame, {
    layout: options.layout,
    now: options.now,
    refused: (_check: IntentCheck) => setStatus(refusedLabel, 'error'),
  });
  // the window crossed the phone breakpoint: our place and size follow (and a press waits until they settle)
  win.matchMedia?.(NARROW_TOOLBAR_QUERY).addEventListener?.('change', () => host.setAttribute('style', frame().style));
  intent.guard(toggle, () => actions.toggle());
  intent.guard(save, () => actions.save());
  intent.guard(undo, () => actions.undo());
  if (pick) intent.guard(pick, () => actions.pick?.());
  if (pickUndo) intent.guard(pickUndo, () => actions.pickUndo?.());
  if (other) intent.guard(other, () => actions.other?.());

  return {
    host,
    root: shadow,
    intent,
    setClean(on) {
      toggle.setAttribute('aria-checked', String(on));
      setLabel(toggle, on ? labels.original : labels.clean);
    },
    setStatus,
    setSaved(saved) {
      setLabel(save, saved ? labels.saved : labels.save);
      save.classList.toggle('is-saved', saved);
    },
    offerUndo(on) {
      undo.hidden = !on;
    },
    offerPickUndo(on) {
      if (pickUndo) pickUndo.hidden = !on;
    },
    setRefusedLabel(text) {
      refusedLabel = text;
    },
  };
}

/** A control's label: drawn by CSS from data-label (no text node), named by aria-label. */
function setLabel(button: HTMLButtonElement, label: string): void {
  button.dataset.label = label;
  button.setAttribute('aria-label', label);
  button.title = label;
}

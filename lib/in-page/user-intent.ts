/**
 * Only the user saves. The in-page toolbar sits in a page that may be hostile: it cannot reach
 * into our closed shadow root, but it can restyle or move our host element, fade or transform its
 * own <body>, draw a decoy ("Close ad ✕") over or under our buttons, move focus on a key press
 * and dispatch events of its own. A press on a toolbar control counts only when every check
 * below holds, at the press (pointerdown, or the key on the focused control) and again at the
 * click it becomes; a refused press does nothing (and the toolbar says so).
 *
 * The checks, and why each one:
 *  - trusted: the event was made by the browser from the user's input (`isTrusted`): a page's
 *    `click()` or `dispatchEvent` is not the user.
 *  - attached: the host is ours, connected, and a child of <body> (or <html>) where we put it: a
 *    page can move our host into a container of its own (faded, shrunk, off-screen).
 *  - visible: the host is rendered and shown (`checkVisibility`, display, visibility, a box of its
 *    size): a control the user cannot see is not one they chose.
 *  - opaque: computed opacity 1 on the host and on every ancestor up to <html>, with no mask,
 *    clip-path or blend mode: a page that fades itself (and us with it) to 0 shows its decoy, not us.
 *  - unmoved: our inline style as we set it, computed `position: fixed` at our corner with our
 *    size, and the box where that puts it in the viewport: a page can shift or resize the host so
 *    that its own button is under the pointer where ours used to be.
 *  - untransformed: no transform, translate, rotate, scale, perspective, zoom or offset path on the
 *    host or an ancestor: a transformed ancestor moves and scales a fixed element without touching
 *    its own style.
 *  - unfiltered: no filter or backdrop filter on the host or an ancestor: `filter: opacity(0)`,
 *    `contrast(0)` or a blur hide us as well as opacity does.
 *  - uncovered: nothing of the page is drawn over the control: `elementFromPoint` at the event's
 *    point is our host in the document and the control inside our root; no page element in the top
 *    layer (modal dialog, open popover, fullscreen) overlaps us; no generated content on our host;
 *    at the press, the same hit test with the page's `pointer-events: none` turned off (a decoy
 *    the pointer passes through); in Chromium, the browser's own occlusion and visibility signal
 *    (IntersectionObserver v2, `isVisible`) as well.
 *  - settled: the checks that need no pointer held, sampled every SAMPLE_MS, for SETTLE_MS before
 *    the press: a page that fades us back in (or lifts its decoy) the moment the user presses —
 *    in its own listener, which runs before ours — has shown the user its decoy, not us.
 *  - focus: a click made by a key (Enter, Space) counts only on a control the user focused (a
 *    Tab, Shift+Tab or a press on it, not focus moved by script) and a key the user pressed on it:
 *    a page that moves focus to Save while the user types Enter in its search field gets nothing.
 *
 * What is not seen: a decoy drawn by the page inside a shadow root of its own with
 * `pointer-events: none` escapes the press-time hit test in Firefox (Chromium's isVisible sees it);
 * a page that keeps the user's attention elsewhere while they press our real, visible button has
 * not been stopped (that is the user's click).
 */

/** How often the checks are sampled while the toolbar is shown. */
export const SAMPLE_MS = 200;
/** How long the toolbar must have been shown as we drew it before a press counts. */
export const SETTLE_MS = 500;
/** How long after a trusted press (or key) its click may come. */
const PRESS_TO_CLICK_MS = 10_000;
/** How many times per second we put our inline style back before giving up (and refusing). */
const MAX_REASSERTS_PER_SECOND = 20;

export type IntentCheck =
  | 'trusted'
  | 'attached'
  | 'visible'
  | 'opaque'
  | 'unmoved'
  | 'untransformed'
  | 'unfiltered'
  | 'uncovered'
  | 'settled'
  | 'focus';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The browser's layout as the checks read it (tests without a layout engine supply their own). */
export interface Layout {
  /** The element at a viewport point: in a document, our host for anything inside it; in our root, the element itself. */
  elementFromPoint(root: Document | ShadowRoot, x: number, y: number): Element | null;
  rect(el: Element): Box;
  /** The layout viewport (what `position: fixed` is placed in), scroll bars excluded. */
  viewport(doc: Document): { width: number; height: number };
}

export const browserLayout: Layout = {
  elementFromPoint: (root, x, y) => root.elementFromPoint(x, y),
  rect: (el) => el.getBoundingClientRect(),
  viewport(doc) {
    const root = doc.compatMode === 'BackCompat' ? (doc.body ?? doc.documentElement) : doc.documentElement;
    return { width: root.clientWidth, height: root.clientHeight };
  },
};

/** Where and how big we put the host: `position: fixed`, `right`/`bottom` from the viewport's corner. */
export interface Frame {
  width: number;
  height: number;
  right: number;
  bottom: number;
  /** The inline style we set on the host (and put back when the page changes it). */
  style: string;
}

export interface UserIntent {
  /** Run `act` on a click of `control` that passes every check; `refused(check)` otherwise. */
  guard(control: HTMLElement, act: () => void): void;
  /** The check that refused the last press or click (null: none refused since). */
  readonly lastRefusal: IntentCheck | null;
  /** The toolbar has held still, as we drew it, long enough for a press to count (the checks without a pointer). */
  ready(): boolean;
  /** Stop sampling and observing (the toolbar is gone). */
  stop(): void;
}

export interface UserIntentOptions {
  layout?: Layout;
  now?: () => number;
  /** Called with the check that refused a press or click. */
  refused?: (check: IntentCheck) => void;
}

type Style = CSSStyleDeclaration;

const num = (v: string, fallback: number) => (v === '' ? fallback : Number.parseFloat(v));
const none = (v: string) => v === '' || v === 'none';

function ancestors(host: HTMLElement): Element[] {
  const chain: Element[] = [];
  for (let el: Element | null = host; el; el = el.parentElement) chain.push(el);
  return chain;
}

/** The first style check that fails for the host and its ancestors, or null. */
function styleProblem(host: HTMLElement, frame: Frame, layout: Layout): IntentCheck | null {
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  const styleOf = (el: Element): Style => win.getComputedStyle(el);
  const own = styleOf(host);
  const chain = ancestors(host);
  const styles = chain.map(styleOf);

  // visible
  const check = (host as { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(host, { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
    return 'visible';
  if (styles.some((s) => s.display === 'none' || s.contentVisibility === 'hidden')) return 'visible';
  if (own.visibility !== '' && own.visibility !== 'visible') return 'visible';

  // opaque
  for (const s of styles) {
    if (num(s.opacity, 1) !== 1) return 'opaque';
    if (!none(s.getPropertyValue('mask-image')) || !none(s.getPropertyValue('-webkit-mask-image'))) return 'opaque';
    if (!none(s.getPropertyValue('clip-path'))) return 'opaque';
    const blend = s.getPropertyValue('mix-blend-mode');
    if (blend !== '' && blend !== 'normal') return 'opaque';
  }

  // untransformed
  for (const s of styles) {
    for (const p of ['transform', 'translate', 'rotate', 'scale', 'perspective', 'offset-path'])
      if (!none(s.getPropertyValue(p))) return 'untransformed';
    const zoom = s.getPropertyValue('zoom');
    if (zoom !== '' && zoom !== 'normal' && Number.parseFloat(zoom) !== 1) return 'untransformed';
  }

  // unfiltered
  for (const s of styles)
    for (const p of ['filter', 'backdrop-filter', '-webkit-backdrop-filter'])
      if (!none(s.getPropertyValue(p))) return 'unfiltered';

  // unmoved
  if (host.getAttribute('style') !== frame.style) return 'unmoved';
  if (own.position !== 'fixed') return 'unmoved';
  const px = (v: string) => Math.round(num(v, Number.NaN));
  if (px(own.width) !== frame.width || px(own.height) !== frame.height) return 'unmoved';
  if (px(own.right) !== frame.right || px(own.bottom) !== frame.bottom) return 'unmoved';
  const box = layout.rect(host);
  const view = layout.viewport(doc);
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  if (!near(box.width, frame.width) || !near(box.height, frame.height)) return 'unmoved';
  if (!near(box.right, view.width - frame.right) || !near(box.bottom, view.height - frame.bottom)) return 'unmoved';
  return null;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Page elements in the top layer (drawn above any z-index) over our box. */
function topLayerOver(host: HTMLElement, layout: Layout): boolean {
  const doc = host.ownerDocument;
  const ours = layout.rect(host);
  for (const selector of [':modal', ':popover-open', ':fullscreen']) {
    let found: Element[];
    try {
      found = [...doc.querySelectorAll(selector)];
    } catch {
      continue; // a selector this browser does not know: nothing of that kind can be open
    }
    if (found.some((el) => el !== host && !el.contains(host) && overlaps(layout.rect(el), ours))) return true;
  }
  return false;
}

/** Generated content on our host (page CSS `vietlao-toolbar::after { content: … }`) draws over our controls. */
function pseudoContent(host: HTMLElement): boolean {
  const win = host.ownerDocument.defaultView!;
  return ['::before', '::after'].some((p) => {
    const content = win.getComputedStyle(host, p).content;
    return content !== '' && content !== 'none' && content !== 'normal';
  });
}

/** Is `control` what is under the point, in the document (our host) and in our root (the control)? */
function atPoint(host: HTMLElement, shadow: ShadowRoot, control: Element, x: number, y: number, layout: Layout) {
  if (layout.elementFromPoint(host.ownerDocument, x, y) !== host) return false;
  const inside = layout.elementFromPoint(shadow, x, y);
  return inside !== null && control.contains(inside);
}

/**
 * The same hit test with the page's `pointer-events: none` turned off: a layer declared before any
 * of the page's (important declarations of earlier layers win) makes every page element a target for
 * the moment of the test; inline `pointer-events` declarations (which no sheet overrides) are looked
 * at one by one.
 */
function passThroughCover(host: HTMLElement, x: number, y: number, layout: Layout): boolean {
  const doc = host.ownerDocument;
  const sheet = doc.createElement('style');
  sheet.textContent = '@layer vietlao-hit-test { *, *::before, *::after { pointer-events: auto !important; } }';
  doc.documentElement.prepend(sheet);
  let hit: Element | null;
  try {
    hit = layout.elementFromPoint(doc, x, y);
  } finally {
    sheet.remove();
  }
  if (hit !== host) return true;
  const point = { left: x, right: x + 1, top: y, bottom: y + 1, width: 1, height: 1 };
  for (const el of doc.querySelectorAll<HTMLElement>('[style*="pointer-events" i]'))
    if (el !== host && !el.contains(host) && overlaps(layout.rect(el), point)) return true;
  return false;
}

/** Chromium's IntersectionObserver v2: is our host shown unoccluded, unfaded, untransformed? (null: unknown) */
function visibilitySignal(host: HTMLElement): { visible(): boolean | null; stop(): void } {
  const win = host.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!win?.IntersectionObserver) return { visible: () => null, stop: () => undefined };
  let latest: boolean | null = null;
  let supported = false;
  const observer = new win.IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
      if (last && typeof last.isVisible === 'boolean') {
        supported = true;
        latest = last.isVisible;
      }
    },
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(host);
  return { visible: () => (supported ? latest : null), stop: () => observer.disconnect() };
}

/**
 * `frameOrNow`: where we put the host, or a function of where it belongs now (the toolbar's frame
 * follows the window's width: a phone's is narrower); a change of frame counts as a move, so a
 * press waits SETTLE_MS after it.
 */
export function createUserIntent(
  host: HTMLElement,
  shadow: ShadowRoot,
  frameOrNow: Frame | (() => Frame),
  options: UserIntentOptions = {},
): UserIntent {
  const frameNow = typeof frameOrNow === 'function' ? frameOrNow : () => frameOrNow;
  let lastFrame = frameNow();
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  const layout = options.layout ?? browserLayout;
  const now = options.now ?? (() => Date.now());
  const signal = layout === browserLayout ? visibilitySignal(host) : { visible: () => null, stop: () => undefined };
  let okSince: number | null = null;
  let lastRefusal: IntentCheck | null = null;

  /** Checks that need no pointer: style, place, top layer, generated content, the browser's own signal. */
  const sceneProblem = (): IntentCheck | null => {
    if (!host.isConnected || (host.parentNode !== doc.body && host.parentNode !== doc.documentElement))
      return 'attached';
    const problem = styleProblem(host, frameNow(), layout);
    if (problem) return problem;
    if (pseudoContent(host) || topLayerOver(host, layout) || signal.visible() === false) return 'uncovered';
    return null;
  };
  const sample = () => {
    const frame = frameNow();
    if (frame !== lastFrame) okSince = null; // our own move still moves the controls under the pointer
    lastFrame = frame;
    const ok = sceneProblem() === null;
    if (!ok) okSince = null;
    else okSince ??= now();
    return ok;
  };
  const settled = () => sample() && okSince !== null && now() - okSince >= SETTLE_MS;

  // Our inline style, put back when the page changes it (within reason: a page that fights gets refusals).
  let reasserts: number[] = [];
  const observer = new win.MutationObserver(() => {
    const frame = frameNow();
    if (host.getAttribute('style') === frame.style) return;
    okSince = null;
    const t = now();
    reasserts = reasserts.filter((at) => t - at < 1000);
    if (reasserts.length >= MAX_REASSERTS_PER_SECOND) return;
    reasserts.push(t);
    host.setAttribute('style', frame.style);
  });
  observer.observe(host, { attributes: true, attributeFilter: ['style'] });
  // sampling stops once the host has left the document for good (the view closed, the page tore it out)
  const timer = win.setInterval(() => {
    if (host.isConnected) sample();
    else {
      win.clearInterval(timer);
      observer.disconnect();
    }
  }, SAMPLE_MS);
  sample();

  // Focus provenance: a control the user reached with Tab / Shift+Tab or a press on it.
  let tabbing = false;
  const onWindowKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.key !== 'Tab') return;
    tabbing = true;
    win.setTimeout(() => (tabbing = false), 0); // the focus move is this key's default action: same task
  };
  win.addEventListener('keydown', onWindowKey, true);

  const refuse = (check: IntentCheck) => {
    lastRefusal = check;
    options.refused?.(check);
    return false;
  };

  const guard = (control: HTMLElement, act: () => void) => {
    let pressedAt: number | null = null; // a press that passed every check
    let keyedAt: number | null = null; // a trusted Enter/Space on this control
    let userFocused = false;

    const pressOk = (e: PointerEvent): boolean => {
      if (!e.isTrusted) return refuse('trusted');
      const problem = sceneProblem();
      if (problem) return refuse(problem);
      if (!atPoint(host, shadow, control, e.clientX, e.clientY, layout)) return refuse('uncovered');
      if (passThroughCover(host, e.clientX, e.clientY, layout)) return refuse('uncovered');
      if (!settled()) return refuse('settled');
      return true;
    };
    control.addEventListener('pointerdown', (e) => {
      pressedAt = null;
      if (e.isTrusted) userFocused = true; // the focus this press gives is the user's
      if (pressOk(e)) pressedAt = now();
    });
    control.addEventListener('focus', (e) => {
      userFocused = e.isTrusted && (tabbing || userFocused);
    });
    control.addEventListener('blur', () => {
      userFocused = false;
      keyedAt = null;
    });
    control.addEventListener('keydown', (e) => {
      keyedAt = e.isTrusted && (e.key === 'Enter' || e.key === ' ') && !e.repeat ? now() : null;
    });
    control.addEventListener('click', (e) => {
      const pressed = pressedAt;
      const keyed = keyedAt;
      pressedAt = null;
      keyedAt = null;
      if (!e.isTrusted) return void refuse('trusted');
      const problem = sceneProblem();
      if (problem) return void refuse(problem);
      if (e.detail === 0) {
        // made by a key: no point to test, so the focus and the key must be the user's
        if (!userFocused || shadow.activeElement !== control) return void refuse('focus');
        if (keyed === null || now() - keyed > PRESS_TO_CLICK_MS) return void refuse('focus');
        if (!settled()) return void refuse('settled');
      } else {
        if (pressed === null || now() - pressed > PRESS_TO_CLICK_MS) return void refuse(lastRefusal ?? 'uncovered');
        if (!atPoint(host, shadow, control, e.clientX, e.clientY, layout)) return void refuse('uncovered');
      }
      lastRefusal = null;
      act();
    });
  };

  return {
    guard,
    get lastRefusal() {
      return lastRefusal;
    },
    ready: settled,
    stop() {
      win.clearInterval(timer);
      observer.disconnect();
      signal.stop();
      win.removeEventListener('keydown', onWindowKey, true);
    },
  };
}

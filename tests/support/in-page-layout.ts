/**
 * A layout for jsdom (which has none), enough for the in-page toolbar's user-intent checks in the
 * hostile-page tests: boxes of `position: fixed` elements from their computed style (right/bottom
 * or left/top, width, height, moved by their own and their ancestors' `translate(…)`), the
 * toolbar's controls at their places in its box, hit tests that take the topmost fixed box under
 * the point (z-index, then tree order) and skip `pointer-events: none` and undisplayed elements —
 * and the browser's part in a user's click: trusted pointer, mouse and click events at a point,
 * dispatched at what the hit test finds there, and trusted keys.
 */
import type { Box, Layout } from '@/lib/in-page/user-intent';
import { implForWrapper } from 'jsdom/lib/generated/idl/utils.js';

export const VIEWPORT = { width: 1280, height: 900 };

/** Where each toolbar control sits in the toolbar's box (assets/toolbar.css: 6 px padding and gaps). */
const CONTROLS: Record<string, [left: number, width: number]> = { toggle: [6, 112], save: [124, 96], undo: [226, 80] };

const EMPTY: Box = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };

function translation(el: Element): [number, number] {
  let dx = 0;
  let dy = 0;
  const win = el.ownerDocument.defaultView!;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const m = /translate\((-?[\d.]+)px(?:,\s*(-?[\d.]+)px)?\)/.exec(win.getComputedStyle(e).transform);
    if (m) {
      dx += Number(m[1]);
      dy += Number(m[2] ?? 0);
    }
  }
  return [dx, dy];
}

function fixedBox(el: Element): Box {
  const s = el.ownerDocument.defaultView!.getComputedStyle(el);
  if (s.position !== 'fixed' || s.display === 'none') return EMPTY;
  const width = Number.parseFloat(s.width) || 0;
  const height = Number.parseFloat(s.height) || 0;
  const px = (v: string) => (v === '' || v === 'auto' ? null : Number.parseFloat(v));
  const right = px(s.right);
  const bottom = px(s.bottom);
  const left = px(s.left) ?? (right === null ? 0 : VIEWPORT.width - right - width);
  const top = px(s.top) ?? (bottom === null ? 0 : VIEWPORT.height - bottom - height);
  const [dx, dy] = translation(el);
  const l = left + dx;
  const t = top + dy;
  return { left: l, top: t, right: l + width, bottom: t + height, width, height };
}

const inside = (b: Box, x: number, y: number) => x >= b.left && x < b.right && y >= b.top && y < b.bottom;

export interface TestLayout extends Layout {
  /** The toolbar host the controls belong to. */
  host: HTMLElement | null;
}

export function testLayout(): TestLayout {
  const layout: TestLayout = {
    host: null,
    rect(el) {
      const testid = (el as HTMLElement).dataset?.testid;
      if (layout.host && testid && CONTROLS[testid] && el.getRootNode() !== el.ownerDocument) {
        const host = fixedBox(layout.host);
        const [left, width] = CONTROLS[testid]!;
        const l = host.left + left;
        return { left: l, top: host.top + 6, right: l + width, bottom: host.top + 42, width, height: 36 };
      }
      return fixedBox(el);
    },
    elementFromPoint(root, x, y) {
      if (root.nodeType !== 9) {
        const controls = [...root.querySelectorAll<HTMLElement>('button')].filter(
          (b) => !b.hidden && inside(layout.rect(b), x, y),
        );
        return controls[0] ?? root.querySelector('.bar');
      }
      const doc = root as Document;
      const win = doc.defaultView!;
      const candidates = [...doc.querySelectorAll('*')].filter((el) => {
        const s = win.getComputedStyle(el);
        return s.position === 'fixed' && s.pointerEvents !== 'none' && inside(fixedBox(el), x, y);
      });
      const z = (el: Element) => Number.parseInt(win.getComputedStyle(el).zIndex, 10) || 0;
      candidates.sort((a, b) => z(a) - z(b)); // stable: tree order among equals
      return candidates[candidates.length - 1] ?? doc.body;
    },
    viewport: () => VIEWPORT,
  };
  return layout;
}

/**
 * Dispatch `event` as the browser does for the user's input: trusted (`dispatchEvent` makes every
 * event untrusted; jsdom's internal dispatch, which it uses for its own events, does not).
 */
export function dispatchTrusted(target: EventTarget, event: Event): boolean {
  const impl = implForWrapper(event) as { isTrusted: boolean };
  impl.isTrusted = true;
  return (implForWrapper(target) as { _dispatch(e: unknown): boolean })._dispatch(impl);
}

/** A user's click at a viewport point: the browser's events at whatever the hit test finds there. */
export function userClickAt(doc: Document, layout: TestLayout, x: number, y: number): void {
  const win = doc.defaultView!;
  let target = layout.elementFromPoint(doc, x, y);
  if (target && target === layout.host) target = layout.elementFromPoint(shadowOf(layout.host), x, y);
  if (!target) return;
  const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, detail: 1 };
  dispatchTrusted(target, new win.PointerEvent('pointerdown', init));
  dispatchTrusted(target, new win.MouseEvent('mousedown', init));
  if (target instanceof win.HTMLElement) target.focus();
  dispatchTrusted(target, new win.PointerEvent('pointerup', init));
  dispatchTrusted(target, new win.MouseEvent('mouseup', init));
  dispatchTrusted(target, new win.MouseEvent('click', init));
}

/** A user's key on the focused element (Tab moves the focus to `tabTo`, as the browser would). */
export function userKey(doc: Document, key: string, options: { tabTo?: HTMLElement; activate?: boolean } = {}): void {
  const win = doc.defaultView!;
  const focused = deepActive(doc);
  const init = { key, bubbles: true, composed: true, cancelable: true };
  const down = new win.KeyboardEvent('keydown', init);
  dispatchTrusted(focused, down);
  if (key === 'Tab' && options.tabTo) options.tabTo.focus(); // the key's default action
  if (key === 'Enter' && !down.defaultPrevented) {
    const now = deepActive(doc); // the browser presses whatever has the focus after the key's listeners ran
    if (now instanceof win.HTMLButtonElement)
      dispatchTrusted(now, new win.MouseEvent('click', { bubbles: true, composed: true, detail: 0 }));
  }
  dispatchTrusted(focused, new win.KeyboardEvent('keyup', init));
}

const shadows = new WeakMap<Element, ShadowRoot>();
/** Record a closed root for the test's "browser" (the page cannot reach it). */
export function rememberShadow(host: Element, root: ShadowRoot): void {
  shadows.set(host, root);
}
function shadowOf(host: Element): ShadowRoot {
  const root = shadows.get(host);
  if (!root) throw new Error('unknown shadow host');
  return root;
}

function deepActive(doc: Document): HTMLElement {
  let el = doc.activeElement as HTMLElement | null;
  while (el && shadows.get(el)?.activeElement) el = shadows.get(el)!.activeElement as HTMLElement;
  return el ?? doc.body;
}

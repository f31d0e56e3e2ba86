/**
 * *Remove this block* in the clean view (issue 12.5): a pick mode over the blocks of the article
 * body — outlined on hover and on focus, Tab or the arrow keys move between them, Enter (or a
 * click) removes the one picked, Esc cancels — and an undo of the last removal. What a removal
 * means for later articles (a remembered selector) is the caller's: `onRemove`, `onRestore`.
 */

const PICKABLE = 'vl-pickable';
const PICK_CSS = `.${PICKABLE} { cursor: crosshair; }
.${PICKABLE}:hover, .${PICKABLE}:focus { outline: 3px dashed #c0392b; outline-offset: 3px; }`;

export interface BlockPicker {
  readonly active: boolean;
  /** A removed block is there to put back. */
  readonly canUndo: boolean;
  /** Enter pick mode: the first block takes the focus. */
  start(): void;
  cancel(): void;
  /** Put back the last removed block; false when there is none. */
  undo(): boolean;
}

export function createBlockPicker(
  body: HTMLElement,
  onRemove: (block: Element) => void,
  onRestore: (block: Element) => void,
  onEnd: (removed: boolean) => void = () => undefined,
): BlockPicker {
  const doc = body.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = PICK_CSS;
  const removed: HTMLElement[] = [];
  let active = false;
  const blocks = (): HTMLElement[] =>
    Array.from(body.children).filter((el): el is HTMLElement => 'hidden' in el && !(el as HTMLElement).hidden);

  const end = (didRemove: boolean) => {
    if (!active) return;
    active = false;
    for (const b of Array.from(body.children)) {
      b.classList.remove(PICKABLE);
      b.removeAttribute('tabindex');
    }
    body.removeEventListener('keydown', onKey, true);
    body.removeEventListener('click', onClick, true);
    style.remove();
    onEnd(didRemove);
  };
  const remove = (block: HTMLElement) => {
    block.hidden = true;
    removed.push(block);
    end(true);
    onRemove(block);
  };
  const blockOf = (target: EventTarget | null): HTMLElement | null => {
    let el = target && (target as Node).nodeType === 1 ? (target as Element) : null; // no instanceof across realms
    while (el && el.parentElement !== body) el = el.parentElement;
    return el && el.classList.contains(PICKABLE) ? (el as HTMLElement) : null;
  };
  function onKey(e: KeyboardEvent): void {
    const all = blocks();
    const current = blockOf(e.target);
    const at = current ? all.indexOf(current) : -1;
    if (e.key === 'Escape') {
      e.preventDefault();
      end(false);
    } else if ((e.key === 'Enter' || e.key === 'Delete') && current) {
      e.preventDefault();
      remove(current);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = all[Math.min(all.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      next?.focus();
    }
  }
  function onClick(e: MouseEvent): void {
    const block = blockOf(e.target);
    if (!block) return;
    e.preventDefault();
    e.stopPropagation();
    remove(block);
  }

  return {
    get active() {
      return active;
    },
    get canUndo() {
      return removed.length > 0;
    },
    start() {
      if (active) return;
      const all = blocks();
      if (all.length === 0) return;
      active = true;
      body.before(style);
      for (const b of all) {
        b.classList.add(PICKABLE);
        b.tabIndex = 0;
      }
      body.addEventListener('keydown', onKey, true);
      body.addEventListener('click', onClick, true);
      all[0]!.focus();
    },
    cancel() {
      end(false);
    },
    undo() {
      const block = removed.pop();
      if (!block) return false;
      block.hidden = false;
      onRestore(block);
      return true;
    },
  };
}

/** A snackbar at the bottom of the popup: a message, an optional action (Undo), then it goes. */
import { button, h } from '@/lib/ui/dom';

export interface Snackbar {
  readonly element: HTMLElement;
  show(text: string, action?: { label: string; run: () => void }, timeoutMs?: number): void;
  hide(): void;
}

export function createSnackbar(doc: Document): Snackbar {
  const text = h(doc, 'span', { className: 'snackbar-text', testid: 'snackbar-text' });
  const element = h(
    doc,
    'div',
    { className: 'snackbar', testid: 'snackbar', attrs: { role: 'status', 'aria-live': 'polite' } },
    text,
  );
  element.hidden = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hide = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    element.hidden = true;
    element.querySelector('button')?.remove();
  };
  return {
    element,
    hide,
    show(message, action, timeoutMs = 4000) {
      hide();
      text.textContent = message;
      if (action) {
        element.append(
          button(
            doc,
            action.label,
            () => {
              hide();
              action.run();
            },
            { className: 'snackbar-action', testid: 'undo' },
          ),
        );
      }
      element.hidden = false;
      timer = setTimeout(hide, timeoutMs);
    },
  };
}

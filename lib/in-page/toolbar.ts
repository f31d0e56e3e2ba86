/**
 * The floating in-page controls: switch between the clean view and the original page, and
 * "Lưu bài" (save). Lives in its own shadow root so the page's CSS cannot restyle it.
 */
import toolbarCss from '@/assets/toolbar.css?inline';
import { TOOLBAR_TAG } from './clean-view';
import { stripBidiControls } from '@/lib/text/bidi';

export interface ToolbarLabels {
  clean: string;
  original: string;
  save: string;
  saved: string;
}

export interface Toolbar {
  readonly host: HTMLElement;
  setClean(on: boolean): void;
  setStatus(text: string, kind?: 'ok' | 'error' | ''): void;
  setSaved(saved: boolean): void;
}

export function createToolbar(
  doc: Document,
  labels: ToolbarLabels,
  actions: { toggle(): void; save(): void },
): Toolbar {
  const host = doc.createElement(TOOLBAR_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = toolbarCss;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'VietLao Reader');

  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'toggle';
  toggle.dataset.testid = 'toggle';
  toggle.setAttribute('role', 'switch');
  toggle.addEventListener('click', (e) => {
    if (e.isTrusted) actions.toggle();
  });

  const save = doc.createElement('button');
  save.type = 'button';
  save.className = 'save';
  save.dataset.testid = 'save';
  save.textContent = labels.save;
  save.addEventListener('click', (e) => {
    if (e.isTrusted) actions.save();
  });

  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  status.dataset.testid = 'status';

  bar.append(toggle, save, status);
  shadow.append(style, bar);
  doc.body.append(host);

  return {
    host,
    setClean(on) {
      toggle.setAttribute('aria-checked', String(on));
      toggle.textContent = on ? labels.original : labels.clean;
      toggle.title = on ? labels.original : labels.clean;
    },
    setStatus(text, kind = '') {
      status.textContent = stripBidiControls(text);
      status.className = `status ${kind}`;
    },
    setSaved(saved) {
      save.textContent = saved ? labels.saved : labels.save;
      save.classList.toggle('is-saved', saved);
    },
  };
}

/**
 * The options page's sync section (issue 15.1): the server's WebDAV address, user, app password
 * and folder; Connect asks the browser for that one origin (optional host permission, in the
 * click's gesture), tests the connection and syncs; Test connection says in words what fails;
 * Sync now; Disconnect forgets the credentials and gives the permission back.
 */
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { syncConnection, syncStatus, type SyncStatus } from '@/lib/settings/sync';
import type { SyncCheck } from '@/lib/sync/errors';
import { DEFAULT_FOLDER } from '@/lib/sync/layout';
import { checkServerUrl, SYNC_API_PERMISSIONS } from '@/lib/sync/origin';
import type { Connection } from '@/lib/sync/remote';
import { syncErrorText, syncStatusLine } from '@/lib/sync/status-text';
import { button, h } from '@/lib/ui/dom';
import { SUPPORTED_HOSTS } from '@/lib/clean/sites/hosts';
import { siteSettings } from '@/lib/settings/sites';

function field(doc: Document, label: string, testid: string, type: string, value: string): HTMLInputElement {
  return h(doc, 'input', {
    testid,
    attrs: { type, 'aria-label': label, value, autocomplete: 'off', spellcheck: 'false' },
  });
}

/** The permission pattern is also held for a news site the user added or the extension supports: keep it then. */
async function permissionInUse(pattern: string): Promise<boolean> {
  const host = new URL(pattern.replace('/*', '/')).hostname;
  const added = (await siteSettings.getValue()).added;
  return SUPPORTED_HOSTS.includes(host) || added.includes(host);
}

export async function syncSection(doc: Document): Promise<HTMLElement> {
  const saved = await syncConnection.getValue();
  const url = field(doc, t('optionsSyncUrl'), 'sync-url', 'url', saved?.url ?? '');
  url.placeholder = 'https://cloud.example.org/remote.php/dav/files/me/';
  const user = field(doc, t('optionsSyncUser'), 'sync-user', 'text', saved?.user ?? '');
  const password = field(doc, t('optionsSyncPassword'), 'sync-password', 'password', saved?.password ?? '');
  const folder = field(doc, t('optionsSyncFolder'), 'sync-folder', 'text', saved?.folder ?? DEFAULT_FOLDER);
  const message = h(doc, 'p', {
    className: 'status',
    testid: 'sync-message',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const state = h(doc, 'p', { className: 'hint', testid: 'sync-state' });
  const connection = (): Connection => ({
    url: url.value.trim(),
    user: user.value,
    password: password.value,
    folder: folder.value.trim() || DEFAULT_FOLDER,
  });
  const say = (text: string, kind: 'ok' | 'error') => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  const answer = (check: SyncCheck, ok: string) =>
    check.ok
      ? say(ok, 'ok')
      : say(
          check.code === 'server' ? `${syncErrorText(check.code)} (${check.message})` : syncErrorText(check.code),
          'error',
        );

  const connectButton = button(
    doc,
    t('optionsSyncConnect'),
    () => {
      const c = connection();
      const checked = checkServerUrl(c.url);
      if (!checked.ok) return say(syncErrorText(checked.code), 'error');
      // In the click's user gesture: no await before this call.
      void browser.permissions
        .request({ origins: [checked.permission], permissions: [...SYNC_API_PERMISSIONS] })
        .catch(() => false)
        .then(async (granted) => {
          if (!granted) return say(t('syncDenied'), 'error');
          const check = await sendMessage('connectSync', c);
          answer(check, t('syncConnected', checked.origin));
          render();
        });
    },
    { className: 'btn btn-primary', testid: 'sync-connect' },
  );
  const testButton = button(
    doc,
    t('optionsSyncTest'),
    () => {
      void sendMessage('testSync', connection()).then((check) => answer(check, t('syncTestOk')));
    },
    { className: 'btn', testid: 'sync-test' },
  );
  const nowButton = button(
    doc,
    t('syncNow'),
    () => {
      void sendMessage('syncNow', undefined).then(show);
    },
    { className: 'btn', testid: 'sync-now' },
  );
  const disconnectButton = button(
    doc,
    t('optionsSyncDisconnect'),
    () => {
      void (async () => {
        const current = await syncConnection.getValue();
        await sendMessage('disconnectSync', undefined);
        const checked = current ? checkServerUrl(current.url) : null;
        if (checked?.ok && !(await permissionInUse(checked.permission)))
          await browser.permissions.remove({ origins: [checked.permission] }).catch(() => false);
        await browser.permissions.remove({ permissions: [...SYNC_API_PERMISSIONS] }).catch(() => false);
        password.value = '';
        say(t('syncDisconnected'), 'ok');
        render();
      })();
    },
    { className: 'btn', testid: 'sync-disconnect' },
  );

  const show = (status: SyncStatus) => {
    state.textContent = syncStatusLine(status);
    state.dataset.state = status.state;
  };
  const render = () => {
    void syncConnection.getValue().then((c) => {
      nowButton.hidden = !c;
      disconnectButton.hidden = !c;
    });
    void syncStatus.getValue().then(show);
  };
  syncStatus.watch((status) => show(status));
  render();

  const label = (text: string, input: HTMLInputElement) =>
    h(doc, 'label', { className: 'field' }, h(doc, 'span', { text }), input);
  const form = h(
    doc,
    'form',
    { className: 'sync-form', testid: 'sync-form' },
    label(t('optionsSyncUrl'), url),
    label(t('optionsSyncUser'), user),
    label(t('optionsSyncPassword'), password),
    label(t('optionsSyncFolder'), folder),
    h(doc, 'div', { className: 'actions' }, connectButton, testButton, nowButton, disconnectButton),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  return h(
    doc,
    'section',
    { testid: 'sync-section' },
    h(doc, 'h2', { text: t('optionsSync') }),
    h(doc, 'p', { className: 'hint', text: t('optionsSyncHint') }),
    form,
    message,
    state,
  );
}

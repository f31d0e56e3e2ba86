/**
 * The options page: the supported news sites, each with automatic cleaning on or off, and the
 * sites the user added for automatic cleaning — adding one asks the browser for that host as
 * an optional permission; removing one gives the permission back; the user's corrections to the
 * highlights (./corrections.ts); the custom rule per site (./custom-rules.ts); sync with the user's
 * WebDAV server (./sync-section.ts); and what of the shortcut and the right-click menu this device
 * has (./device-section.ts).
 */
import { browser } from 'wxt/browser';
import { t, uiLang } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { SUPPORTED_HOSTS, isSupportedHost } from '@/lib/clean/sites/hosts';
import { normalizeHostInput, originsFor, siteSettings, type SiteSettings } from '@/lib/settings/sites';
import { ruleHealth } from '@/lib/settings/site-fixes';
import { button, h } from '@/lib/ui/dom';
import { correctionsSection } from './corrections';
import { customRulesSection } from './custom-rules';
import { healthSection } from './rule-health';
import { syncSection } from './sync-section';
import { deviceSection } from './device-section';

async function update(change: (s: SiteSettings) => SiteSettings): Promise<SiteSettings> {
  const next = change(await siteSettings.getValue());
  await siteSettings.setValue(next);
  return next;
}

export function supportedList(doc: Document, settings: SiteSettings): HTMLElement {
  const list = h(doc, 'ul', { className: 'sites', testid: 'supported-sites' });
  for (const host of SUPPORTED_HOSTS) {
    const box = h(doc, 'input', {
      testid: 'auto-clean',
      attrs: { type: 'checkbox', 'aria-label': `${t('optionsAuto')}: ${host}` },
    });
    box.checked = !settings.disabled.includes(host);
    box.dataset.host = host;
    box.addEventListener('change', () => {
      void update((s) => ({
        ...s,
        disabled: box.checked ? s.disabled.filter((d) => d !== host) : [...new Set([...s.disabled, host])],
      }));
    });
    list.append(
      h(doc, 'li', { className: 'site' }, h(doc, 'label', {}, box, h(doc, 'span', { className: 'host', text: host }))),
    );
  }
  return list;
}

export async function startOptions(doc: Document = document): Promise<void> {
  doc.documentElement.lang = uiLang();
  doc.title = t('optionsTitle');
  let settings = await siteSettings.getValue();
  const health = await ruleHealth.getValue().catch(() => ({}));
  const status = h(doc, 'p', {
    className: 'status',
    testid: 'options-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const addedList = h(doc, 'ul', { className: 'sites', testid: 'added-sites' });
  const input = h(doc, 'input', {
    testid: 'add-host',
    attrs: { type: 'text', placeholder: t('optionsAddPlaceholder'), 'aria-label': t('optionsAdd') },
  });

  const renderAdded = () => {
    addedList.replaceChildren();
    if (settings.added.length === 0) addedList.append(h(doc, 'li', { className: 'empty', text: t('optionsNoAdded') }));
    for (const host of settings.added) {
      const remove = button(doc, t('optionsRemove'), () => void removeHost(host), {
        className: 'btn',
        testid: 'remove-host',
      });
      remove.dataset.host = host;
      const item = h(
        doc,
        'li',
        { className: 'site', testid: 'added-site' },
        h(doc, 'span', { className: 'host', text: host }),
        remove,
      );
      item.dataset.host = host;
      addedList.append(item);
    }
  };

  const addHost = async () => {
    const host = normalizeHostInput(input.value);
    if (!host) return void (status.textContent = t('optionsInvalidHost'));
    if (isSupportedHost(host)) return void (status.textContent = t('optionsAlreadySupported'));
    // Must run in the click's user gesture: no await before this call.
    const granted = await browser.permissions.request({ origins: originsFor(host) }).catch(() => false);
    if (!granted) return void (status.textContent = t('optionsDenied'));
    settings = await update((s) => ({ ...s, added: [...new Set([...s.added, host])] }));
    await sendMessage('syncAddedSites', undefined).catch(() => undefined);
    input.value = '';
    status.textContent = t('optionsAddedOk', host);
    renderAdded();
  };

  const removeHost = async (host: string) => {
    settings = await update((s) => ({
      ...s,
      added: s.added.filter((a) => a !== host),
      disabled: s.disabled.filter((d) => d !== host),
    }));
    await sendMessage('syncAddedSites', undefined).catch(() => undefined);
    await browser.permissions.remove({ origins: originsFor(host) }).catch(() => false);
    status.textContent = t('optionsRemovedOk', host);
    renderAdded();
  };

  const form = h(
    doc,
    'form',
    { className: 'add' },
    input,
    h(doc, 'button', {
      className: 'btn btn-primary',
      testid: 'add-site',
      text: t('optionsAdd'),
      attrs: { type: 'submit' },
    }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void addHost();
  });
  renderAdded();
  doc.body.replaceChildren(
    h(
      doc,
      'main',
      { className: 'options' },
      h(doc, 'h1', { text: t('optionsTitle') }),
      h(
        doc,
        'section',
        {},
        h(doc, 'h2', { text: t('optionsSupported') }),
        h(doc, 'p', { className: 'hint', text: t('optionsSupportedHint') }),
        supportedList(doc, settings),
      ),
      h(
        doc,
        'section',
        {},
        h(doc, 'h2', { text: t('optionsAdded') }),
        h(doc, 'p', { className: 'hint', text: t('optionsAddedHint') }),
        form,
        addedList,
        status,
      ),
      await correctionsSection(doc),
      healthSection(doc, health, (text) => navigator.clipboard.writeText(text)),
      await customRulesSection(doc),
      await syncSection(doc),
      deviceSection(doc),
    ),
  );
  doc.body.dataset.ready = 'true';
}

/**
 * The options page's "On this device" section: the save shortcut and the right-click items where
 * the browser has them, and a plain word where it does not (Firefox for Android has neither:
 * lib/platform/features.ts), so nobody looks for a shortcut that cannot exist.
 */
import { t } from '@/lib/i18n';
import { platformFeatures, SAVE_SHORTCUT, type PlatformFeatures } from '@/lib/platform/features';
import { h } from '@/lib/ui/dom';

export function deviceSection(doc: Document, features: PlatformFeatures = platformFeatures()): HTMLElement {
  return h(
    doc,
    'section',
    { testid: 'device' },
    h(doc, 'h2', { text: t('optionsDevice') }),
    h(
      doc,
      'ul',
      { className: 'device' },
      h(doc, 'li', {
        testid: 'device-shortcut',
        text: features.commands ? t('optionsShortcut', SAVE_SHORTCUT) : t('optionsShortcutNotHere'),
      }),
      h(doc, 'li', { testid: 'device-menu', text: t(features.menus ? 'optionsMenu' : 'optionsMenuNotHere') }),
    ),
  );
}

/**
 * *Mark as entity* in the context menu of selected text on the news sites: one item per entity
 * type under it; the selection becomes a `mark` correction, everywhere (lib/settings/corrections.ts),
 * which the open views follow at once. Feature-detected: Firefox for Android has no menus API,
 * and there the clean view's own button (lib/ui/mark-selection.ts) is the way.
 */
import { browser } from 'wxt/browser';
import type { EntityType } from '@/lib/article';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';
import { t } from '@/lib/i18n';
import { addUserCorrection } from '@/lib/settings/corrections';
import { entityTypeLabel } from '@/lib/ui/entity-type-label';
import { selectedName } from '@/lib/ui/mark-selection';
import { hasMenus } from '@/lib/platform/features';

const MENU_MARK = 'vietlao-mark';
const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

/** The menus API where the browser has one (contextMenus in Chrome, also `menus` in Firefox). */
function menusApi(): typeof browser.contextMenus | undefined {
  return hasMenus() ? browser.contextMenus : undefined;
}

/** Create the items (when the extension is installed or updated: the browser keeps them). */
export function createMarkMenu(documentUrlPatterns: string[] = SUPPORTED_HOST_PATTERNS): void {
  const menus = menusApi();
  if (!menus) return;
  menus.create({ id: MENU_MARK, title: t('menuMarkAsEntity'), contexts: ['selection'], documentUrlPatterns });
  for (const type of TYPES)
    menus.create({
      id: `${MENU_MARK}:${type}`,
      parentId: MENU_MARK,
      title: entityTypeLabel(type),
      contexts: ['selection'],
      documentUrlPatterns,
    });
}

/** The type a clicked item stands for, or null for any other item. */
export function markTypeOf(menuItemId: string | number): EntityType | null {
  return TYPES.find((type) => menuItemId === `${MENU_MARK}:${type}`) ?? null;
}

export function listenToMarkMenu(): void {
  menusApi()?.onClicked.addListener((info) => {
    const type = markTypeOf(info.menuItemId);
    const surface = selectedName(info.selectionText ?? '');
    if (type && surface) void addUserCorrection({ kind: 'mark', surface, type, scope: { kind: 'everywhere' } });
  });
}

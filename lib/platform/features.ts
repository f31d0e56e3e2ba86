/**
 * What this browser offers of the APIs some features rely on, asked once in one place. Firefox
 * for Android has neither the menus (contextMenus) API nor keyboard commands: there the
 * right-click items and the Alt+Shift+S shortcut do not exist, and the views that mention them
 * say so instead (README → Browsers). Content scripts see neither API on any browser: they ask the
 * background (message `platformFeatures`, lib/background/main.ts), which answers with these.
 */
import { browser } from 'wxt/browser';

/** The save shortcut the manifest suggests (wxt.config.ts `commands`). */
export const SAVE_SHORTCUT = 'Alt+Shift+S';

export interface PlatformFeatures {
  /** Right-click menu items (save the page, Mark as entity). */
  menus: boolean;
  /** Keyboard shortcuts (the save shortcut). */
  commands: boolean;
}

/** The part of the WebExtension API read here (a fake in the tests). */
export interface FeatureApi {
  contextMenus?: { create?: unknown; onClicked?: unknown } | undefined;
  menus?: { create?: unknown; onClicked?: unknown } | undefined;
  commands?: { onCommand?: { addListener?: unknown } | undefined } | undefined;
}

const api = (): FeatureApi => browser as unknown as FeatureApi;

/** The menus API (contextMenus in Chrome; Firefox has both names) with what we call of it. */
export function hasMenus(from: FeatureApi = api()): boolean {
  const menus = from.contextMenus ?? from.menus;
  return typeof menus?.create === 'function' && menus.onClicked !== undefined;
}

/** Keyboard commands, with their event. */
export function hasCommands(from: FeatureApi = api()): boolean {
  return typeof from.commands?.onCommand?.addListener === 'function';
}

export function platformFeatures(from: FeatureApi = api()): PlatformFeatures {
  return { menus: hasMenus(from), commands: hasCommands(from) };
}

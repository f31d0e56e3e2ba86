/**
 * Which of the menus and keyboard commands the browser has (lib/platform/features.ts): desktop
 * Chrome and Firefox have both, Firefox for Android neither; a half-present API (an object
 * without its functions) counts as absent, so no feature calls into it and fails.
 */
import { describe, expect, it } from 'vitest';
import { hasCommands, hasMenus, platformFeatures, type FeatureApi } from '@/lib/platform/features';

const fn = () => undefined;
const menus = { create: fn, onClicked: { addListener: fn } };
const commands = { onCommand: { addListener: fn } };

const CHROME: FeatureApi = { contextMenus: menus, commands };
const FIREFOX_DESKTOP: FeatureApi = { contextMenus: menus, menus, commands };
const FIREFOX_ANDROID: FeatureApi = {}; // neither namespace exists there

describe('platform features', () => {
  it('desktop Chrome and Firefox have the menus and the save shortcut', () => {
    expect(platformFeatures(CHROME)).toEqual({ menus: true, commands: true });
    expect(platformFeatures(FIREFOX_DESKTOP)).toEqual({ menus: true, commands: true });
  });

  it('Firefox for Android has neither', () => {
    expect(platformFeatures(FIREFOX_ANDROID)).toEqual({ menus: false, commands: false });
  });

  it("Firefox's own `menus` name is enough", () => {
    expect(hasMenus({ menus })).toBe(true);
  });

  it('an API object without its functions counts as absent', () => {
    expect(hasMenus({ contextMenus: {} })).toBe(false);
    expect(hasMenus({ contextMenus: { create: fn } })).toBe(false);
    expect(hasCommands({ commands: {} })).toBe(false);
    expect(hasCommands({ commands: { onCommand: {} } })).toBe(false);
  });
});

/**
 * The options page's "On this device" section (lib/options/device-section.ts): the shortcut and
 * the right-click items where the browser has them, "not available on this device" where it
 * does not (Firefox for Android), in the Vietnamese UI.
 */
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceSection } from '@/lib/options/device-section';
import { stubI18n } from '../../support/i18n-stub';

const doc = new JSDOM('<!doctype html><body></body>').window.document;
const text = (section: HTMLElement, id: string) => section.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

describe('On this device', () => {
  beforeAll(() => stubI18n());

  it('desktop: names the shortcut and the two menu items', () => {
    const section = deviceSection(doc, { menus: true, commands: true });
    expect(text(section, 'device-shortcut')).toContain('Alt+Shift+S');
    expect(text(section, 'device-menu')).toContain('Lưu bài đang đọc');
    expect(section.textContent).not.toContain('không có trên thiết bị này');
  });

  it('Firefox for Android: says neither is available, and mentions no shortcut', () => {
    const section = deviceSection(doc, { menus: false, commands: false });
    expect(text(section, 'device-shortcut')).toBe('Phím tắt: không có trên thiết bị này.');
    expect(text(section, 'device-menu')).toContain('không có trên thiết bị này');
    expect(section.textContent).not.toContain('Alt+Shift+S');
  });
});

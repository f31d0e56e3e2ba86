/**
 * Mark as entity in the context menu (lib/background/mark-menu.ts): one item per type under one
 * item, on selected text; a click stores a `mark` correction of the selection; a browser without
 * the menus API (Firefox for Android) gets none and nothing fails.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMarkMenu, listenToMarkMenu, markTypeOf } from '@/lib/background/mark-menu';
import { readCorrections } from '@/lib/settings/corrections';
import { stubI18n } from '../../support/i18n-stub';

type Listener = (info: { menuItemId: string; selectionText?: string }) => void;
const api = fakeBrowser as unknown as { contextMenus?: unknown };

function stubMenus() {
  const created: { id: string; parentId?: string; contexts: string[] }[] = [];
  const listeners: Listener[] = [];
  api.contextMenus = {
    create: vi.fn((item: (typeof created)[number]) => created.push(item)),
    onClicked: { addListener: (l: Listener) => listeners.push(l) },
  };
  return { created, click: (info: Parameters<Listener>[0]) => listeners.forEach((l) => l(info)) };
}

describe('the Mark as entity menu', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    stubI18n();
  });

  it('one item with a child per type, on selected text', () => {
    const { created } = stubMenus();
    createMarkMenu(['*://antv.gov.vn/*']);
    expect(created.map((c) => c.id)).toEqual([
      'vietlao-mark',
      'vietlao-mark:PERSON',
      'vietlao-mark:ORG',
      'vietlao-mark:PLACE',
      'vietlao-mark:EVENT',
    ]);
    expect(created.every((c) => c.contexts.join() === 'selection')).toBe(true);
    expect(markTypeOf('vietlao-save')).toBeNull();
  });

  it('a click stores the selection as a mark of that type, everywhere', async () => {
    const { click } = stubMenus();
    listenToMarkMenu();
    click({ menuItemId: 'vietlao-mark:ORG', selectionText: '  Tổng cục  Hậu cần ' });
    click({ menuItemId: 'vietlao-mark:ORG', selectionText: 'Một đoạn\nhai dòng' }); // a name is one line: refused
    click({ menuItemId: 'vietlao-save', selectionText: 'x' });
    await vi.waitFor(async () =>
      expect(await readCorrections()).toMatchObject([
        { kind: 'mark', surface: 'Tổng cục Hậu cần', type: 'ORG', scope: { kind: 'everywhere' } },
      ]),
    );
  });

  it('without a menus API nothing is created and nothing fails', () => {
    delete api.contextMenus;
    expect(() => {
      createMarkMenu();
      listenToMarkMenu();
    }).not.toThrow();
  });
});

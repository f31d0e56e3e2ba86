import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArchiveDb } from '@/lib/archive/db';
import { listArticles } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import { createArchiveList } from '@/lib/popup/archive-list';
import { createListController } from '@/lib/popup/list-controller';
import { EMPTY_FILTERS } from '@/lib/popup/list-state';
import { freshDb, makeArticle } from '../../support/archive-fixtures';
import { stubI18n } from '../../support/i18n-stub';

const N = 120;

describe('popup list paging over the archive', () => {
  let db: ArchiveDb;

  beforeAll(async () => {
    stubI18n();
    db = await freshDb();
    for (let i = 0; i < N; i++) {
      const lao = i % 3 === 0;
      await saveArticle(
        db,
        makeArticle({
          lead: null,
          title: lao ? `Hợp tác Việt Nam – Lào số ${i}` : `Ông lão số ${i}`,
          body: lao ? 'Đoàn công tác sang Lào.' : 'Chuyện ông lão.',
          entities: lao ? [['LA', 'Lào']] : [],
        }),
        new Date(Date.UTC(2024, 0, 1) + i * 60_000),
      );
    }
    const boom = (): never => {
      throw new Error('the list must never read bodies');
    };
    db.bodies.get = boom;
    db.bodies.bulkGet = boom;
    db.bodies.toArray = boom;
    db.bodies.each = boom;
    db.bodies.where = boom;
  });

  it('pages 50 at a time, newest first, until everything is shown', async () => {
    const c = createListController((o) => listArticles(db, o));
    const first = await c.reload(EMPTY_FILTERS);
    expect(first?.items).toHaveLength(50);
    expect(first?.total).toBe(N);
    expect(c.items[0]!.title).toContain(String(N - 1));
    expect((await c.more())?.items).toHaveLength(50);
    expect((await c.more())?.items).toHaveLength(20);
    expect(c.hasMore).toBe(false);
    expect(await c.more()).toBeNull();
    expect(new Set(c.items.map((i) => i.id)).size).toBe(N);
  });

  it('folded search finds "Lào" from "lao"; exact mode tells "Lào" from "lão"', async () => {
    const c = createListController((o) => listArticles(db, o));
    expect((await c.reload({ ...EMPTY_FILTERS, search: 'lao' }))?.total).toBe(N);
    expect((await c.reload({ ...EMPTY_FILTERS, search: 'Lào', exact: true }))?.total).toBe(N / 3);
    expect((await c.reload({ ...EMPTY_FILTERS, entityId: 'LA' }))?.total).toBe(N / 3);
  });

  it('drops a response that a newer request superseded', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const c = createListController(async (o) => {
      calls += 1;
      if (calls === 1) await gate; // the slow, stale request
      return listArticles(db, o);
    });
    const stale = c.reload({ ...EMPTY_FILTERS, search: 'l' });
    const fresh = await c.reload({ ...EMPTY_FILTERS, search: 'Lào', exact: true });
    release();
    expect(await stale).toBeNull();
    expect(fresh?.total).toBe(N / 3);
    expect(c.total).toBe(N / 3);
  });

  it('remove() forgets a row so the next page does not skip one', async () => {
    const c = createListController((o) => listArticles(db, o));
    await c.reload(EMPTY_FILTERS);
    const gone = c.items[3]!.id;
    c.remove(gone);
    expect(c.items).toHaveLength(49);
    expect(c.total).toBe(N - 1);
  });

  it('renders rows with data-testid hooks, "Xem thêm", and the no-match state', async () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const opened: string[] = [];
    const list = createArchiveList(document, 'vi', (o) => listArticles(db, o), {
      open: (s) => opened.push(s.id),
      remove: () => undefined,
    });
    document.body.append(list.element);
    await list.reload(EMPTY_FILTERS);
    const rows = document.querySelectorAll('[data-testid="archive-item"]');
    expect(rows).toHaveLength(50);
    const more = document.querySelector<HTMLButtonElement>('[data-testid="more"]')!;
    expect(more.hidden).toBe(false);
    expect(more.textContent).toBe('Xem thêm (70 bài còn lại)');
    expect(rows[0]!.querySelector('[data-testid="saved"]')!.textContent).toMatch(/^Lưu \d{2}\/\d{2}\/\d{4}$/);
    rows[0]!.querySelector<HTMLElement>('[data-testid="open"]')!.click();
    expect(opened).toEqual([(rows[0] as HTMLElement).dataset.id]);
    list.removeItem((rows[1] as HTMLElement).dataset.id!);
    expect(document.querySelectorAll('[data-testid="archive-item"]')).toHaveLength(49);
    await list.reload({ ...EMPTY_FILTERS, search: 'không có từ này' });
    expect(document.querySelectorAll('[data-testid="archive-item"]')).toHaveLength(0);
    expect(document.querySelector('[data-testid="no-match"]')?.textContent).toBe('Không có bài nào khớp với bộ lọc.');
    expect(document.querySelector('[data-testid="result-count"]')?.textContent).toBe('Tìm thấy 0 bài');
  });

  it('an empty archive explains how to save', async () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const empty = await freshDb();
    const list = createArchiveList(document, 'vi', (o) => listArticles(empty, o), {
      open: () => undefined,
      remove: () => undefined,
    });
    document.body.append(list.element);
    await list.reload(EMPTY_FILTERS);
    const text = document.querySelector('[data-testid="empty"]')?.textContent ?? '';
    expect(text).toContain('Lưu bài');
    expect(text).toContain('Alt+Shift+S');
    expect(text).toContain('chuột phải');
    expect(document.querySelector('[data-testid="not-here"]')).toBeNull();
  });

  it('on Firefox for Android (no menus, no commands) it names the toolbar only, and says why', async () => {
    const api = fakeBrowser as unknown as { commands?: unknown; contextMenus?: unknown };
    const kept = { commands: api.commands, contextMenus: api.contextMenus };
    api.commands = undefined;
    api.contextMenus = undefined;
    try {
      const { document } = new JSDOM('<!doctype html><body></body>').window;
      const empty = await freshDb();
      const list = createArchiveList(document, 'vi', (o) => listArticles(empty, o), {
        open: () => undefined,
        remove: () => undefined,
      });
      document.body.append(list.element);
      await list.reload(EMPTY_FILTERS);
      const text = document.querySelector('[data-testid="empty"]')?.textContent ?? '';
      expect(text).toContain('Lưu bài');
      expect(text).not.toContain('Alt+Shift+S');
      expect(text).not.toContain('một trong ba cách');
      expect(document.querySelector('[data-testid="not-here"]')?.textContent).toBe(
        'Phím tắt và menu chuột phải không có trên thiết bị này.',
      );
    } finally {
      Object.assign(api, kept);
    }
  });
});

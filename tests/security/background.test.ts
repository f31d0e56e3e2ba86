/**
 * The background trusts nothing a content script hands it: a table of malformed save payloads
 * (lib/background/payloads.ts, and saveFromContent storing nothing for each), and messages from
 * other senders — another extension, a web page's content-script context asking for
 * extension-page-only operations — refused without touching the archive.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { CleanArticle } from '@/lib/article';
import { archive, saveFromContent } from '@/lib/background/archive-service';
import { validateCleanArticle } from '@/lib/background/payloads';
import { MAX_NAME_LENGTH, MAX_URL_LENGTH } from '@/lib/limits';
import { dump, makeArticle } from '../support/archive-fixtures';

type Handler = (message: { data: unknown; sender: Record<string, unknown> }) => unknown;
const handlers = new Map<string, Handler>();

vi.mock('@/lib/messaging', () => ({
  onMessage: (type: string, handler: Handler) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
  sendMessage: vi.fn(() => Promise.reject(new Error('no tab'))),
}));

const valid = (): Record<string, unknown> => ({ ...makeArticle() }) as unknown as Record<string, unknown>;
const withField = (key: string, value: unknown) => () => ({ ...valid(), [key]: value });

const MALFORMED: [name: string, payload: () => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a string', () => 'saveArticle'],
  ['an array', () => [valid()]],
  ['isArticle false', withField('isArticle', false)],
  ['isArticle "true"', withField('isArticle', 'true')],
  ['javascript: url', withField('url', 'javascript:alert(1)')],
  ['data: canonicalUrl', withField('canonicalUrl', 'data:text/html,<script>alert(1)</script>')],
  ['chrome-extension: url', withField('url', 'chrome-extension://abc/popup.html')],
  ['file: url', withField('url', 'file:///etc/passwd')],
  [`url longer than ${MAX_URL_LENGTH}`, withField('url', `https://antv.gov.vn/${'a'.repeat(MAX_URL_LENGTH)}`)],
  ['title missing', withField('title', undefined)],
  ['title blank', withField('title', '   ')],
  ['title a number', withField('title', 42)],
  ['contentHtml an object', withField('contentHtml', { toString: () => '<p>x</p>' })],
  ['text over 5 MB', withField('text', 'a'.repeat(5_000_001))],
  ['contentHtml over 5 MB', withField('contentHtml', `<p>${'a'.repeat(5_000_001)}</p>`)],
  ['lead a number', withField('lead', 7)],
  ['publishedAt an object', withField('publishedAt', { toISOString: () => 'x' })],
  ['wordCount NaN', withField('wordCount', Number.NaN)],
  ['readingMinutes Infinity', withField('readingMinutes', Number.POSITIVE_INFINITY)],
  ['wordCount a string', withField('wordCount', '12')],
  ['entities not a list', withField('entities', 'Lào')],
  [
    'entities over 5000',
    withField(
      'entities',
      Array.from({ length: 5001 }, () => ({ id: 'LA', name: 'Lào', mentions: [] })),
    ),
  ],
  ['entity without id', withField('entities', [{ name: 'Lào', mentions: [] }])],
  [
    `entity id over ${MAX_NAME_LENGTH}`,
    withField('entities', [{ id: 'x'.repeat(MAX_NAME_LENGTH + 1), name: 'Lào', mentions: [] }]),
  ],
  ['entity mentions not a list', withField('entities', [{ id: 'LA', name: 'Lào', mentions: 'all' }])],
  ['lang missing', withField('lang', undefined)],
  ['url with a user name before the host', withField('url', 'https://nhandan.vn@evil.example/bai.html')],
  ['canonicalUrl with a user name', withField('canonicalUrl', 'https://nhandan.vn:x@evil.example/')],
  ['site holding HTML', withField('site', '<img src=x onerror=alert(1)>')],
  ['site with a control character', withField('site', 'antv.gov.vn\u0000')],
];

describe('validateCleanArticle: a table of malformed payloads', () => {
  it('accepts a well-formed article', () => {
    expect(validateCleanArticle(valid())).toBeNull();
  });
  it.each(MALFORMED)('rejects %s, and saveFromContent stores nothing', async (_name, payload) => {
    const p = payload();
    expect(validateCleanArticle(p)).toEqual(expect.any(String));
    const db = await archive();
    const before = await dump(db);
    expect(await saveFromContent(p, 'https://antv.gov.vn/tin-tuc/x-1.html')).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await dump(db)).toBe(before);
  });
  it('__proto__ in a payload pollutes nothing', async () => {
    const p = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid()).slice(1)}`) as unknown;
    await saveFromContent(p, 'https://antv.gov.vn/tin-tuc/x-1.html');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
  it('entities sent by the page are ignored: the background recomputes them from the text', async () => {
    const a = makeArticle({ url: 'https://antv.gov.vn/tin-thuc-the-gia.html' });
    const forged = {
      ...a,
      entities: [{ id: 'FAKE', name: '<img src=x onerror=alert(1)>', type: 'PERSON', listed: true, mentions: [] }],
    };
    const outcome = await saveFromContent(forged, a.url);
    expect(outcome.ok).toBe(true);
    const db = await archive();
    const stored = await db.bodies.get(outcome.ok ? outcome.id : '');
    expect(JSON.stringify(stored?.entities)).not.toContain('FAKE');
  });
});

describe('background messages from other senders', () => {
  const own = () => browser.runtime.id;
  const pageUrl = () => browser.runtime.getURL('/popup.html');
  const otherExtension = { id: 'evil-extension-id', url: 'chrome-extension://evil/popup.html' };
  const contentScript = () => ({ id: own(), url: 'https://antv.gov.vn/tin-tuc/chinh-tri/x-1.html', tab: { id: 3 } });
  const webPage = { url: 'https://antv.gov.vn/', origin: 'https://antv.gov.vn' }; // externally sent: no id

  beforeAll(async () => {
    // the fake browser has no context menus or commands: stub the listeners startBackground adds
    const noop = { addListener: vi.fn() };
    Object.assign(browser, {
      contextMenus: { ...browser.contextMenus, onClicked: noop, create: vi.fn() },
      commands: { ...browser.commands, onCommand: noop },
    });
    const { startBackground } = await import('../../lib/background/main');
    startBackground();
  });

  const call = (type: string, data: unknown, sender: Record<string, unknown>) =>
    Promise.resolve(handlers.get(type)!({ data, sender }));

  it('registers the handlers under test', () => {
    for (const t of [
      'saveArticle',
      'isSaved',
      'findMentions',
      'entityDetails',
      'saveTab',
      'deleteArticle',
      'restoreArticle',
      'importArchive',
    ])
      expect(handlers.has(t), t).toBe(true);
  });

  it('saveArticle from another extension or a web page is refused and stores nothing', async () => {
    const db = await archive();
    const before = await dump(db);
    for (const sender of [otherExtension, webPage]) {
      expect(
        await call('saveArticle', makeArticle({ url: 'https://antv.gov.vn/tu-nguoi-la.html' }), sender),
      ).toMatchObject({ ok: false, code: 'invalid', message: 'unknown sender' });
    }
    expect(await dump(db)).toBe(before);
  });

  it('delete, restore and import are for extension pages only: a content script (next to page scripts) is refused', async () => {
    const db = await archive();
    const { id } = await (
      await import('../../lib/archive')
    ).saveArticle(db, makeArticle({ url: 'https://antv.gov.vn/giu-lai.html' }));
    const before = await dump(db);
    const file = JSON.stringify({ format: 'vietlao-reader-archive', schemaVersion: 1, articles: [] });
    for (const sender of [contentScript(), otherExtension, webPage]) {
      expect(await call('deleteArticle', id, sender)).toMatchObject({ ok: false, message: 'unknown sender' });
      expect(await call('restoreArticle', 'token', sender)).toMatchObject({ ok: false });
      expect(await call('importArchive', file, sender)).toMatchObject({ ok: false, code: 'sender' });
      expect(await call('importPart', { upload: 'u', index: 0, text: file }, sender)).toMatchObject({ ok: false });
      expect(await call('importArchive', { upload: 'u', parts: 1 }, sender)).toMatchObject({
        ok: false,
        code: 'sender',
      });
      expect(await call('undoImport', 'token', sender)).toMatchObject({ ok: false, message: 'unknown sender' });
    }
    expect(await dump(db)).toBe(before);
    // the same delete from an extension page goes through
    expect(await call('deleteArticle', id, { id: own(), url: pageUrl() })).toMatchObject({ ok: true });
  });

  it('isSaved, findMentions, entityDetails and saveTab answer nothing to other senders', async () => {
    const db = await archive();
    await (await import('../../lib/archive')).saveArticle(db, makeArticle({ url: 'https://antv.gov.vn/da-luu.html' }));
    expect(await call('isSaved', 'https://antv.gov.vn/da-luu.html', otherExtension)).toBe(false);
    expect(await call('isSaved', 'https://antv.gov.vn/da-luu.html', contentScript())).toBe(true);
    expect(await call('findMentions', 'Việt Nam và Lào', otherExtension)).toEqual({ ok: false, code: 'invalid' });
    expect(await call('findMentions', 'Việt Nam và Lào', webPage)).toEqual({ ok: false, code: 'invalid' });
    expect(await call('findMentions', 'Việt Nam và Lào', contentScript())).toMatchObject({ ok: true });
    expect(await call('entityDetails', 'LA', otherExtension)).toBeNull();
    expect(await call('saveTab', 3, otherExtension)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it("a save is keyed by the sender tab's address: a canonical URL naming another site cannot overwrite its copy", async () => {
    const db = await archive();
    const nhandan = makeArticle({
      url: 'https://nhandan.vn/hop-tac-viet-lao-post1.html',
      title: 'Bài gốc của Nhân Dân',
    });
    await (await import('../../lib/archive')).saveArticle(db, nhandan);
    const before = (await db.articles.where('canonicalUrl').equals(nhandan.canonicalUrl).first())!;
    const tab = 'https://antv.gov.vn/tin-tuc/gia-mao-1.html';
    const forged = { ...makeArticle({ url: tab, title: 'Tiêu đề của kẻ tấn công' }), canonicalUrl: nhandan.url };
    const sender = { id: own(), url: tab, frameId: 0, tab: { id: 7, url: tab } };
    expect(await call('isSaved', nhandan.url, sender)).toBe(false); // the page cannot ask about another site
    const outcome = (await call('saveArticle', forged, sender)) as { ok: boolean; status: string; id: string };
    expect(outcome).toMatchObject({ ok: true, status: 'added' });
    expect(outcome.id).not.toBe(before.id);
    const after = (await db.articles.where('canonicalUrl').equals(nhandan.canonicalUrl).first())!;
    expect(after).toEqual(before); // the nhandan copy untouched
    expect((await db.articles.get(outcome.id))!.canonicalUrl).toBe(tab);
    expect(await call('isSaved', nhandan.url, sender)).toBe(true); // …and "saved" now means the tab's own article
  });

  it("a canonical URL on the tab's own site (mobile host, AMP path) is the identity", async () => {
    const db = await archive();
    const tab = 'https://m.antv.gov.vn/amp/tin-tuc/ban-di-dong-2.html';
    const canonical = 'https://antv.gov.vn/tin-tuc/ban-chinh-2.html';
    const sender = { id: own(), url: tab, frameId: 0, tab: { id: 8, url: tab } };
    const outcome = (await call('saveArticle', { ...makeArticle({ url: tab }), canonicalUrl: canonical }, sender)) as {
      id: string;
    };
    const row = (await db.articles.get(outcome.id))!;
    expect(row.canonicalUrl).toBe(canonical);
    expect(row.url).toBe(tab);
    expect(await call('isSaved', canonical, sender)).toBe(true);
  });

  it('a save from a frame, or from a sender without a tab, is refused', async () => {
    const db = await archive();
    const before = await dump(db);
    const url = 'https://antv.gov.vn/tin-tuc/khung-3.html';
    const article = makeArticle({ url });
    for (const sender of [
      { id: own(), url, frameId: 2, tab: { id: 9, url } },
      { id: own(), url },
    ])
      expect(await call('saveArticle', article, sender)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await dump(db)).toBe(before);
  });

  it('a save that replaced a copy can be taken back from that tab, once; another tab cannot', async () => {
    const db = await archive();
    const url = 'https://antv.gov.vn/tin-tuc/sua-lai-4.html';
    const sender = { id: own(), url, frameId: 0, tab: { id: 10, url } };
    const first = makeArticle({ url, title: 'Bản đầu' });
    await call('saveArticle', first, sender);
    const original = await dump(db);
    const second = (await call('saveArticle', { ...first, title: 'Bản sau', text: `${first.text} Thêm.` }, sender)) as {
      status: string;
      undoToken: string;
    };
    expect(second).toMatchObject({ ok: true, status: 'updated', undoToken: expect.any(String) });
    const other = { ...sender, tab: { id: 11, url } };
    expect(await call('undoSave', second.undoToken, other)).toEqual({ ok: true, status: 'expired' });
    expect(await call('undoSave', second.undoToken, sender)).toEqual({ ok: true, status: 'restored' });
    expect(await dump(db)).toBe(original);
    expect(await call('undoSave', second.undoToken, sender)).toEqual({ ok: true, status: 'expired' });
  });

  it('wrong data types from our own contexts are refused, not thrown', async () => {
    const page = { id: own(), url: pageUrl() };
    expect(await call('deleteArticle', { id: 'x' }, page)).toMatchObject({ ok: false });
    expect(await call('importArchive', { text: '{}' }, page)).toMatchObject({ ok: false, code: 'upload' }); // no such upload
    expect(await call('isSaved', 42, contentScript())).toBe(false);
    expect(await call('findMentions', ['a list', 'of texts'], contentScript())).toEqual({ ok: false, code: 'invalid' });
    expect(await call('findMentions', { text: 'Lào' }, contentScript())).toEqual({ ok: false, code: 'invalid' });
    expect(await call('saveArticle', 'not an article', contentScript())).toMatchObject({ ok: false, code: 'invalid' });
  });
});

export type { CleanArticle };

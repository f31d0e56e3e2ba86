// @vitest-environment jsdom
// (a background with a DOM, as Firefox's background page: sanitizeBodies runs sanitizeHtml right here)
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportArchive, getArticle, saveArticle, type ArchiveFile } from '@/lib/archive';
import {
  deleteById,
  importText,
  importUpload,
  receiveImportPart,
  restoreByToken,
  undoImportByToken,
} from '@/lib/background/archive-messages';
import { archive } from '@/lib/background/archive-service';
import { splitForMessages } from '@/lib/messaging';
import { makeArticle } from '../../support/archive-fixtures';

/** The popup's side of an import: the file's text in parts, then the import. */
async function upload(text: string, max?: number) {
  const id = crypto.randomUUID();
  const parts = splitForMessages(text, max);
  for (const [index, part] of parts.entries())
    expect(receiveImportPart({ upload: id, index, text: part })).toEqual({ ok: true });
  return importUpload(id, parts.length);
}

describe('background: delete, undo and import for the popup', () => {
  it('delete hands back an undo token; restore puts the article back once', async () => {
    const db = await archive();
    const { id } = await saveArticle(db, makeArticle({ title: 'Hợp tác Việt – Lào' }));
    const deleted = await deleteById(id);
    expect(deleted.ok && deleted.undoToken).toBeTruthy();
    expect(await getArticle(db, id)).toBeNull();
    const token = deleted.ok ? deleted.undoToken! : '';
    expect(await restoreByToken(token)).toEqual({ ok: true, status: 'restored' });
    expect((await getArticle(db, id))?.title).toBe('Hợp tác Việt – Lào');
    expect(await restoreByToken(token)).toEqual({ ok: true, status: 'expired' });
  });

  it('deleting an unknown id is not an error and has nothing to undo', async () => {
    expect(await deleteById('no-such-id')).toEqual({ ok: true, undoToken: null });
  });

  it('imports an export of the archive (everything skipped, nothing to undo) and explains a broken file', async () => {
    const db = await archive();
    await saveArticle(db, makeArticle());
    const count = await db.articles.count();
    const text = await (await exportArchive(db)).text();
    expect(await importText(text)).toEqual({ ok: true, added: 0, updated: 0, skipped: count, undoToken: null });
    const broken = await importText(text.slice(0, 40));
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.code).toMatch(/truncated|not-json/);
      expect(broken.messageVi).toMatch(/Không nhập được|tệp/);
    }
    expect(await db.articles.count()).toBe(count);
  });

  it('a file sent in many parts (Vietnamese text cut anywhere) imports as one, sanitised, and the import can be undone', async () => {
    const db = await archive();
    const kept = makeArticle({ title: 'Bản đã lưu' });
    const { id: keptId } = await saveArticle(db, kept, new Date('2024-01-01T00:00:00Z'));
    const before = await db.articles.count();
    const file = JSON.parse(await (await exportArchive(db)).text()) as ArchiveFile;
    const stored = file.articles.find((a) => a.id === keptId)!;
    const newer = {
      ...stored,
      title: 'Bản mới hơn từ tệp 🇻🇳',
      updatedAt: '2030-01-01T00:00:00.000Z',
      contentHtml:
        '<p onclick="alert(1)">Hà Nội – Viêng Chăn</p><script>alert(2)</script><a href="javascript:alert(3)">x</a>',
    };
    const added = {
      ...stored,
      id: 'moi',
      url: 'https://antv.gov.vn/moi.html',
      canonicalUrl: 'https://antv.gov.vn/moi.html',
    };
    const text = JSON.stringify({ ...file, articles: [newer, added] });
    const outcome = await upload(text, 7); // 7 characters a part: hundreds of parts, emoji halves kept together
    expect(outcome).toMatchObject({ ok: true, added: 1, updated: 1, skipped: 0 });
    const replaced = await getArticle(db, keptId);
    expect(replaced?.title).toBe('Bản mới hơn từ tệp 🇻🇳');
    expect(replaced?.contentHtml).toBe('<p>Hà Nội – Viêng Chăn</p><a>x</a>');
    expect(await db.articles.count()).toBe(before + 1);

    const token = outcome.ok ? outcome.undoToken! : '';
    expect(await undoImportByToken(token)).toEqual({ ok: true, status: 'undone', removed: 1, restored: 1, kept: 0 });
    expect((await getArticle(db, keptId))?.title).toBe('Bản đã lưu');
    expect(await getArticle(db, 'moi')).toBeNull();
    expect(await db.articles.count()).toBe(before);
    expect(await undoImportByToken(token)).toEqual({ ok: true, status: 'expired' });
  });

  it('an upload with a part missing, or malformed parts, imports nothing and says so', async () => {
    const id = crypto.randomUUID();
    expect(receiveImportPart({ upload: id, index: 0, text: '{"format":' })).toEqual({ ok: true });
    expect(receiveImportPart({ upload: id, index: 2, text: '}' }).ok).toBe(false); // part 1 never came
    const outcome = await importUpload(id, 3);
    expect(outcome).toMatchObject({ ok: false, code: 'upload' });
    expect(!outcome.ok && outcome.messageVi).toMatch(/Chưa nhập gì/);
    for (const bad of [
      null,
      'text',
      { upload: '', index: 0, text: '' },
      { upload: id, index: -1, text: '' },
      { upload: id, index: 0 },
    ])
      expect(receiveImportPart(bad).ok).toBe(false);
  });
});

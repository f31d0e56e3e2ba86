import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportArchive, getArticle, saveArticle } from '@/lib/archive';
import { deleteById, importText, restoreByToken } from '@/lib/background/archive-messages';
import { archive } from '@/lib/background/archive-service';
import { makeArticle } from '../../support/archive-fixtures';

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

  it('imports an export of the archive (everything skipped) and explains a broken file', async () => {
    const db = await archive();
    await saveArticle(db, makeArticle());
    const count = await db.articles.count();
    const text = await (await exportArchive(db)).text();
    expect(await importText(text)).toEqual({ ok: true, added: 0, updated: 0, skipped: count });
    const broken = await importText(text.slice(0, 40));
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.code).toMatch(/truncated|not-json/);
      expect(broken.messageVi).toMatch(/Không nhập được|tệp/);
    }
    expect(await db.articles.count()).toBe(count);
  });
});

/**
 * Undoing an import (lib/archive/import-undo.ts): replaced copies come back byte for byte, added
 * articles go, the count follows; what changed since the import is left as it is; a file naming
 * the same page twice is undone too.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { getArticle } from '@/lib/archive/articles';
import { articleCount } from '@/lib/archive/counter';
import type { ArchiveDb } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import type { ArchiveFile, ExportedArticle } from '@/lib/archive/file-format';
import { importArchive } from '@/lib/archive/import';
import { undoImport } from '@/lib/archive/import-undo';
import { saveArticle } from '@/lib/archive/save';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { dump, freshDb, makeArticle } from '../../support/archive-fixtures';

const win = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((html) => sanitizeHtml(html, win));
const LATER = '2030-01-01T00:00:00.000Z';

async function seeded(): Promise<{ db: ArchiveDb; file: ArchiveFile }> {
  const db = await freshDb();
  await saveArticle(db, makeArticle({ title: 'Bản đã lưu một' }), new Date('2024-06-01T00:00:00Z'));
  await saveArticle(db, makeArticle({ title: 'Bản đã lưu hai' }), new Date('2024-06-02T00:00:00Z'));
  const file = JSON.parse(await (await exportArchive(db)).text()) as ArchiveFile;
  file.articles.reverse(); // oldest first: "một", then "hai"
  return { db, file };
}

const fresh = (a: ExportedArticle, n: number): ExportedArticle => ({
  ...a,
  id: `moi-${n}`,
  url: `https://antv.gov.vn/moi-${n}.html`,
  canonicalUrl: `https://antv.gov.vn/moi-${n}.html`,
  title: `Bài mới ${n}`,
});
const file = (base: ArchiveFile, articles: ExportedArticle[]) => JSON.stringify({ ...base, articles });

describe('undoImport', () => {
  it('restores every replaced copy exactly and removes every added article', async () => {
    const { db, file: base } = await seeded();
    const before = await dump(db);
    const [one, two] = base.articles as [ExportedArticle, ExportedArticle];
    const result = await importArchive(
      db,
      file(base, [{ ...one, title: 'Sửa', updatedAt: LATER }, two, fresh(one, 1), fresh(one, 2)]),
      sanitize,
    );
    expect(result).toMatchObject({ added: 2, updated: 1, skipped: 1 });
    expect(result.undo.changes.map((c) => c.kind)).toEqual(['replaced', 'added', 'added']);
    expect(await articleCount(db)).toBe(4);
    expect(await undoImport(db, result.undo)).toEqual({ removed: 2, restored: 1, kept: 0 });
    expect(await dump(db)).toBe(before); // every row of both tables as it was
    expect(await articleCount(db)).toBe(2);
  });

  it('leaves alone what changed since the import: an article saved again, one deleted', async () => {
    const { db, file: base } = await seeded();
    const [one, two] = base.articles as [ExportedArticle, ExportedArticle];
    const result = await importArchive(
      db,
      file(base, [
        { ...one, title: 'Sửa một', updatedAt: LATER },
        { ...two, title: 'Sửa hai', updatedAt: LATER },
        fresh(one, 3),
      ]),
      sanitize,
    );
    // the user saves the first article again after the import, and deletes the new one
    await saveArticle(db, {
      ...makeArticle(),
      url: one.url,
      canonicalUrl: one.canonicalUrl,
      title: 'Lưu lại sau khi nhập',
    });
    await db.articles.delete('moi-3');
    await db.bodies.delete('moi-3');
    expect(await undoImport(db, result.undo)).toEqual({ removed: 0, restored: 1, kept: 1 });
    expect((await getArticle(db, one.id))?.title).toBe('Lưu lại sau khi nhập');
    expect((await getArticle(db, two.id))?.title).toBe('Bản đã lưu hai');
  });

  it('a file naming the same page twice (added, then replaced by its newer copy) is undone whole', async () => {
    const { db, file: base } = await seeded();
    const before = await dump(db);
    const first = fresh(base.articles[0]!, 4);
    const result = await importArchive(
      db,
      file(base, [first, { ...first, title: 'Bản sau', updatedAt: LATER }]),
      sanitize,
    );
    expect(result).toMatchObject({ added: 1, updated: 1 });
    await undoImport(db, result.undo);
    expect(await dump(db)).toBe(before);
  });

  it('undoing twice changes nothing the second time', async () => {
    const { db, file: base } = await seeded();
    const result = await importArchive(db, file(base, [fresh(base.articles[0]!, 5)]), sanitize);
    await undoImport(db, result.undo);
    const after = await dump(db);
    expect(await undoImport(db, result.undo)).toEqual({ removed: 0, restored: 0, kept: 0 });
    expect(await dump(db)).toBe(after);
  });
});

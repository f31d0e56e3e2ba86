/**
 * The `rule` field of a saved article (which rule cleaned it, and whether it was a fallback):
 * kept by a save, read as null from rows saved before it existed, exported, imported (optional:
 * version-1 files have none), checked on the way in and out (lib/archive/fields.ts).
 */
import { describe, expect, it } from 'vitest';
import { getArticle } from '@/lib/archive/articles';
import { ruleProblem, validRule } from '@/lib/archive/fields';
import { toExportedArticle } from '@/lib/archive/export';
import { readArticle } from '@/lib/archive/import-validation';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

describe('the rule field', () => {
  it('a save keeps the rule, and the export writes it', async () => {
    const db = await freshDb();
    const { id } = await saveArticle(db, { ...makeArticle(), rule: { id: 'cms-template', fallback: 'family' } });
    const stored = await getArticle(db, id);
    expect(stored?.rule).toEqual({ id: 'cms-template', fallback: 'family' });
    expect((await toExportedArticle(stored!)).rule).toEqual({ id: 'cms-template', fallback: 'family' });
  });

  it('a rule that is not one is saved as "not known"', async () => {
    const db = await freshDb();
    const bad = { id: 'x" onload="y', fallback: 'sometimes' } as unknown as { id: string; fallback: null };
    const { id } = await saveArticle(db, { ...makeArticle(), rule: bad });
    expect((await getArticle(db, id))?.rule).toBeNull();
  });

  it('a row saved before the field existed reads as null', async () => {
    const db = await freshDb();
    const { id } = await saveArticle(db, makeArticle());
    await db.articles.update(id, { rule: undefined });
    const row = await db.articles.get(id);
    expect(row && 'rule' in row && row.rule !== undefined).toBe(false);
    expect((await getArticle(db, id))?.rule).toBeNull();
  });

  it('import: optional (a version-1 article has none), checked when present', async () => {
    const db = await freshDb();
    const { id } = await saveArticle(db, { ...makeArticle(), rule: { id: 'antv', fallback: null } });
    const exported = await toExportedArticle((await getArticle(db, id))!);
    const { rule: _r, ...v1 } = exported;
    expect(readArticle(v1, ['articles', 0]).rule).toBeNull();
    expect(readArticle(exported, ['articles', 0]).rule).toEqual({ id: 'antv', fallback: null });
    expect(() => readArticle({ ...exported, rule: { id: 'antv', fallback: 'x' } }, ['articles', 0])).toThrow(/rule/);
  });

  it.each([
    [{ id: 'generic', fallback: 'generic' }, true],
    [{ id: 'vccorp-afcbc', fallback: null }, true],
    [{ id: 'mastercms', fallback: 'family' }, true],
    [{ id: 'Mastercms', fallback: null }, false],
    [{ id: 'antv', fallback: 'host' }, false],
    [{ id: 'antv' }, false],
    [{ id: 'antv', fallback: null, extra: 1 }, false],
    ['antv', false],
    [null, false],
  ])('ruleProblem(%j) → valid %s', (value, valid) => {
    expect(ruleProblem(value) === null).toBe(valid);
    expect(validRule(value) !== null).toBe(valid);
  });
});

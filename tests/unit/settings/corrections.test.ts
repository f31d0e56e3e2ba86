/**
 * The stored corrections (lib/settings/corrections.ts): version 1 of `local:corrections`, read
 * through the check so a damaged entry is dropped and not the list; the migration path — a value
 * stored at version 1 (or with no version, as WXT counts a value written before versions) is
 * brought forward by the next version's migration on first access.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import type { Correction } from '@/lib/entities/corrections';
import {
  addUserCorrection,
  CORRECTIONS_VERSION,
  correctionsItem,
  mergeCorrections,
  personalCorrections,
  readCorrections,
  removeCorrection,
  replaceCorrection,
} from '@/lib/settings/corrections';

const at = '2026-12-03T10:00:00.000Z';
const ttxvn: Correction = { kind: 'not-entity', id: 'c1', surface: 'TTXVN', scope: { kind: 'everywhere' }, at };

describe('stored corrections', () => {
  beforeEach(() => fakeBrowser.reset());

  it('start empty, at version 1', async () => {
    expect(CORRECTIONS_VERSION).toBe(1);
    expect(await readCorrections()).toEqual([]);
    await addUserCorrection({ kind: 'not-entity', surface: 'TTXVN', scope: { kind: 'site', site: 'antv.gov.vn' } });
    expect(await correctionsItem.getMeta()).toEqual({ v: 1 });
  });

  it('add, replace, edit, remove', async () => {
    await addUserCorrection({ kind: 'not-entity', surface: 'TTXVN', scope: { kind: 'everywhere' } });
    const [mark] = await addUserCorrection({
      kind: 'mark',
      surface: 'ttxvn',
      scope: { kind: 'everywhere' },
      type: 'ORG',
    });
    expect(await readCorrections()).toHaveLength(1); // the same spelling and scope: the later one
    expect(mark).toMatchObject({ kind: 'mark', type: 'ORG' });
    await replaceCorrection({ ...mark!, surface: 'Thông tấn xã Việt Nam' });
    expect((await readCorrections())[0]!.surface).toBe('Thông tấn xã Việt Nam');
    await removeCorrection(mark!.id);
    expect(await readCorrections()).toEqual([]);
  });

  it('a damaged stored entry is dropped, the others kept', async () => {
    await fakeBrowser.storage.local.set({ corrections: [ttxvn, { kind: 'not-entity', surface: '<b>x</b>' }, 42] });
    expect(await readCorrections()).toEqual([ttxvn]);
  });

  it('imported corrections merge: same spelling and scope replaced, a clashing id renewed', async () => {
    await correctionsItem.setValue([ttxvn]);
    await mergeCorrections([
      { ...ttxvn, id: 'c1', surface: 'VOV' },
      { kind: 'mark', id: 'c9', surface: 'ttxvn', scope: { kind: 'everywhere' }, at, type: 'ORG' },
    ]);
    const list = await readCorrections();
    expect(list.map((c) => [c.surface, c.kind]).sort()).toEqual([
      ['VOV', 'not-entity'],
      ['ttxvn', 'mark'],
    ]);
    expect(new Set(list.map((c) => c.id)).size).toBe(2);
  });

  it('a removed correction is recorded, and a merge that brings it back again does not restore it', async () => {
    await correctionsItem.setValue([ttxvn]);
    const copy = (await readCorrections())[0]!; // what the other computer still has
    await removeCorrection(ttxvn.id);
    expect(await readCorrections()).toEqual([]);
    const { removedCorrections } = await personalCorrections();
    expect(removedCorrections).toMatchObject([{ surface: ttxvn.surface, scope: ttxvn.scope }]);
    await mergeCorrections([copy]); // the sync or an older export brings the old copy
    expect(await readCorrections()).toEqual([]);
    // made again later, here or elsewhere: the newer act wins over the removal
    const again = { ...copy, id: 'c-new', at: new Date(Date.now() + 60_000).toISOString() };
    await mergeCorrections([again]);
    expect((await readCorrections()).map((c) => c.id)).toEqual(['c-new']);
  });

  it('a removal from elsewhere removes the older correction here, and not a newer one', async () => {
    const older = { ...ttxvn, at: '2026-01-01T00:00:00.000Z' };
    await correctionsItem.setValue([older]);
    await mergeCorrections([], [{ surface: 'ttxvn', scope: ttxvn.scope, at: '2026-02-01T00:00:00.000Z' }]);
    expect(await readCorrections()).toEqual([]);
    const newer = { ...ttxvn, at: '2026-03-01T00:00:00.000Z' };
    await correctionsItem.setValue([newer]);
    await mergeCorrections([], [{ surface: 'TTXVN', scope: ttxvn.scope, at: '2026-02-01T00:00:00.000Z' }]);
    expect(await readCorrections()).toEqual([newer]);
  });

  it('the migration path: a version-1 value is migrated by the next version on first access', async () => {
    await correctionsItem.setValue([ttxvn]); // written by this version
    await fakeBrowser.storage.local.set({ corrections$: {} }); // and as a value stored before versions (no v)
    let migrated: unknown;
    const next = storage.defineItem<{ list: Correction[] }>('local:corrections', {
      fallback: { list: [] },
      version: 2,
      migrations: { 2: (v1: Correction[]) => (migrated = { list: v1 }) },
    });
    expect(await next.getValue()).toEqual({ list: [ttxvn] });
    expect(migrated).toEqual({ list: [ttxvn] });
    expect(await next.getMeta()).toEqual({ v: 2 });
  });
});

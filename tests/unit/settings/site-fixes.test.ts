/**
 * The stored site fixes, version 1 → 2 (lib/settings/site-fixes.ts): what a v1 build stored is
 * brought forward on first access — every site's removed blocks and custom container kept, made
 * well-formed — and the version recorded, so it runs once.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { isSiteFixes, migrateV1ToV2, type SiteFixes } from '@/lib/clean/site-fixes';
import { SITE_FIXES_MIGRATIONS, SITE_FIXES_VERSION } from '@/lib/settings/site-fixes';

const V1 = {
  'antv.gov.vn': { remove: ['div.detail-content > figure.image:first-child'] },
  'bocongan.gov.vn': {
    remove: ['  .box-related  ', '', '.box-related', 'x'.repeat(501), 42],
    container: '.detail-body',
  },
  'vov.vn': { remove: [], container: '' }, // nothing left to do
  'broken.example': 'not a fix',
};

/** The item as the extension defines it, read fresh (the migration runs on first access). */
const item = () =>
  storage.defineItem<SiteFixes>('local:siteFixes', {
    fallback: {},
    version: SITE_FIXES_VERSION,
    migrations: SITE_FIXES_MIGRATIONS,
  });

describe('site fixes storage: version 2 and its migration', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a v1 value is migrated on first access: blocks and containers kept, tidied; the version recorded', async () => {
    await fakeBrowser.storage.local.set({ siteFixes: V1, siteFixes$: { v: 1 } });
    const fixes = await item().getValue();
    expect(fixes).toEqual({
      'antv.gov.vn': { remove: ['div.detail-content > figure.image:first-child'] },
      'bocongan.gov.vn': { remove: ['.box-related'], container: '.detail-body' },
    });
    expect(isSiteFixes(fixes)).toBe(true);
    expect(await item().getMeta()).toEqual({ v: 2 });
    expect((await fakeBrowser.storage.local.get('siteFixes')).siteFixes).toEqual(fixes); // written back once
  });

  it('a value stored before versions (no meta) is treated as v1 and migrated', async () => {
    await fakeBrowser.storage.local.set({ siteFixes: { 'antv.gov.vn': { remove: [' .view-more '] } } });
    expect(await item().getValue()).toEqual({ 'antv.gov.vn': { remove: ['.view-more'] } });
  });

  it('a v2 value with a candidate choice is read as it is', async () => {
    const v2: SiteFixes = { 'antv.gov.vn': { remove: [], prefer: 'generic' } };
    await fakeBrowser.storage.local.set({ siteFixes: v2, siteFixes$: { v: 2 } });
    expect(await item().getValue()).toEqual(v2);
  });

  it('the migration never throws on what storage could hold', () => {
    for (const junk of [null, undefined, 42, 'x', [], [{ remove: [] }], { a: null }, { a: { remove: 'x' } }])
      expect(isSiteFixes(migrateV1ToV2(junk))).toBe(true);
  });

  it('a fix with an unknown candidate is refused on import', () => {
    expect(isSiteFixes({ 'antv.gov.vn': { remove: [], prefer: 'family' } })).toBe(true);
    expect(isSiteFixes({ 'antv.gov.vn': { remove: [], prefer: 'readability' } })).toBe(false);
  });
});

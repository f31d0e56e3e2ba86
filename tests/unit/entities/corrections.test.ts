/** The user's corrections layered on the matcher: real sentences, the matcher's own mentions, then the corrections. */
import { describe, expect, it } from 'vitest';
import { entitiesOf } from '@/lib/entities/article-entities';
import { checkCorrections, keepValid, MAX_CORRECTIONS } from '@/lib/entities/correction-check';
import {
  addCorrection,
  applyCorrections,
  correctionsFingerprint,
  surfaceKey,
  type Correction,
  type CorrectionContext,
} from '@/lib/entities/corrections';
import { findMentions } from '@/lib/entities/default-matcher';

const TEXT =
  'Thượng tướng Lê Huy Vịnh, Thứ trưởng Bộ Quốc phòng Việt Nam, hội đàm với Thượng tướng Khammang Phounmixay tại Viêng Chăn. ' +
  'Đoàn đã thăm tỉnh Hòa Bình và Hủa Phăn. Ông Xỏn-xay nói.';
const HERE: CorrectionContext = {
  url: 'https://antv.gov.vn/quoc-te/hop-tac-1.html',
  canonicalUrl: 'https://antv.gov.vn/quoc-te/hop-tac-1.html',
  site: 'antv.gov.vn',
};
const OTHER_ARTICLE: CorrectionContext = { url: 'https://antv.gov.vn/quoc-te/hop-tac-2.html', site: 'antv.gov.vn' };
const OTHER_SITE: CorrectionContext = { url: 'https://www.qdnd.vn/quoc-te/a-1', site: 'qdnd.vn' };

const at = '2026-12-03T10:00:00.000Z';
const notEntity = (surface: string, scope: Correction['scope'], id = surface): Correction => ({
  kind: 'not-entity',
  id,
  surface,
  scope,
  at,
});
const surfaces = (text: string, list: Correction[], where = HERE) =>
  applyCorrections(text, findMentions(text), list, where).map((m) => m.surface);

describe('surfaceKey', () => {
  it('meets NFD, old tone placement, case, dashes and spaces', () => {
    expect(surfaceKey('Hoà  Bình')).toBe(surfaceKey('hòa bình'));
    expect(surfaceKey('Hòa Bình'.normalize('NFD'))).toBe(surfaceKey('HÒA BÌNH'));
    expect(surfaceKey('Xỏn–xay')).toBe(surfaceKey('xỏn-xay'));
    expect(surfaceKey('Lào')).not.toBe(surfaceKey('lão'));
  });
});

describe('applyCorrections', () => {
  it('without corrections gives the matcher its mentions back', () => {
    expect(applyCorrections(TEXT, findMentions(TEXT), [], HERE)).toEqual(findMentions(TEXT));
  });

  it('not-entity drops the spelling in its scope only: the article, its site, everywhere', () => {
    const article = [notEntity('Khammang Phounmixay', { kind: 'article', url: HERE.url })];
    expect(surfaces(TEXT, article)).not.toContain('Khammang Phounmixay');
    expect(surfaces(TEXT, article, OTHER_ARTICLE)).toContain('Khammang Phounmixay');

    const site = [notEntity('khammang  PHOUNMIXAY', { kind: 'site', site: 'antv.gov.vn' })];
    expect(surfaces(TEXT, site)).not.toContain('Khammang Phounmixay');
    expect(surfaces(TEXT, site, OTHER_ARTICLE)).not.toContain('Khammang Phounmixay');
    expect(surfaces(TEXT, site, OTHER_SITE)).toContain('Khammang Phounmixay');

    const everywhere = [notEntity('Hoà Bình', { kind: 'everywhere' })]; // old tone placement in the correction
    expect(surfaces(TEXT, everywhere, OTHER_SITE)).not.toContain('Hòa Bình');
    expect(surfaces(TEXT, everywhere, OTHER_SITE)).toContain('Hủa Phăn');
  });

  it('an article correction matches the canonical address too, with or without a fragment', () => {
    const list = [notEntity('Viêng Chăn', { kind: 'article', url: `${HERE.url}#top` })];
    expect(
      surfaces(TEXT, list, { url: 'https://antv.gov.vn/m/x?id=1', canonicalUrl: HERE.url, site: 'antv.gov.vn' }),
    ).not.toContain('Viêng Chăn');
  });

  it('wrong-entity points the spelling at the picked entity, listed, and groups under its name', () => {
    const list: Correction[] = [
      {
        kind: 'wrong-entity',
        id: 'w',
        surface: 'Xỏn-xay',
        scope: { kind: 'everywhere' },
        at,
        entityId: 'place.hoa-binh',
        type: 'PLACE',
        name: 'Hòa Bình',
      },
    ];
    const m = applyCorrections(TEXT, findMentions(TEXT), list, HERE).find((x) => x.surface === 'Xỏn-xay')!;
    expect(m).toMatchObject({ entityId: 'place.hoa-binh', type: 'PLACE', listed: true });
    expect(m.title).toBeUndefined(); // "Ông" is a person's title, not a place's
    const hoaBinh = entitiesOf(TEXT, list, HERE).find((e) => e.id === 'place.hoa-binh')!;
    expect(hoaBinh.mentions.map((x) => x.surface)).toEqual(['Hòa Bình', 'Xỏn-xay']);
  });

  it('mark adds a spelling the matcher missed, word for word, in NFD text too', () => {
    const text = 'Theo TTXVN, đoàn Tổng cục Hậu cần thăm Viêng Chăn. TTXVNs không phải. Tổng cục Hậu cần đã về.';
    const list: Correction[] = [
      { kind: 'mark', id: 'm', surface: 'tổng cục hậu cần', scope: { kind: 'everywhere' }, at, type: 'ORG' },
    ];
    const found = applyCorrections(text, findMentions(text), list, HERE);
    const marked = found.filter((m) => m.type === 'ORG');
    expect(marked.map((m) => m.surface)).toEqual(['Tổng cục Hậu cần', 'Tổng cục Hậu cần']);
    expect(marked[0]).toMatchObject({ entityId: 'unlisted:ORG:tong cuc hau can', listed: false });
    expect(found.map((m) => m.start)).toEqual([...found.map((m) => m.start)].sort((a, b) => a - b));

    const nfd = text.normalize('NFD');
    const inNfd = applyCorrections(nfd, findMentions(nfd), list, HERE).filter((m) => m.type === 'ORG');
    expect(inNfd).toHaveLength(2);
    expect(nfd.slice(inNfd[0]!.start, inNfd[0]!.end).normalize('NFC')).toBe('Tổng cục Hậu cần');
  });

  it('a mark takes over the matcher mentions it overlaps, and gives non-overlapping output', () => {
    const list: Correction[] = [
      { kind: 'mark', id: 'm', surface: 'tỉnh Hòa Bình và Hủa Phăn', scope: { kind: 'everywhere' }, at, type: 'EVENT' },
    ];
    const found = applyCorrections(TEXT, findMentions(TEXT), list, HERE);
    expect(found.map((m) => m.surface)).toContain('tỉnh Hòa Bình và Hủa Phăn');
    expect(found.map((m) => m.surface)).not.toContain('Hủa Phăn');
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('the narrowest scope wins: marked on this article, not an entity everywhere else', () => {
    const list: Correction[] = [
      { kind: 'mark', id: 'a', surface: 'TTXVN', scope: { kind: 'article', url: HERE.url }, at, type: 'ORG' },
      notEntity('TTXVN', { kind: 'everywhere' }, 'b'),
    ];
    const text = 'Theo TTXVN, đoàn thăm Viêng Chăn.';
    expect(surfaces(text, list)).toContain('TTXVN');
    expect(surfaces(text, list, OTHER_SITE)).not.toContain('TTXVN');
  });
});

describe('addCorrection and the fingerprint', () => {
  it('a new correction of the same spelling and scope replaces the old one', () => {
    const one = addCorrection([], { kind: 'not-entity', surface: 'Hòa Bình', scope: { kind: 'everywhere' } }, '1', at);
    const two = addCorrection(
      one,
      { kind: 'mark', surface: 'hoà bình', scope: { kind: 'everywhere' }, type: 'PLACE' },
      '2',
      at,
    );
    expect(two).toHaveLength(1);
    expect(two[0]).toMatchObject({ id: '2', kind: 'mark' });
    const three = addCorrection(
      two,
      { kind: 'not-entity', surface: 'Hòa Bình', scope: { kind: 'site', site: 'qdnd.vn' } },
      '3',
      at,
    );
    expect(three).toHaveLength(2);
  });

  it('does not depend on order, ids or times; does on what the corrections say', () => {
    const a = notEntity('TTXVN', { kind: 'everywhere' }, 'x');
    const b = notEntity('VOV', { kind: 'site', site: 'qdnd.vn' }, 'y');
    expect(correctionsFingerprint([a, b])).toBe(
      correctionsFingerprint([{ ...b, id: 'z', at: '2027-01-01T00:00:00Z' }, a]),
    );
    expect(correctionsFingerprint([a, b])).not.toBe(correctionsFingerprint([a]));
  });
});

describe('checkCorrections', () => {
  const good = notEntity('TTXVN', { kind: 'site', site: 'antv.gov.vn' }, 'c1');
  it('accepts what the extension writes', () => {
    expect(checkCorrections([good])).toEqual({ ok: true, corrections: [good] });
  });
  it.each([
    ['not a list', { a: 1 }, 'must be a list'],
    ['an unknown kind', [{ ...good, kind: 'delete-all' }], 'must be not-entity'],
    ['markup in a spelling', [{ ...good, surface: '<img src=x onerror=alert(1)>' }], 'markup'],
    ['a spelling of 10,000 characters', [{ ...good, surface: 'a'.repeat(10_000) }], 'longer than 200'],
    [
      'a javascript: article',
      [{ ...good, scope: { kind: 'article', url: 'javascript:alert(1)' } }],
      'not a web address',
    ],
    ['a site with a path', [{ ...good, scope: { kind: 'site', site: 'evil.example/x' } }], 'not a site name'],
    ['a __proto__ key', [JSON.parse('{"__proto__":{"x":1},"kind":"not-entity"}')], '"__proto__" is not allowed'],
    [
      'an unlisted entity id',
      [{ ...good, kind: 'wrong-entity', entityId: 'unlisted:ORG:x', type: 'ORG', name: 'X' }],
      'not a gazetteer entity id',
    ],
    ['a repeated id', [good, good], 'repeats the id'],
    [
      'too many',
      Array.from({ length: MAX_CORRECTIONS + 1 }, (_, i) => ({ ...good, id: `c${i}` })),
      `more than ${MAX_CORRECTIONS}`,
    ],
  ])('refuses %s, saying why', (_, value, said) => {
    const out = checkCorrections(value);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problem.en).toContain(said);
      expect(out.problem.vi.length).toBeGreaterThan(0);
    }
  });
  it('keepValid drops the damaged entries of a stored list, not the list', () => {
    expect(keepValid([good, { ...good, id: 'c2', kind: 'nope' }, null])).toEqual([good]);
    expect(keepValid('garbage')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, isFiltered, PAGE_SIZE, toListOptions } from '@/lib/popup/list-state';

describe('popup filters → ListOptions', () => {
  it('no filters: just the first page', () => {
    expect(toListOptions(EMPTY_FILTERS)).toEqual({ offset: 0, limit: PAGE_SIZE });
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
  });

  it('search is trimmed, whitespace collapsed; folded by default, exact only when asked', () => {
    expect(toListOptions({ ...EMPTY_FILTERS, search: '  Viêng   Chăn ' })).toEqual({
      offset: 0,
      limit: 50,
      search: 'Viêng Chăn',
    });
    expect(toListOptions({ ...EMPTY_FILTERS, search: 'Lào', exact: true }, 50)).toEqual({
      offset: 50,
      limit: 50,
      search: 'Lào',
      exact: true,
    });
  });

  it('the exact switch alone does not filter', () => {
    const f = { ...EMPTY_FILTERS, search: '   ', exact: true };
    expect(toListOptions(f)).toEqual({ offset: 0, limit: 50 });
    expect(isFiltered(f)).toBe(false);
  });

  it('site and entity pass through; empty means all', () => {
    expect(toListOptions({ ...EMPTY_FILTERS, site: 'antv.gov.vn', entityId: 'LA' })).toMatchObject({
      site: 'antv.gov.vn',
      entityId: 'LA',
    });
    expect(isFiltered({ ...EMPTY_FILTERS, entityId: 'LA' })).toBe(true);
  });

  it('date inputs become whole Vietnam-time days', () => {
    const o = toListOptions({ ...EMPTY_FILTERS, from: '2024-05-01', to: '2024-05-31' });
    expect(o.from).toBe('2024-05-01T00:00:00+07:00');
    expect(o.to).toBe('2024-05-31T23:59:59.999+07:00');
    // An article published 00:30 on 1 May in Hanoi (30 April UTC) is inside the range.
    expect(Date.parse('2024-05-01T00:30:00+07:00')).toBeGreaterThanOrEqual(Date.parse(o.from as string));
  });

  it('a reversed range is swapped; garbage dates are ignored', () => {
    const o = toListOptions({ ...EMPTY_FILTERS, from: '2024-06-01', to: '2024-01-01' });
    expect(o.from).toBe('2024-01-01T00:00:00+07:00');
    expect(o.to).toBe('2024-06-01T23:59:59.999+07:00');
    expect(toListOptions({ ...EMPTY_FILTERS, from: 'hôm qua', to: '2024-13-45' })).toEqual({ offset: 0, limit: 50 });
  });

  it('relevance sort passes only with search words; alone it neither sorts nor filters', () => {
    expect(toListOptions({ ...EMPTY_FILTERS, search: '"Bộ Quốc phòng"', sort: 'relevance' })).toEqual({
      offset: 0,
      limit: 50,
      search: '"Bộ Quốc phòng"',
      sort: 'relevance',
    });
    expect(toListOptions({ ...EMPTY_FILTERS, search: 'Lào', sort: 'newest' })).not.toHaveProperty('sort');
    const alone = { ...EMPTY_FILTERS, search: ' "" ', sort: 'relevance' as const };
    expect(toListOptions(alone)).toEqual({ offset: 0, limit: 50 });
    expect(isFiltered(alone)).toBe(false);
    expect(EMPTY_FILTERS.sort).toBe('newest');
  });
});

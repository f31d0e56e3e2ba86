import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFilterBar } from '@/lib/popup/filters';
import type { Filters } from '@/lib/popup/list-state';
import { stubI18n } from '../../support/i18n-stub';

describe('the popup filter bar: the sort control', () => {
  beforeAll(() => stubI18n());

  function bar() {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const changes: Filters[] = [];
    const filters = createFilterBar(document, 'vi', (f) => changes.push(f));
    document.body.append(filters.element);
    const $ = <T extends Element>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
    const type = (text: string) => {
      const search = $<HTMLInputElement>('search');
      search.value = text;
      search.dispatchEvent(new document.defaultView!.Event('input'));
      search.dispatchEvent(new document.defaultView!.KeyboardEvent('keydown', { key: 'Enter' }));
    };
    const choose = (value: string) => {
      const sort = $<HTMLSelectElement>('sort');
      sort.value = value;
      sort.dispatchEvent(new document.defaultView!.Event('change'));
    };
    return { $, type, choose, changes };
  }

  it('is hidden until a search is typed, then offers newest and most relevant', () => {
    const { $, type } = bar();
    const sort = $<HTMLSelectElement>('sort');
    expect(sort.closest('label')!.hidden).toBe(true);
    type('"Bộ Quốc phòng"');
    expect(sort.closest('label')!.hidden).toBe(false);
    expect([...sort.options].map((o) => [o.value, o.textContent])).toEqual([
      ['newest', 'Mới nhất'],
      ['relevance', 'Liên quan nhất'],
    ]);
    type('  ');
    expect(sort.closest('label')!.hidden).toBe(true);
  });

  it('a choice is part of the filters, and "clear filters" puts newest first back', () => {
    const { $, type, choose, changes } = bar();
    type('hợp tác');
    choose('relevance');
    expect(changes.at(-1)).toMatchObject({ search: 'hợp tác', sort: 'relevance' });
    $<HTMLButtonElement>('clear-filters').click();
    expect(changes.at(-1)).toMatchObject({ search: '', sort: 'newest' });
    expect($<HTMLSelectElement>('sort').value).toBe('newest');
  });
});

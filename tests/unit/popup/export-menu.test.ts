/**
 * The popup's export menu (lib/popup/export-menu.ts) on a real archive database: it offers every
 * format with a Vietnamese label, "the current filter" only when a filter is set, and a click
 * downloads the chosen format of the whole archive or of the filter's articles.
 */
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createExportMenu, type ExportMenuOptions } from '@/lib/popup/export-menu';
import { EMPTY_FILTERS, type Filters } from '@/lib/popup/list-state';
import { stubI18n } from '../../support/i18n-stub';
import { knownArchive, type KnownArchive } from '../export-formats/known-archive';

let known: KnownArchive;
beforeAll(async () => {
  stubI18n();
  known = await knownArchive();
});
afterEach(() => vi.restoreAllMocks());

function setUp(filters: Filters) {
  const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
  const reports: [string, string | undefined][] = [];
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const names: string[] = [];
  doc.defaultView!.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    names.push(this.download);
  };
  const options: ExportMenuOptions = {
    db: known.db,
    lang: 'vi',
    filters: () => filters,
    report: (text, kind) => void reports.push([text, kind]),
  };
  const menu = createExportMenu(doc, options);
  doc.body.append(menu.element);
  const q = <T extends Element>(id: string) => doc.querySelector<T>(`[data-testid="${id}"]`)!;
  return { doc, menu, reports, blobs, names, q };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('export menu', () => {
  it('offers the five formats with Vietnamese labels; no filter set: the whole archive only', () => {
    const { q, doc } = setUp(EMPTY_FILTERS);
    expect(q('export-menu-toggle').textContent).toBe('Xuất cho công cụ khác');
    const labels = [...doc.querySelectorAll('.export-formats button')].map((b) => b.textContent);
    expect(labels).toEqual(['CSV: bài viết', 'CSV: lần nhắc tên', 'Markdown (zip)', 'CSL-JSON', 'RIS']);
    expect(q<HTMLInputElement>('export-scope-all').checked).toBe(true);
    expect(q<HTMLInputElement>('export-scope-filter').disabled).toBe(true);
  });

  it('downloads the whole archive as CSV and says how many articles it wrote', async () => {
    const { q, reports, blobs, names } = setUp(EMPTY_FILTERS);
    q<HTMLButtonElement>('export-csv').click();
    await until(() => reports.some(([, kind]) => kind === 'ok'));
    expect(names[0]).toMatch(/^vietlao-\d{4}-\d{2}-\d{2}-articles\.csv$/);
    expect(reports.at(-1)![0]).toContain(`${known.file.articles.length} bài`);
    const rows = Papa.parse<Record<string, string>>((await blobs[0]!.text()).slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(known.file.articles.length);
  });

  it('with a filter set, "the current filter" exports only its articles', async () => {
    const { q, reports, blobs, names } = setUp({ ...EMPTY_FILTERS, site: 'antv.gov.vn' });
    const filter = q<HTMLInputElement>('export-scope-filter');
    expect(filter.disabled).toBe(false);
    filter.checked = true;
    q<HTMLButtonElement>('export-ris').click();
    await until(() => reports.some(([, kind]) => kind === 'ok'));
    expect(names[0]).toMatch(/-filtered-citations\.ris$/);
    const text = await blobs[0]!.text();
    const expected = known.file.articles.filter((a) => a.site === 'antv.gov.vn');
    expect(text.match(/^TY {2}- NEWS\r$/gm)).toHaveLength(expected.length);
    for (const a of expected) expect(text).toContain(`UR  - ${a.url}\r\n`);
  });
});

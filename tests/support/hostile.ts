/**
 * Table-driven hostile cases for the security journey, the same in both browsers: each row names a
 * page (served under its URL when the test runs) or a file to import in the popup, and what must
 * hold. Add a row to tests/e2e/security.e2e.ts to test one more hostile page or file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import type { ElementHandle } from 'puppeteer-core';
import { READ_ARCHIVE, type StoredArchive } from '../security/e2e-pages';
import { byTestId, element, inView, innerText, saveFromToolbar, texts, waitForCleanView } from './dom';
import type { Harness } from './harness';

export interface HostileCase {
  title: string;
  /** A page to open… */
  page?: { url: string; html: string };
  /** …or a file to import in the popup (text read when the test runs: it may build on an earlier export). */
  file?: { name: string; text: () => string };
  expected: {
    /** A global the page sets before the extension runs (proof that it attacked first). */
    pageFlag?: string;
    /** The clean view shows this title and its body holds this text. */
    view?: { title: string; text: string };
    /** A real click on the toolbar's save stores this (canonical URL: the page's URL unless given). */
    saved?: { title: string; text?: string; canonicalUrl?: string };
    /** The import is refused with a message that matches, and the list stays as it was. */
    importError?: RegExp;
  };
}

/** Every row of the archive, read with raw IndexedDB in an extension page (no code of the product). */
export const readArchive = (h: Harness): Promise<StoredArchive> => h.ext<unknown, StoredArchive>(READ_ARCHIVE);

const flat = (s: string) => s.replace(/\s+/g, ' ');

async function openPage(h: Harness, c: HostileCase, page: NonNullable<HostileCase['page']>): Promise<void> {
  const { expected } = c;
  h.server.route(page.url, page.html);
  const tab = await h.open(page.url);
  if (expected.pageFlag)
    assert.equal(await tab.evaluate(`window.${expected.pageFlag}`), true, 'the page attacked first');
  if (expected.view) {
    await waitForCleanView(tab);
    assert.ok(
      flat(await innerText(tab, inView('.vl-body'))).includes(expected.view.text),
      'the clean view holds the article',
    );
    assert.equal(await innerText(tab, inView('.vl-title')), expected.view.title);
  }
  if (expected.saved) {
    await saveFromToolbar(tab);
    const stored = await readArchive(h);
    const url = expected.saved.canonicalUrl ?? page.url;
    const row = stored.articles.find((a) => a.canonicalUrl === url);
    assert.ok(row && row.title === expected.saved.title, `saved with the real title: ${row?.title}`);
    if (expected.saved.text) assert.ok(stored.bodies.find((b) => b.id === row.id)!.text.includes(expected.saved.text));
  }
  await tab.close();
}

async function importFile(h: Harness, c: HostileCase, file: NonNullable<HostileCase['file']>): Promise<void> {
  const popup = await h.openExtension('/popup.html');
  const titles = await texts(popup, `${byTestId('archive-item')} ${byTestId('open')}`);
  const path = join(mkdtempSync(join(tmpdir(), 'vietlao-hostile-')), file.name);
  writeFileSync(path, file.text());
  await ((await element(popup, byTestId('import-input'))) as ElementHandle<HTMLInputElement>).uploadFile(path);
  if (c.expected.importError) {
    const text = await (await element(popup, byTestId('io-status', '.error'))).evaluate((el) => el.textContent ?? '');
    assert.ok(text.length > 15 && c.expected.importError.test(text), `clear message: ${text}`);
    await h.openExtension('/popup.html', popup); // reload
    assert.deepEqual(
      await texts(popup, `${byTestId('archive-item')} ${byTestId('open')}`),
      titles,
      'the list unchanged',
    );
  }
  await popup.close();
}

/** One test per row (register inside the journey's describe). */
export function hostileCases(harness: () => Harness, cases: HostileCase[]): void {
  for (const c of cases)
    it(c.title, async () => {
      if (c.page) await openPage(harness(), c, c.page);
      if (c.file) await importFile(harness(), c, c.file);
    });
}

// @vitest-environment jsdom
/**
 * The popup's line, bar and Cancel button for the background's import (lib/popup/import-status.ts),
 * driven by the progress the background publishes (lib/settings/import-progress.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '@/lib/messaging';
import { createImportStatus, progressText } from '@/lib/popup/import-status';
import { importProgress, type ImportProgress } from '@/lib/settings/import-progress';
import { stubI18n } from '../../support/i18n-stub';

beforeAll(() => stubI18n());

const running = (p: Partial<ImportProgress>): ImportProgress => ({
  job: 'j1',
  phase: 'writing',
  done: 0,
  total: 0,
  cancelling: false,
  outcome: null,
  ...p,
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('popup import status', () => {
  it('says the phase, and counts in the interface language', () => {
    expect(progressText(running({ done: 3_200, total: 10_000 }), 'vi')).toBe('Đang nhập 3.200 / 10.000 bài…');
    expect(progressText(running({ done: 3_200, total: 10_000 }), 'en')).toBe('Đang nhập 3,200 / 10,000 bài…'); // (vi strings stubbed)
    expect(progressText(running({ phase: 'checking' }), 'vi')).toBe('Đang kiểm tra tệp…');
    expect(progressText(running({ phase: 'checking', done: 500, total: 10_000 }), 'vi')).toBe(
      'Đang kiểm tra tệp: 500 / 10.000 bài…',
    );
    expect(progressText(running({ cancelling: true, done: 200, total: 400 }), 'vi')).toBe('Đang huỷ…');
    expect(progressText(running({ phase: 'rolling-back', cancelling: true }), 'vi')).toMatch(/^Đang huỷ nhập/);
  });

  it('shows a progress bar with its value once the count is known, and hands the outcome on once', async () => {
    await importProgress.setValue(null);
    const finished: [ImportOutcome, string][] = [];
    const status = createImportStatus(document, 'vi', (o, job) => finished.push([o, job]));
    document.body.replaceChildren(status.element);
    const bar = status.element.querySelector('[role="progressbar"]')!;
    await settle();
    expect(status.element.hidden).toBe(true);

    await importProgress.setValue(running({ phase: 'checking' }));
    await settle();
    expect(status.element.hidden).toBe(false);
    expect(bar.hasAttribute('aria-valuenow')).toBe(false); // indeterminate
    expect(status.element.dataset.phase).toBe('checking');

    await importProgress.setValue(running({ done: 1_400, total: 10_000 }));
    await settle();
    expect(status.element.dataset.phase).toBe('writing');
    expect(bar.getAttribute('aria-valuenow')).toBe('1400');
    expect(bar.getAttribute('aria-valuemax')).toBe('10000');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-label')).toBe('Tiến độ nhập');
    expect(status.element.querySelector('[role="status"]')!.textContent).toBe('Đang nhập 1.400 / 10.000 bài…');
    const cancel = status.element.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]')!;
    expect(cancel.textContent).toBe('Huỷ nhập');
    expect(cancel.disabled).toBe(false);

    const outcome: ImportOutcome = { ok: true, added: 10_000, updated: 0, skipped: 0, undoToken: 't' };
    await importProgress.setValue(running({ phase: 'finished', done: 10_000, total: 10_000, outcome }));
    await settle();
    expect(status.element.hidden).toBe(true);
    expect(finished).toEqual([[outcome, 'j1']]);
    expect(await status.outcome('j1')).toEqual(outcome); // asked after it ended: at once
    await importProgress.setValue(
      running({ phase: 'finished', done: 10_000, total: 10_000, outcome, cancelling: true }),
    );
    await settle();
    expect(finished).toHaveLength(1);
  });

  it('an import that ended before the popup opened is not reported again', async () => {
    const outcome: ImportOutcome = { ok: false, code: 'cancelled', message: 'x', messageVi: 'y' };
    await importProgress.setValue(running({ job: 'old', phase: 'finished', outcome }));
    const finished: ImportOutcome[] = [];
    const status = createImportStatus(document, 'vi', (o) => finished.push(o));
    await settle();
    expect(status.element.hidden).toBe(true);
    expect(finished).toEqual([]);
  });
});

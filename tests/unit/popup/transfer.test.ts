/** What the popup says after an import and after undoing it (lib/popup/transfer.ts), from _locales. */
import { beforeAll, describe, expect, it } from 'vitest';
import { importChangedMessage, importMessage, undoImportMessage } from '@/lib/popup/transfer';
import { stubI18n } from '../../support/i18n-stub';

beforeAll(() => stubI18n());

const done = (added: number, updated: number, skipped = 0) =>
  ({ ok: true, added, updated, skipped, undoToken: 'token' }) as const;

describe('import messages', () => {
  it('the status line counts added, replaced and skipped articles', () => {
    expect(importMessage(done(2, 1, 3), 'vi')).toBe(
      'Đã nhập: 2 bài mới, 1 bản đã lưu được thay bằng bản mới hơn, 3 bỏ qua',
    );
  });

  it('the snackbar says how many stored copies the import replaced', () => {
    expect(importChangedMessage(done(1, 2), 'vi')).toBe('Đã thay 2 bản đã lưu bằng bản mới hơn trong tệp; thêm 1 bài');
    expect(importChangedMessage(done(1_200, 0), 'vi')).toBe('Đã thêm 1.200 bài từ tệp');
  });

  it('undo says what it did, what it left, or that it is too late', () => {
    expect(undoImportMessage({ ok: true, status: 'undone', removed: 1, restored: 2, kept: 0 }, 'vi')).toBe(
      'Đã hoàn tác lần nhập: gỡ 1 bài, khôi phục 2 bản trước',
    );
    expect(undoImportMessage({ ok: true, status: 'undone', removed: 0, restored: 1, kept: 1 }, 'vi')).toMatch(
      /khôi phục 1 bản trước\. 1 bài đã thay đổi sau lần nhập được giữ nguyên\.$/,
    );
    expect(undoImportMessage({ ok: true, status: 'expired' }, 'vi')).toBe('Đã hết thời gian hoàn tác');
    expect(undoImportMessage({ ok: false, message: 'lỗi' }, 'vi')).toBe('Không hoàn tác được lần nhập: lỗi');
  });

  it('a refused import shows the message in the interface language', () => {
    const refused = {
      ok: false,
      code: 'invalid',
      message: 'Article at index 0…',
      messageVi: 'Bài ở vị trí 0…',
    } as const;
    expect(importMessage(refused, 'vi')).toBe('Bài ở vị trí 0…');
    expect(importMessage(refused, 'en')).toBe('Article at index 0…');
  });
});

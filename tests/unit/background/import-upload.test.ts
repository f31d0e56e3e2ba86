/**
 * An archive file's text in parts (lib/messaging.ts splitForMessages, in the popup) put back
 * together by the background (lib/background/import-upload.ts): whatever the cut, the text is
 * the same — surrogate pairs are never split — and an incomplete or stale upload gives nothing.
 */
import { describe, expect, it } from 'vitest';
import { createImportUploads, UPLOAD_TTL_MS } from '@/lib/background/import-upload';
import { MAX_MESSAGE_CHARS } from '@/lib/limits';
import { batchesForMessages, splitForMessages } from '@/lib/messaging';

const TEXT = '{"title":"Quan hệ Việt – Lào 🇻🇳🇱🇦","text":"Hà Nội, Viêng Chăn 𠀀𡨸 chữ Nôm"}';

describe('splitForMessages', () => {
  it.each([1, 2, 3, 7, 64, TEXT.length, TEXT.length + 1])('parts of %i characters join back to the text', (max) => {
    const parts = splitForMessages(TEXT, max);
    expect(parts.join('')).toBe(TEXT);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(Math.max(max, 2));
      expect(part.length).toBeGreaterThan(0);
      // no half of a surrogate pair at either end (Chrome would turn it into U+FFFD)
      expect(part.isWellFormed()).toBe(true);
    }
  });

  it(`by default, parts of at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters; an empty file is one empty part`, () => {
    const big = 'ạ'.repeat(MAX_MESSAGE_CHARS * 2 + 5);
    expect(splitForMessages(big).map((p) => p.length)).toEqual([MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS, 5]);
    expect(splitForMessages('')).toEqual(['']);
  });
});

describe('batchesForMessages', () => {
  it('keeps the order, fills each batch up to the limit, and sends an over-long item alone', () => {
    expect(batchesForMessages(['aa', 'bb', 'cc', 'dddddd', 'e'], 4)).toEqual([['aa', 'bb'], ['cc'], ['dddddd'], ['e']]);
    expect(batchesForMessages([], 4)).toEqual([]);
    expect(batchesForMessages(['', '', ''], 4)).toEqual([['', '', '']]);
  });
});

describe('import uploads', () => {
  it('parts received in order give the whole text once', () => {
    const uploads = createImportUploads();
    const parts = splitForMessages(TEXT, 5);
    parts.forEach((text, index) => expect(uploads.receive({ upload: 'u1', index, text })).toBe(true));
    expect(uploads.take('u1', parts.length)).toBe(TEXT);
    expect(uploads.take('u1', parts.length)).toBeNull(); // taken: gone
  });

  it('two uploads at once do not mix', () => {
    const uploads = createImportUploads();
    for (const [index, text] of ['ab', 'cd'].entries()) {
      uploads.receive({ upload: 'one', index, text });
      uploads.receive({ upload: 'two', index, text: text.toUpperCase() });
    }
    expect(uploads.take('two', 2)).toBe('ABCD');
    expect(uploads.take('one', 2)).toBe('abcd');
  });

  it('a missing or extra part, a wrong count or a stale upload gives nothing', () => {
    const uploads = createImportUploads();
    uploads.receive({ upload: 'gap', index: 0, text: 'a' });
    expect(uploads.receive({ upload: 'gap', index: 2, text: 'c' })).toBe(false);
    expect(uploads.take('gap', 3)).toBeNull();
    uploads.receive({ upload: 'count', index: 0, text: 'a' });
    expect(uploads.take('count', 2)).toBeNull();
    uploads.receive({ upload: 'old', index: 0, text: 'a' }, 0);
    expect(uploads.take('old', 1, UPLOAD_TTL_MS + 1)).toBeNull();
    expect(uploads.take(42, 1)).toBeNull();
  });

  it('refuses malformed parts, and parts longer than a message', () => {
    const uploads = createImportUploads();
    for (const bad of [
      null,
      'text',
      { upload: '', index: 0, text: '' },
      { upload: 'u', index: -1, text: '' },
      { upload: 'u', index: 1.5, text: '' },
      { upload: 'u', index: 0, text: 5 },
      { upload: 'u'.repeat(101), index: 0, text: '' },
      { upload: 'u', index: 0, text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) },
    ])
      expect(uploads.receive(bad)).toBe(false);
  });
});

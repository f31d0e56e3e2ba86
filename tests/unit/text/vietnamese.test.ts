import { describe, expect, it } from 'vitest';
import {
  canonicalVietnamese,
  comparable,
  countSyllables,
  exactKey,
  foldDiacritics,
  words,
} from '@/lib/text/vietnamese';

describe('canonicalVietnamese: one spelling for comparisons', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoá', 'Hóa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['Thanh Hoá', 'Thanh Hóa'],
    ['hoà bình'.normalize('NFD'), 'hòa bình'],
    ['\u00D0ảng', 'Đảng'],
  ])('%s ≡ %s', (a, b) => {
    expect(canonicalVietnamese(a)).toBe(canonicalVietnamese(b));
  });
  it('keeps the length of NFC input, so offsets stay valid', () => {
    const text = 'Thượng tướng Hoàng Xuân Chiến tiếp Đoàn hoà bình, thuỷ lợi, Khánh Hoà';
    expect(canonicalVietnamese(text)).toHaveLength(text.length);
  });
  it('puts the tone on the last modified vowel of ươ / uyê (nước, khuyến)', () => {
    expect(canonicalVietnamese('nước')).toBe('nước');
    expect(canonicalVietnamese('khuyến')).toBe('khuyến');
    expect(canonicalVietnamese('Trường')).toBe('Trường');
  });
  it('leaves words that are not Vietnamese alone', () => {
    expect(canonicalVietnamese('Kommasith Outhakaysone')).toBe('Kommasith Outhakaysone');
  });
});

describe('folding and keys', () => {
  it('folds diacritics and đ: "Lào" → "lao", "Đảng" → "dang"', () => {
    expect(foldDiacritics('Lào')).toBe('lao');
    expect(foldDiacritics('Đảng Nhân dân Cách mạng Lào')).toBe('dang nhan dan cach mang lao');
  });
  it('exact keys keep diacritics: Lào ≠ lão', () => {
    expect(exactKey('Lào')).not.toBe(exactKey('lão'));
    expect(exactKey('hoà')).toBe(exactKey('HÒA'));
  });
  it('comparable() unifies dashes and spaces', () => {
    expect(comparable('Việt Nam\u00A0–\u00A0Lào')).toBe(comparable('Việt Nam - Lào'));
  });
  it('words and syllable counts', () => {
    expect(words('Bộ Công an Lào, 2022')).toEqual(['bo', 'cong', 'an', 'lao', '2022']);
    expect(countSyllables('Năm Đoàn kết hữu nghị Việt Nam - Lào 2022')).toBe(9);
  });
});

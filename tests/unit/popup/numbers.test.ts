import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from '@/lib/popup/numbers';

describe('popup number formatting', () => {
  it('sizes in Vietnamese use a decimal comma', () => {
    expect(formatBytes(0, 'vi')).toBe('0 B');
    expect(formatBytes(2048, 'vi')).toBe('2 KB');
    expect(formatBytes(1.25 * 1024 * 1024, 'vi')).toBe('1,3 MB');
    expect(formatBytes(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
    expect(formatBytes(3 * 1024 ** 3, 'vi')).toBe('3 GB');
  });

  it('counts use the thousands separator of the language', () => {
    expect(formatCount(10000, 'vi')).toBe('10.000');
    expect(formatCount(10000, 'en')).toBe('10,000');
  });
});

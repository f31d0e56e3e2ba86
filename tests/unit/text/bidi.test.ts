import { describe, expect, it } from 'vitest';
import { hasBidiControls, stripBidiControls } from '@/lib/text/bidi';

describe('stripBidiControls: no invisible reordering in exported titles, names and sites', () => {
  it.each([
    ['a right-to-left override makes a title read reversed', 'Quan hệ \u202EoàL – tệiV\u202C', 'Quan hệ oàL – tệiV'],
    ['every embedding and override', '\u202AA\u202BB\u202CC\u202DD\u202EE', 'ABCDE'],
    ['every isolate', '\u2066Lào\u2069 \u2067Việt\u2069 \u2068Nam\u2069', 'Lào Việt Nam'],
    ['an unclosed override at the end', 'Viêng Chăn\u202E', 'Viêng Chăn'],
  ])('%s', (_title, input, expected) => {
    expect(stripBidiControls(input)).toBe(expected);
    expect(hasBidiControls(input)).toBe(true);
    expect(hasBidiControls(stripBidiControls(input))).toBe(false);
  });

  it('keeps every other character: Vietnamese, Lao, marks, zero-width joiners, emoji', () => {
    const text = 'Hòa bình – ສປປ ລາວ \u200D\u200C 🇻🇳 «Đảng» \u0301';
    expect(stripBidiControls(text)).toBe(text);
    expect(hasBidiControls(text)).toBe(false);
  });

  it('is stable: stripping twice is stripping once', () => {
    const once = stripBidiControls('\u202E\u202E\u2066x\u2069');
    expect(stripBidiControls(once)).toBe(once);
  });
});

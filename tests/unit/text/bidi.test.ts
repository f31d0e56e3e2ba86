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
describe('stripBidiControls, character by character', () => {
  it.each([
    ['U+202A LRE', '\u202A'],
    ['U+202B RLE', '\u202B'],
    ['U+202C PDF', '\u202C'],
    ['U+202D LRO', '\u202D'],
    ['U+202E RLO', '\u202E'],
    ['U+2066 LRI', '\u2066'],
    ['U+2067 RLI', '\u2067'],
    ['U+2068 FSI', '\u2068'],
    ['U+2069 PDI', '\u2069'],
    ['U+200E LRM', '\u200E'],
    ['U+200F RLM', '\u200F'],
    ['U+061C ALM', '\u061C'],
  ])('removes %s wherever it is', (_name, c) => {
    expect(stripBidiControls(`${c}Hội ${c}đàm${c}${c}`)).toBe('Hội đàm');
  });

  it('keeps everything else: Vietnamese (NFC and NFD), Lao, Arabic and Hebrew letters, emoji, spaces, joiners', () => {
    const text = 'Hội đàm ' + 'Hòa'.normalize('NFD') + ' ສະບາຍດີ مرحبا שלום 🇻🇳 a\u00A0b x\u200By \u200D\u200C';
    expect(stripBidiControls(text)).toBe(text);
  });

  it('leaves a string without controls as it is, and an empty string empty', () => {
    expect(stripBidiControls('Bộ Công an Lào')).toBe('Bộ Công an Lào');
    expect(stripBidiControls('')).toBe('');
  });

  it('the characters next to the range stay (U+2029, U+202F, U+2065, U+206A)', () => {
    expect(stripBidiControls('\u2029\u202F\u2065\u206A')).toBe('\u2029\u202F\u2065\u206A');
  });
});

import { describe, expect, it } from 'vitest';
import { parseSearch } from '@/lib/archive/search-query';

const nfd = (s: string) => s.normalize('NFD');

describe('parseSearch: the search box syntax', () => {
  it('loose words: every word is looked up, the last one as a prefix (search as you type)', () => {
    const q = parseSearch('Lào hợp tá', 'folded');
    expect(q.terms).toEqual([
      { word: 'lao', prefix: false },
      { word: 'hop', prefix: false },
      { word: 'ta', prefix: true },
    ]);
    expect(q.phrases).toEqual([{ words: ['lao', 'hop', 'ta'], prefix: true, quoted: false }]);
  });

  it('a quoted phrase: its words, none a prefix, and one phrase to check in the text', () => {
    const q = parseSearch('"Bộ Quốc phòng"', 'folded');
    expect(q.terms).toEqual([
      { word: 'bo', prefix: false },
      { word: 'quoc', prefix: false },
      { word: 'phong', prefix: false },
    ]);
    expect(q.phrases).toEqual([{ words: ['bo', 'quoc', 'phong'], prefix: false, quoted: true }]);
  });

  it('exact mode keeps the accents (lower case, canonical tone marks)', () => {
    expect(parseSearch('"Bộ Quốc phòng"', 'exact').phrases).toEqual([
      { words: ['bộ', 'quốc', 'phòng'], prefix: false, quoted: true },
    ]);
  });

  it('mixed: loose words around a phrase; the loose runs are ranking phrases, never checked', () => {
    const q = parseSearch('Lào "Bộ Quốc phòng" hợp tác', 'folded');
    expect(q.terms.map((t) => `${t.word}${t.prefix ? '*' : ''}`)).toEqual([
      'lao',
      'bo',
      'quoc',
      'phong',
      'hop',
      'tac*',
    ]);
    expect(q.phrases).toEqual([
      { words: ['bo', 'quoc', 'phong'], prefix: false, quoted: true },
      { words: ['hop', 'tac'], prefix: true, quoted: false },
    ]);
  });

  it('a query that ends with a closed phrase has no prefix word', () => {
    const q = parseSearch('Lào "Bộ Quốc phòng"', 'folded');
    expect(q.terms.every((t) => !t.prefix)).toBe(true);
  });

  it('an unclosed quote runs to the end of the query and its last word is a prefix', () => {
    const q = parseSearch('Lào "Bộ Quốc ph', 'folded');
    expect(q.phrases).toEqual([{ words: ['bo', 'quoc', 'ph'], prefix: true, quoted: true }]);
    expect(q.terms).toContainEqual({ word: 'ph', prefix: true });
    expect(q.terms).toContainEqual({ word: 'lao', prefix: false });
  });

  it('typographic quotes (“…”, „…“, «…») work like straight ones', () => {
    const straight = parseSearch('"Bộ Quốc phòng" Lào', 'folded');
    expect(parseSearch('“Bộ Quốc phòng” Lào', 'folded')).toEqual(straight);
    expect(parseSearch('„Bộ Quốc phòng“ Lào', 'folded')).toEqual(straight);
    expect(parseSearch('«Bộ Quốc phòng» Lào', 'folded')).toEqual(straight);
  });

  it('NFD input and the old tone placement read like NFC with the new one', () => {
    expect(parseSearch(nfd('"Hoà bình" Thuỷ'), 'exact')).toEqual(parseSearch('"Hòa bình" Thủy', 'exact'));
    expect(parseSearch(nfd('"Hoà bình"'), 'exact').phrases[0]!.words).toEqual(['hòa', 'bình']);
  });

  it('punctuation inside a phrase separates words and nothing else', () => {
    expect(parseSearch('"Việt Nam – Lào"', 'folded').phrases[0]!.words).toEqual(['viet', 'nam', 'lao']);
  });

  it('a one-word phrase is a whole word (no prefix) and needs no check in the text', () => {
    const q = parseSearch('"Lào"', 'folded');
    expect(q.terms).toEqual([{ word: 'lao', prefix: false }]);
    expect(q.phrases).toEqual([]);
  });

  it('empty quotes and a lone quote are nothing', () => {
    expect(parseSearch('""', 'folded')).toEqual({ terms: [], phrases: [] });
    expect(parseSearch('"', 'folded')).toEqual({ terms: [], phrases: [] });
    expect(parseSearch('  " ', 'folded')).toEqual({ terms: [], phrases: [] });
  });

  it('a word asked twice is looked up once', () => {
    expect(parseSearch('Lào "Lào Cai" lao', 'folded').terms).toEqual([
      { word: 'lao', prefix: false },
      { word: 'cai', prefix: false },
      { word: 'lao', prefix: true },
    ]);
  });
});

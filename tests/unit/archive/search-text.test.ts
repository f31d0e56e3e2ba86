import { describe, expect, it } from 'vitest';
import { parseSearch } from '@/lib/archive/search-query';
import { articleFields, countPhrase, countTerm, holdsPhrases } from '@/lib/archive/search-text';

const LEAD = 'Sáng 3/12, tại Hà Nội, Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Lào ký kế hoạch hợp tác năm 2027.';
const article = {
  title: 'Việt Nam – Lào tăng cường hợp tác quốc phòng',
  lead: LEAD,
  text: `${LEAD}\n\nHai bên thống nhất tăng cường trao đổi đoàn các cấp.\n\nĐại tướng nhấn mạnh vai trò của Bộ\nQuốc phòng hai nước trong bảo vệ biên giới.`,
};

describe('an article text as searchable words', () => {
  it('splits title, lead and body; the body without the lead the text starts with', () => {
    const f = articleFields(article, 'folded');
    expect(f.title).toEqual([['viet', 'nam', 'lao', 'tang', 'cuong', 'hop', 'tac', 'quoc', 'phong']]);
    expect(f.lead[0]!.slice(0, 4)).toEqual(['sang', '3', '12', 'tai']);
    expect(f.body[0]!.slice(0, 3)).toEqual(['hai', 'ben', 'thong']);
    expect(f.body.flat()).not.toContain('sang'); // the lead is not counted twice
    expect(f.length).toBe(f.title.flat().length + f.lead.flat().length + f.body.flat().length);
  });

  it('counts a phrase where its words are adjacent and in order, never across a line break', () => {
    const f = articleFields(article, 'folded');
    const [bqp] = parseSearch('"Bộ Quốc phòng"', 'folded').phrases;
    expect(countPhrase(f.lead, bqp!)).toBe(2);
    expect(countPhrase(f.body, bqp!)).toBe(0); // "Bộ\nQuốc phòng": two lines
    const [reversed] = parseSearch('"phòng Quốc"', 'folded').phrases;
    expect(countPhrase([...f.title, ...f.lead, ...f.body], reversed!)).toBe(0);
  });

  it('punctuation between the words of a phrase does not break it', () => {
    const [vnl] = parseSearch('"Việt Nam Lào"', 'folded').phrases;
    expect(countPhrase(articleFields(article, 'folded').title, vnl!)).toBe(1); // "Việt Nam – Lào"
  });

  it('folded mode ignores accents, exact mode does not', () => {
    const plain = { title: 'Tin tuc', lead: null, text: 'Bo Quoc phong Lao tiep doan.' };
    const folded = parseSearch('"Bộ Quốc phòng"', 'folded');
    const exact = parseSearch('"Bộ Quốc phòng"', 'exact');
    expect(holdsPhrases(articleFields(plain, 'folded'), folded)).toBe(true);
    expect(holdsPhrases(articleFields(plain, 'exact'), exact)).toBe(false);
    expect(holdsPhrases(articleFields(article, 'exact'), exact)).toBe(true);
    expect(holdsPhrases(articleFields(article, 'exact'), parseSearch('"Bộ Quốc phong"', 'exact'))).toBe(false);
  });

  it('NFD text and old tone placement match an NFC query', () => {
    const nfd = { title: 'Hoà bình', lead: null, text: 'Quan hệ hoà bình, hữu nghị.'.normalize('NFD') };
    expect(holdsPhrases(articleFields(nfd, 'exact'), parseSearch('"hòa bình, hữu nghị"', 'exact'))).toBe(true);
  });

  it('the last word of an unclosed phrase is a prefix', () => {
    const f = articleFields(article, 'folded');
    expect(holdsPhrases(f, parseSearch('"hợp tác quốc ph', 'folded'))).toBe(true);
    expect(holdsPhrases(f, parseSearch('"hợp tác quốc ph"', 'folded'))).toBe(false);
  });

  it('every quoted phrase must be there; loose words are not checked here', () => {
    const f = articleFields(article, 'folded');
    expect(holdsPhrases(f, parseSearch('"Bộ Quốc phòng" "trao đổi đoàn"', 'folded'))).toBe(true);
    expect(holdsPhrases(f, parseSearch('"Bộ Quốc phòng" "đoàn trao đổi"', 'folded'))).toBe(false);
    expect(holdsPhrases(f, parseSearch('phòng quốc', 'folded'))).toBe(true);
  });

  it('counts a term as a whole word or as a prefix', () => {
    const f = articleFields(article, 'folded');
    expect(countTerm(f.lead, { word: 'bo', prefix: false })).toBe(2);
    expect(countTerm(f.body, { word: 'ha', prefix: false })).toBe(0);
    expect(countTerm(f.body, { word: 'ha', prefix: true })).toBe(2); // "Hai", "hai"
  });
});

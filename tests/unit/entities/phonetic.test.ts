/**
 * The phonetic key (lib/entities/phonetic.ts) and linking by it through findMentions: spellings
 * of one name meet, different names stay apart, and a mention linked by sound says so.
 */
import { describe, expect, test } from 'vitest';
import { compileGazetteer } from '@/lib/entities/build/compile';
import { emptyRows, parseTsv } from '@/lib/entities/build/tsv';
import { createMatcher, findMentions } from '@/lib/entities';
import { LETTER_RULES, NAME_RULES, WORD_RULES, editDistance, phoneticKey, spellingKey } from '@/lib/entities/phonetic';

describe('phoneticKey', () => {
  test.each([
    ['Saichay Kommasith', 'Sải-chay Côm-mạ-sít'],
    ['Phomvihane', 'Phôm-vi-hản'],
    ['Souphanouvong', 'Xu-pha-nu-vông'],
    ['Vorachith', 'Vo-ra-chít'],
    ['Vorachith', 'Vo-la-chít'],
    ['Sisoulith', 'Xi-xu-lít'],
    ['Houaphanh', 'Hủa Phăn'],
    ['Xiengkhouang', 'Xiêng Khoảng'],
    ['Kaysone Phomvihane', 'Cay-xỏn Phôm-vi-hản'],
    ['Oudomxay', 'U-đôm-xay'],
    ['Oudomxay', 'U-Ðôm-xay'], // Ð (eth) for Đ
    ['Savannakhet', 'Xa-vẳn-na-khệt'],
    ['Bun-mi Sẻng-khăm-giong', 'Bun Mi Sẻng Khăm Giong'],
    ['Thongsing', 'Thoong-xinh'],
    ['Sengphet', 'Xẻng-phết'],
    ['Trường Chinh', 'Truong Chinh'],
  ])('%s ≈ %s', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  test('every rule joins its own example pair', () => {
    for (const rule of [...LETTER_RULES, ...WORD_RULES, ...NAME_RULES]) {
      const [a, b] = rule.example;
      expect(phoneticKey(a), `${rule.name}: ${a} ≈ ${b}`).toBe(phoneticKey(b));
      expect(rule.reason.length, rule.name).toBeGreaterThan(20);
    }
  });

  test.each([
    // Different people with similar names.
    ['Thongloun Sisoulith', 'Thongsing Thammavong'],
    ['Saysomphone Phomvihane', 'Kaysone Phomvihane'],
    ['Phankham Viphavanh', 'Phoumi Vongvichit'],
    ['Sonexay Siphandone', 'Sounthone Xayachak'],
    ['Lê Minh Hương', 'Lê Minh Hưng'],
    // Places and words that only look alike.
    ['Luông Pha Băng', 'Luang Namtha'],
    ['Sơn La', 'Sa La Van'],
    ['Hòa Bình', 'Hủa Phăn'],
    ['Thanh Hóa', 'Thà Khẹc'],
  ])('%s ≠ %s', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  test('the spelling key drops tones, diacritics, case, hyphens and spaces only', () => {
    expect(spellingKey('Cay-xỏn Phôm-vi-hản')).toBe(spellingKey('Cayxon  Phomvihan'));
    expect(spellingKey('Đồng Sỹ Nguyên')).toBe('dongsynguyen');
    expect(spellingKey('Saichay')).not.toBe(spellingKey('Xaichay'));
  });

  test('editDistance stops past its bound', () => {
    expect(editDistance('thongsing', 'thongsing', 1)).toBe(0);
    expect(editDistance('thamavongs', 'thamavong', 1)).toBe(1);
    expect(editDistance('kaison', 'phomvihan', 2)).toBe(3);
  });
});

describe('linking by pronunciation (the built-in gazetteer)', () => {
  const only = (text: string) => {
    const ms = findMentions(text);
    expect(ms, text).toHaveLength(1);
    return ms[0]!;
  };

  test.each([
    ['Đồng chí Saichay Kommasit phát biểu.', 'Saichay Kommasit', 'person.saichay-kommasith', 'phonetic'],
    ['Đồng chí Thông-lun Xi-xu-lít phát biểu.', 'Thông-lun Xi-xu-lít', 'person.thongloun-sisoulith', 'exact'],
    ['Đồng chí Thongsing Thammavonh phát biểu.', 'Thongsing Thammavonh', 'person.thongsing-thammavong', 'near'],
    ['Đoàn đã tới Hủa Phan Nừa hôm qua.', null, null, null],
  ])('%s', (text, surface, id, confidence) => {
    if (surface === null) {
      expect(findMentions(text).filter((m) => m.confidence)).toEqual([]);
      return;
    }
    expect(only(text)).toMatchObject({ surface, entityId: id, listed: false, confidence, type: 'PERSON' });
  });

  test('a place written another way, with no pattern before it, links when the key is known', () => {
    expect(only('Đoàn đã tới Xiengkhoang hôm qua.')).toMatchObject({
      entityId: 'place.xiangkhouang',
      type: 'PLACE',
      listed: false,
    });
  });

  test('the title stays on a linked person; the group names the listed entity', () => {
    const m = only('Thượng tướng Saichay Kommasit phát biểu.');
    expect(m.title).toBe('Thượng tướng');
    const matcher = createMatcher(compileGazetteer(emptyRows()).data);
    expect(matcher.findMentions('x')).toEqual([]);
  });

  test('names it must not link', () => {
    // A Vietnamese name with its diacritics is its own spelling: a tone apart is another person.
    expect(only('Thượng tướng Hoàng Xuân Chiên phát biểu.')).toMatchObject({ listed: false });
    expect(only('Thượng tướng Hoàng Xuân Chiên phát biểu.').confidence).toBeUndefined();
    // Written plainly it links only to the same letters, never one letter away.
    // (Lê Quốc Hùng is listed; "Le Quoc Hong" is one letter from its plain spelling)
    expect(only('Ông Le Quoc Hong phát biểu.').entityId).toBe('unlisted:PERSON:le quoc hong');
    expect(only('Ông Le Quoc Hung phát biểu.').entityId).toBe('person.le-quoc-hung');
    // An unknown Lao person (a made-up name; Khamphanh Phommathat, once this example, is now listed).
    expect(only('Đồng chí Bounthavy Xaylasith phát biểu.').entityId).toMatch(/^unlisted:/);
    // Capitalised Vietnamese words are not names.
    expect(findMentions('Hôm Nay, Thanh Niên và Xã Hội.')).toEqual([]);
    expect(findMentions('Anh Thanh về quê, ông Thanh ở lại.').filter((m) => m.listed || m.confidence)).toEqual([]);
  });
});

describe('ambiguous keys link to nothing', () => {
  const gazetteer = (lines: string[]) => {
    const rows = emptyRows();
    parseTsv(
      ['id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases\tsource', ...lines].join('\n'),
      't.tsv',
      rows,
    );
    const c = compileGazetteer(rows);
    return createMatcher(c.data, c.details, c.phonetic);
  };

  test('two entities with one key: neither is linked; one alone: linked', () => {
    const two = gazetteer([
      'person.a\tPERSON\tLA\tSomphone Keola\t\t\t\tunverified',
      'person.b\tPERSON\tLA\tXổm-phon Kẹo-la\t\t\t\tunverified',
    ]);
    expect(two.findMentions('Đồng chí Somphon Keola phát biểu.')[0]!.entityId).toMatch(/^unlisted:/);
    const one = gazetteer(['person.a\tPERSON\tLA\tSomphone Keola\t\t\t\tunverified']);
    expect(one.findMentions('Đồng chí Xổm-phon Kẹo-la phát biểu.')[0]).toMatchObject({
      entityId: 'person.a',
      listed: false,
      confidence: 'phonetic',
    });
  });

  test('without the key table nothing is linked by sound', () => {
    const rows = emptyRows();
    parseTsv(
      'id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases\tsource\nperson.a\tPERSON\tLA\tSomphone Keola\t\t\t\tunverified',
      't.tsv',
      rows,
    );
    const m = createMatcher(compileGazetteer(rows).data);
    expect(m.findMentions('Đồng chí Xổm-phon Kẹo-la phát biểu.')[0]!.entityId).toMatch(/^unlisted:/);
  });
});

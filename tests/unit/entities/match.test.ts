import { describe, expect, test } from 'vitest';
import { findMentions, groupEntities, getEntity } from '@/lib/entities';

const ids = (text: string): string[] => findMentions(text).map((m) => m.entityId);
const one = (text: string) => {
  const ms = findMentions(text);
  expect(ms).toHaveLength(1);
  return ms[0]!;
};

describe('normalisation', () => {
  test('NFD input matches, offsets index the NFD text', () => {
    const text = 'Đại tướng Phan Văn Giang thăm Lào'.normalize('NFD');
    const ms = findMentions(text);
    expect(ms.map((m) => m.entityId)).toEqual(['person.phan-van-giang', 'place.laos']);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(ms[0]!.surface.normalize('NFC')).toBe('Phan Văn Giang');
  });

  test('old and new tone placement: hoà / hòa', () => {
    expect(ids('tỉnh Thanh Hoá')).toEqual(['place.thanh-hoa']);
    expect(ids('tỉnh Thanh Hóa')).toEqual(['place.thanh-hoa']);
  });

  test('old and new tone placement: thuỷ / thủy, uỷ / ủy', () => {
    expect(ids('Quân uỷ Trung ương')).toEqual(['org.vn-central-military-commission']);
    expect(ids('Quân ủy Trung ương')).toEqual(['org.vn-central-military-commission']);
  });

  test('Ð (U+00D0) for Đ (U+0110)', () => {
    expect(ids('\u00D0ảng Cộng sản Việt Nam')).toEqual(['org.cpv']);
    expect(ids('\u0110ảng Cộng sản Việt Nam')).toEqual(['org.cpv']);
  });

  test('dash and hyphen variants between names', () => {
    for (const dash of ['-', '\u2013', '\u2014', '\u2010', '\u2212']) {
      expect(ids(`Năm Đoàn kết hữu nghị Việt Nam ${dash} Lào 2022`)).toEqual(['event.friendship-year-2022']);
    }
    expect(ids('Năm Đoàn kết hữu nghị Việt Nam-Lào 2022')).toEqual(['event.friendship-year-2022']);
    expect(ids('quan hệ Việt-Lào')).toEqual(['place.vietnam', 'place.laos']);
  });

  test('NBSP and loose spacing', () => {
    expect(ids('Bộ\u00A0Công\u00A0an Lào')).toEqual(['org.la-mps']);
    expect(ids('Bộ   Quốc  phòng Lào')).toEqual(['org.la-mod']);
  });

  test('loose spacing around hyphens in a transliterated name', () => {
    const m = one('đồng chí Bu- mi - Sẻng - khăm - giong');
    expect(m.entityId).toBe('person.bunmi-sengkhamgiong');
    expect(m.surface).toBe('Bu- mi - Sẻng - khăm - giong');
  });

  test('romanised and Vietnamese spellings meet on one entity', () => {
    expect(ids('Saichay Kommasith')).toEqual(['person.saichay-kommasith']);
    expect(ids('Sải-chay Côm-mạ-sít')).toEqual(['person.saichay-kommasith']);
    expect(ids('Kaysone Phomvihane và Cay-xỏn Phôm-vi-hản')).toEqual([
      'person.kaysone-phomvihane',
      'person.kaysone-phomvihane',
    ]);
    expect(ids('Bun-mi Sẻng-khăm-giong, Bu-mi Sẻng-khăm-giong')).toEqual([
      'person.bunmi-sengkhamgiong',
      'person.bunmi-sengkhamgiong',
    ]);
  });

  test('Lao provinces in several spellings', () => {
    expect(ids('Sa La Van, Salavan, Sa-la-van, Saravane')).toEqual(Array(4).fill('place.salavan'));
    expect(ids('Hủa Phăn, Houaphanh')).toEqual(['place.houaphanh', 'place.houaphanh']);
    expect(ids('Luông Pha Băng, Luang Prabang')).toEqual(['place.luang-prabang', 'place.luang-prabang']);
  });

  test('case: upper-case names do not match common lower-case words', () => {
    expect(ids('diễn biến hòa bình')).toEqual([]);
    expect(ids('TỈNH ĐIỆN BIÊN')).toEqual(['place.dien-bien']);
  });
});

describe('boundaries', () => {
  test('"Lào Cai" is a Vietnamese province, not Laos', () => {
    expect(ids('tỉnh Lào Cai')).toEqual(['place.lao-cai']);
  });

  test('whole syllables only: "an" never matches inside "Công an", "Lào" not inside "Làocai"', () => {
    expect(ids('Công an nhân dân Lào')).toEqual(['org.la-people-police']);
    // Run together they are no listed spelling; the letters still link them, by spelling (phonetic.test.ts).
    expect(findMentions('Làocai')).toMatchObject([{ entityId: 'place.lao-cai', listed: false, confidence: 'exact' }]);
    expect(findMentions('ViệtNam')).toMatchObject([{ entityId: 'place.vietnam', listed: false, confidence: 'exact' }]);
  });

  test('longest match wins: "Lào" inside "Bộ Công an Lào" is part of the ORG', () => {
    const m = one('Bộ Công an Lào');
    expect(m).toMatchObject({ entityId: 'org.la-mps', type: 'ORG', start: 0, end: 14 });
  });

  test('short forms: "Công an Lào", "Bộ Công an"', () => {
    expect(ids('lực lượng Công an Lào')).toEqual(['org.la-mps']);
    expect(ids('Bộ Công an đã cử chuyên gia')).toEqual(['org.vn-mps']);
  });

  test('generic phrases are not an entity: "Bộ Quốc phòng hai nước"', () => {
    expect(ids('Bộ Quốc phòng hai nước')).toEqual([]);
    expect(ids('giữa hai Bộ Công an')).toEqual([]);
  });

  test('punctuation ends a name', () => {
    expect(ids('Bộ Công an. Lào')).toEqual(['org.vn-mps', 'place.laos']);
  });

  test('mentions are sorted, non-overlapping, surface = text slice', () => {
    const text = 'Chủ tịch nước Lương Cường thăm Lào; Thủ tướng Sonexay Siphandone đón tại Viêng Chăn.';
    const ms = findMentions(text);
    for (let i = 0; i < ms.length; i++) {
      expect(text.slice(ms[i]!.start, ms[i]!.end)).toBe(ms[i]!.surface);
      if (i > 0) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
    }
    expect(ms.map((m) => m.entityId)).toEqual([
      'person.luong-cuong',
      'place.laos',
      'person.sonexay-siphandone',
      'place.vientiane-capital',
    ]);
  });
});

describe('titles', () => {
  test('a person mention spans the name; the rank is its title', () => {
    expect(one('Thượng tướng Hoàng Xuân Chiến')).toMatchObject({ surface: 'Hoàng Xuân Chiến', title: 'Thượng tướng' });
    expect(one('đồng chí Đại tướng Phan Văn Giang')).toMatchObject({
      surface: 'Phan Văn Giang',
      title: 'đồng chí Đại tướng',
    });
  });

  test('titles joined by a comma', () => {
    const ms = findMentions('Phó Thủ tướng, Bộ trưởng Vilay Lakhamphong');
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ surface: 'Vilay Lakhamphong', title: 'Phó Thủ tướng, Bộ trưởng' });
  });

  test('an office of an ORG is the title of the person after it', () => {
    const ms = findMentions('Chánh Văn phòng Bộ Quốc phòng Lào Saichay Kommasith');
    expect(ms.map((m) => m.entityId)).toEqual(['org.la-mod-office', 'person.saichay-kommasith']);
    expect(ms[1]!.title).toBe('Chánh Văn phòng Bộ Quốc phòng Lào');
  });

  test('no title when the rank is not right before the name', () => {
    expect(one('Tô Lâm').title).toBeUndefined();
  });
});

describe('grouping and records', () => {
  test('groupEntities: one entity per id, most mentioned first', () => {
    const groups = groupEntities(findMentions('Lào và Việt Nam. Lào, Bộ Công an Lào, Lào.'));
    expect(groups.map((g) => [g.id, g.mentions.length])).toEqual([
      ['place.laos', 3],
      ['place.vietnam', 1],
      ['org.la-mps', 1],
    ]);
    expect(groups[0]).toMatchObject({ name: 'Lào', type: 'PLACE', country: 'LA', listed: true });
  });

  test('getEntity returns the gazetteer record', () => {
    const e = getEntity('person.saichay-kommasith')!;
    expect(e).toMatchObject({ name: 'Saichay Kommasith', type: 'PERSON', country: 'LA' });
    expect(e.aliases).toContain('Sải-chay Côm-mạ-sít');
    expect(e.descriptionVi).not.toBe('');
    expect(e.descriptionEn).not.toBe('');
    expect(getEntity('unlisted:PERSON:x')).toBeUndefined();
  });
});

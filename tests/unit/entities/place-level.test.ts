/**
 * A place's level (lib/entities/place-level.ts) and linking by it: a name the gazetteer does not
 * list, written with a generic word ("huyện", "Muang", "District", "cửa khẩu", "cảng"), links to a
 * place of the level that word names, and never to a place of another level.
 */
import { describe, expect, test } from 'vitest';
import { compileGazetteer } from '@/lib/entities/build/compile';
import { emptyRows, parseTsv } from '@/lib/entities/build/tsv';
import { createMatcher } from '@/lib/entities';
import { genericOf, levelOf } from '@/lib/entities/place-level';

describe('genericOf and levelOf', () => {
  test.each([
    ['huyện Phongsaly', 'Phongsaly', ['district', 'town']],
    ['Muang Xamtay', 'Xamtay', ['district', 'town']],
    ['Mường Noòng', 'Noòng', ['district', 'town']],
    ['Xayabury District', 'Xayabury', ['district', 'town']],
    ['Vientiane Province', 'Vientiane', ['province']],
    ['Thủ đô Viêng Chăn', 'Viêng Chăn', ['capital']],
    ['TP Cay-xỏn Phôm-vi-hản', 'Cay-xỏn Phôm-vi-hản', ['town', 'capital']],
    ['cửa khẩu quốc tế Bờ Y', 'Bờ Y', ['gate']],
    ['Sân bay quốc tế Wattay', 'Wattay', ['airport']],
    ['Thuỷ điện Nậm Thơn 2', 'Nậm Thơn 2', ['dam']],
  ])('%s → %s', (name, bare, levels) => {
    expect(genericOf(name)).toEqual({ bare, levels });
  });

  test('a name without a generic word has none', () => {
    expect(genericOf('Phongsaly')).toBeNull();
    expect(genericOf('Saichay Kommasith')).toBeNull();
    expect(genericOf('Huyện')).toBeNull();
  });

  test("a place's level is its name's head, else its description's first words", () => {
    expect(levelOf('Huyện Khoua', 'Huyện (mường) Khoua của tỉnh Phông-xa-lỳ, Lào')).toBe('district');
    expect(levelOf('Chomphet', 'Huyện (mường) Chomphet của tỉnh Luông Pha Băng, Lào')).toBe('district');
    expect(levelOf('Huổi Xai', 'Thị xã tỉnh lỵ tỉnh Bò Kẹo (huyện Houayxay)')).toBe('town');
    expect(levelOf('Anouvong', 'Tỉnh lỵ tỉnh Xay-sổm-bun (huyện Anouvong)')).toBe('town');
    expect(levelOf('Phongsaly', 'Tỉnh cực bắc của Lào')).toBe('province');
    expect(levelOf('Cửa khẩu Khẹo', '')).toBe('gate');
    expect(levelOf('Đà Nẵng', 'Thành phố trực thuộc trung ương')).toBe('town');
    expect(levelOf('Lào', 'Nước Cộng hòa Dân chủ Nhân dân Lào')).toBeNull();
    // "Tỉnhxyz" is no head: a whole word only
    expect(levelOf('X', 'Tỉnhxyz')).toBeNull();
  });
});

describe('linking a place by its level (a made-up gazetteer: canonical names only)', () => {
  const rows = emptyRows();
  parseTsv(
    [
      'id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases\tsource',
      'place.phongsaly\tPLACE\tLA\tPhông-xa-lỳ\tTỉnh cực bắc của Lào\t\t\tunverified',
      'place.phongsaly-district\tPLACE\tLA\tHuyện Phông-xa-lỳ\tHuyện tỉnh lỵ tỉnh Phông-xa-lỳ\t\t\tunverified',
      'place.district.chomphet\tPLACE\tLA\tChomphet\tHuyện (mường) Chomphet của tỉnh Luông Pha Băng, Lào\t\t\tunverified',
      'place.gate.bo-y\tPLACE\tVN\tCửa khẩu Bờ Y\tCửa khẩu quốc tế phía Việt Nam (Kon Tum)\t\t\tunverified',
      'place.da-nang\tPLACE\tVN\tĐà Nẵng\tThành phố trực thuộc trung ương\t\t\tunverified',
      'place.da-nang-port\tPLACE\tVN\tCảng Đà Nẵng\tCảng biển của Đà Nẵng\t\t\tunverified',
      'person.kaysone\tPERSON\tLA\tKaysone Phomvihane\tLãnh tụ Lào\t\t\tunverified',
      'place.kaysone-city\tPLACE\tLA\tThành phố Kaysone Phomvihane\tThành phố tỉnh lỵ tỉnh Savannakhet\t\t\tunverified',
      'place.attapeu\tPLACE\tLA\tAttapeu\tTỉnh cực nam của Lào\t\t\tunverified',
      'person.lamthong\tPERSON\tLA\tLamthong Khopsilavong\tQuan chức Lào\t\t\tunverified',
      'place.nam-theun-2\tPLACE\tLA\tThủy điện Nậm Thơn 2\tNhà máy thủy điện ở Khăm Muộn\t\t\tunverified',
      'place.nakai-nam-theun\tPLACE\tLA\tVườn quốc gia Nakai - Nam Theun\tKhu bảo tồn ở Lào\t\t\tunverified',
    ].join('\n'),
    't.tsv',
    rows,
  );
  const c = compileGazetteer(rows);
  const matcher = createMatcher(c.data, c.details, c.phonetic);
  const linked = (text: string) =>
    matcher
      .findMentions(text)
      .filter((m) => !m.entityId.startsWith('unlisted:'))
      .map((m) => ({ surface: m.surface, id: m.entityId, confidence: m.confidence }));

  test('"huyện Phongsaly" is the district, "tỉnh Phongsaly" the province; the head stays outside the span', () => {
    expect(linked('Đoàn đã tới huyện Phongsaly hôm qua.')).toEqual([
      { surface: 'Phongsaly', id: 'place.phongsaly-district', confidence: 'phonetic' },
    ]);
    expect(linked('Đoàn đã tới tỉnh Phongsaly hôm qua.')).toEqual([
      { surface: 'Phongsaly', id: 'place.phongsaly', confidence: 'phonetic' },
    ]);
  });

  test('"Muang Chomphet" and "Chomfet District" are the district "Chomphet"', () => {
    expect(linked('Đoàn đã tới Muang Chomphet hôm qua.')).toEqual([
      { surface: 'Muang Chomphet', id: 'place.district.chomphet', confidence: 'exact' },
    ]);
    expect(linked('Đoàn đã tới Chomfet District hôm qua.')).toEqual([
      { surface: 'Chomfet District', id: 'place.district.chomphet', confidence: 'phonetic' },
    ]);
  });

  test('a generic word of another level links to nothing: "Atapeu District" is no province', () => {
    expect(linked('Đoàn đã tới Atapeu District hôm qua.')).toEqual([]);
    expect(linked('Đoàn đã tới huyện Atapeu hôm qua.')).toEqual([]);
    expect(linked('Đoàn đã tới tỉnh Atapeu hôm qua.')).toEqual([
      { surface: 'Atapeu', id: 'place.attapeu', confidence: 'phonetic' },
    ]);
  });

  test('a facility head is inside the span and says which entity: the gate "Bờ Y", the port, not the city', () => {
    expect(linked('Xe qua cửa khẩu quốc tế Bờ Y hôm qua.')).toEqual([
      { surface: 'cửa khẩu quốc tế Bờ Y', id: 'place.gate.bo-y', confidence: 'exact' },
    ]);
    expect(linked('Tàu cập cảng Đà Nẵng hôm qua.')).toEqual([
      { surface: 'cảng Đà Nẵng', id: 'place.da-nang-port', confidence: 'exact' },
    ]);
    // the city itself is listed: no phonetic link
    expect(linked('Đoàn tới Đà Nẵng hôm qua.')).toEqual([
      { surface: 'Đà Nẵng', id: 'place.da-nang', confidence: undefined },
    ]);
  });

  test('"thành phố Cay-xỏn Phôm-vi-hản" is the city, the same name after "Đồng chí" the person', () => {
    expect(linked('Đoàn đã tới thành phố Cay-xỏn Phôm-vi-hản hôm qua.')).toEqual([
      { surface: 'Cay-xỏn Phôm-vi-hản', id: 'place.kaysone-city', confidence: 'phonetic' },
    ]);
    expect(linked('Đồng chí Cay-xỏn Phôm-vi-hản phát biểu.')).toEqual([
      { surface: 'Cay-xỏn Phôm-vi-hản', id: 'person.kaysone', confidence: 'phonetic' },
    ]);
  });

  test('a number written on is part of the name: "Nam Theun 2" is the dam, not the park\'s "Nam Theun"', () => {
    expect(linked('Đoàn đã tới Nam Theun 2 hôm qua.')).toEqual([
      { surface: 'Nam Theun 2', id: 'place.nam-theun-2', confidence: 'phonetic' },
    ]);
    expect(linked('Đoàn đã tới Nam Theun 9 hôm qua.')).toEqual([]);
  });

  test('a hyphenated name whose first syllable is a Vietnamese family name is still a Lao name', () => {
    // "Lam" is the plain spelling of the family name Lâm; a Vietnamese name has no hyphens.
    expect(linked('Đồng chí Lam-thong Khop-sy-la-vong phát biểu.')).toEqual([
      { surface: 'Lam-thong Khop-sy-la-vong', id: 'person.lamthong', confidence: 'phonetic' },
    ]);
  });
});

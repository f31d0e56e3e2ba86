/** Names that are not in the gazetteer, found because the text marks them (sentences written for the test). */
import { describe, expect, test } from 'vitest';
import { findMentions, getEntity } from '@/lib/entities';

const only = (text: string) => {
  const ms = findMentions(text);
  expect(ms).toHaveLength(1);
  return ms[0]!;
};

describe('unlisted names', () => {
  test.each([
    ['Thượng tướng Nguyễn Văn Bảy phát biểu', 'Nguyễn Văn Bảy', 'Thượng tướng'],
    ['Trung tướng Trần Minh Khoa dự lễ', 'Trần Minh Khoa', 'Trung tướng'],
    ['Đại tướng Đỗ Quang Hiếu chủ trì', 'Đỗ Quang Hiếu', 'Đại tướng'],
    ['Bộ trưởng Lê Thị Hồng Vân cho biết', 'Lê Thị Hồng Vân', 'Bộ trưởng'],
    ['Thứ trưởng Phạm Đức Toàn tiếp đoàn', 'Phạm Đức Toàn', 'Thứ trưởng'],
    ['Phó Đại sứ Khamsing Vongphachanh chúc mừng', 'Khamsing Vongphachanh', 'Phó Đại sứ'],
    ['Tổng Tham mưu trưởng Bounsong Phetsavanh hội đàm', 'Bounsong Phetsavanh', 'Tổng Tham mưu trưởng'],
    ['Chủ tịch nước Vũ Đình Khang gặp đoàn', 'Vũ Đình Khang', 'Chủ tịch nước'],
    ['Thiếu tướng Xổm-phết Phôm-ma-chăn đến thăm', 'Xổm-phết Phôm-ma-chăn', 'Thiếu tướng'],
    // A Lao name written syllable by syllable runs longer than a Vietnamese one (LAO_SYLLABLES).
    ['Đại úy Khăm Phon Xỉ Xu Vông dẫn đầu tổ tuần tra', 'Khăm Phon Xỉ Xu Vông', 'Đại úy'],
    ['Trung tá Khăm Xỉ Đuông Mạ Lạt, Chỉ huy trưởng', 'Khăm Xỉ Đuông Mạ Lạt', 'Trung tá'],
    ['đồng chí Văn Khăm Pheng Xay Ma phát biểu', 'Văn Khăm Pheng Xay Ma', 'đồng chí'],
  ])('%s', (text, surface, title) => {
    const m = only(text);
    expect(m).toMatchObject({ surface, title, type: 'PERSON', listed: false });
    expect(m.entityId.startsWith('unlisted:PERSON:')).toBe(true);
  });

  test('entityId is the folded surface', () => {
    expect(only('Thượng tướng Nguyễn Văn Bảy').entityId).toBe('unlisted:PERSON:nguyen van bay');
    expect(only('Trung tướng Khăm-phết Vông-xay').entityId).toBe('unlisted:PERSON:kham phet vong xay');
  });

  test('a romanised Lao name without a title', () => {
    const ms = findMentions('Hôm qua Khamsing Vongphachanh đã phát biểu.');
    expect(ms).toMatchObject([{ surface: 'Khamsing Vongphachanh', type: 'PERSON', listed: false }]);
  });

  test('a word of address before a romanised name is outside it (ADDRESS)', () => {
    const ms = findMentions('Em Bounmy Sisavath kể về quê hương.');
    expect(ms).toMatchObject([{ surface: 'Bounmy Sisavath', type: 'PERSON' }]);
  });

  test('plain-Latin syllables that run on into a Vietnamese-written name are not a romanised name', () => {
    expect(findMentions('Sau đó Phan Minh Đức, Tham tán, phát biểu.').filter((m) => m.surface === 'Phan Minh')).toEqual(
      [],
    );
  });

  test('a company written in Latin letters is not a Lao name', () => {
    expect(findMentions('Tập đoàn Sun Group khởi công dự án.').filter((m) => m.type === 'PERSON')).toEqual([]);
  });

  test('"tỉnh …" with a full Vietnamese name that is no place is the office holder', () => {
    expect(only('Giám đốc Công an tỉnh Tô Anh Dũng')).toMatchObject({ surface: 'Tô Anh Dũng', type: 'PERSON' });
  });

  test('a hyphen-transliterated Lao name without a title', () => {
    expect(findMentions('Sau đó Khăm-phết Vông-xay cảm ơn.')).toMatchObject([
      { surface: 'Khăm-phết Vông-xay', type: 'PERSON', listed: false },
    ]);
  });

  test('"tỉnh …" is a place', () => {
    expect(only('tại tỉnh Hà Tây')).toMatchObject({
      surface: 'Hà Tây',
      type: 'PLACE',
      listed: false,
      entityId: 'unlisted:PLACE:ha tay',
    });
    expect(only('thành phố Sông Công')).toMatchObject({ surface: 'Sông Công', type: 'PLACE', listed: false });
  });

  test('listed names win over the patterns', () => {
    expect(only('tỉnh Điện Biên')).toMatchObject({ entityId: 'place.dien-bien', listed: true });
    expect(only('Thứ trưởng Bộ Công an')).toMatchObject({ entityId: 'org.vn-mps' });
  });

  test('no false names: English words, lower-case words, Việt-Lào', () => {
    expect(findMentions('Plan International và Samaritan Purse')).toEqual([]);
    expect(findMentions('Thứ trưởng tin tưởng rằng')).toEqual([]);
    expect(findMentions('cứu hộ - cứu nạn')).toEqual([]);
    expect(findMentions('COVID -19')).toEqual([]);
  });

  test('getEntity knows nothing of unlisted ids', () => {
    expect(getEntity('unlisted:PERSON:nguyen van bay')).toBeUndefined();
  });
});

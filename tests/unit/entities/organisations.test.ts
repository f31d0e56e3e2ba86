/**
 * Organisations by their heads (lib/entities/organisations.ts), through the default matcher:
 * `{title, text, expected}` where expected lists every mention as "TYPE surface".
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/lib/entities';

interface Row {
  title: string;
  text: string;
  expected: string[];
}

const ROWS: Row[] = [
  {
    title: 'a party committee by its province (COMMITTEE), the place not a mention of its own',
    text: 'Đoàn đại biểu Tỉnh ủy Thanh Hóa làm việc tại Hủa Phăn.',
    expected: ['ORG Tỉnh ủy Thanh Hóa', 'PLACE Hủa Phăn'],
  },
  {
    title: 'the same with the old tone placement ("Tỉnh uỷ")',
    text: 'Đoàn đại biểu Tỉnh uỷ Thanh Hoá làm việc.',
    expected: ['ORG Tỉnh uỷ Thanh Hoá'],
  },
  {
    title: 'a people’s council with the province head (COUNCIL)',
    text: 'Chủ tịch HĐND tỉnh Hà Tĩnh tiếp đoàn.',
    expected: ['ORG HĐND tỉnh Hà Tĩnh'],
  },
  {
    title: 'a border guard command with its abbreviation in brackets: one ORG, the force inside dropped',
    text: 'Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Quảng Trị ký kết biên bản.',
    expected: ['ORG Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Quảng Trị'],
  },
  {
    title: 'a provincial military command on the Lao side',
    text: 'Bộ Chỉ huy Quân sự tỉnh Salavan trao tặng quà.',
    expected: ['ORG Bộ Chỉ huy Quân sự tỉnh Salavan'],
  },
  {
    title: 'a border post by its name (POST)',
    text: 'Cán bộ đồn biên phòng Nậm Càn tuần tra.',
    expected: ['ORG đồn biên phòng Nậm Càn'],
  },
  {
    title: 'an office with no organisation named ("Công an tỉnh" and no place): nothing',
    text: 'Giám đốc Công an tỉnh phát biểu.',
    expected: [],
  },
  {
    title: 'an office of an unnamed provincial body, then the holder: a person, not an organisation or a place',
    text: 'Giám đốc Công an tỉnh Tô Anh Dũng phát biểu.',
    expected: ['PERSON Tô Anh Dũng'],
  },
  {
    title: 'a pair of provinces stays two places',
    text: 'Hợp tác giữa Thanh Hóa - Hủa Phăn được tăng cường.',
    expected: ['PLACE Thanh Hóa', 'PLACE Hủa Phăn'],
  },
];

const describeMentions = (text: string) => findMentions(text).map((m) => `${m.type} ${m.surface}`);

describe('organisations by their heads', () => {
  it.each(ROWS)('$title', ({ text, expected }) => {
    expect(describeMentions(text)).toEqual(expected);
  });

  it('an NFD page: the same organisation, its span over the NFD text', () => {
    const text = 'Đoàn đại biểu Tỉnh ủy Hủa Phăn thăm Thanh Hóa.'.normalize('NFD');
    const org = findMentions(text).find((m) => m.type === 'ORG');
    expect(org?.surface).toBe('Tỉnh ủy Hủa Phăn'.normalize('NFD'));
    expect(org?.listed).toBe(false);
    expect(text.slice(org!.start, org!.end)).toBe(org!.surface);
  });
});

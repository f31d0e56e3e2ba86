/** Events by their heads: numbered sessions and congresses with their owner, editions, festivals, plans. */
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/lib/entities';

const CASES: { title: string; text: string; events: [string, boolean][] }[] = [
  {
    title: 'a numbered session takes its owner, linked to the listed session',
    text: 'Hai bên chuẩn bị Kỳ họp lần thứ 47 Ủy ban liên Chính phủ Việt Nam - Lào tại Hà Nội.',
    events: [['Kỳ họp lần thứ 47 Ủy ban liên Chính phủ Việt Nam - Lào', true]],
  },
  {
    title: 'a congress with "của" and its party',
    text: 'Chúc mừng Đại hội đại biểu toàn quốc lần thứ XII của Đảng Nhân dân Cách mạng Lào thành công.',
    events: [['Đại hội đại biểu toàn quốc lần thứ XII của Đảng Nhân dân Cách mạng Lào', false]],
  },
  {
    title: 'a congress by its number (listed)',
    text: 'Trước thềm Đại hội XIV, đoàn đã sang thăm.',
    events: [['Đại hội XIV', true]],
  },
  {
    title: 'a congress by its number (unlisted)',
    text: 'Sau Đại hội lần thứ IX, đoàn đã sang thăm.',
    events: [['Đại hội lần thứ IX', false]],
  },
  {
    title: 'a numbered meeting named by its members (MEETING), the organisation inside it not a mention',
    text: 'Đại tướng dự hội nghị Bộ trưởng Quốc phòng các nước ASEAN lần thứ 10 tại Viêng Chăn.',
    events: [['hội nghị Bộ trưởng Quốc phòng các nước ASEAN lần thứ 10', false]],
  },
  {
    title: 'a meeting with no number is not an event by its head',
    text: 'Đại tướng dự hội nghị Bộ trưởng Quốc phòng các nước ASEAN tại Viêng Chăn.',
    events: [],
  },
  {
    title: 'an edition after a listed acronym',
    text: 'Đại tướng dự ADMM-10 tại Viêng Chăn.',
    events: [['ADMM-10', true]],
  },
  {
    title: 'a festival keeps its head',
    text: 'Học viên Lào vui Tết cổ truyền Bunpimay.',
    events: [['Tết cổ truyền Bunpimay', true]],
  },
  {
    title: 'a plan with its period',
    text: 'Hai tỉnh ký Thỏa thuận hợp tác giai đoạn 2026-2030 tại Thanh Hóa.',
    events: [['Thỏa thuận hợp tác giai đoạn 2026-2030', false]],
  },
  {
    title: 'a plan named with its parties (capitalised) before the period',
    text: 'Hai bên rà soát Kế hoạch hợp tác toàn diện Nghệ An - Xiêng Khoảng năm 2027.',
    events: [['Kế hoạch hợp tác toàn diện Nghệ An - Xiêng Khoảng năm 2027', false]],
  },
  {
    title: 'a plan broken by other words ("giữa hai tỉnh …") is no event; its places stay',
    text: 'Lãnh đạo ký thỏa thuận hợp tác giữa hai tỉnh Nghệ An - Xiêng Khoảng giai đoạn 2026-2030.',
    events: [],
  },
  {
    title: 'an ordinary meeting of a ministry is no event',
    text: 'Bộ Công an Lào tổ chức hội nghị tổng kết công tác.',
    events: [],
  },
];

describe('events by their heads', () => {
  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_t, c) => {
    const found = findMentions(c.text).filter((m) => m.type === 'EVENT');
    expect(found.map((m) => [m.surface, m.listed])).toEqual(c.events);
    for (const m of found) expect(c.text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('what an event covers is not a mention of its own', () => {
    const text = 'Kỳ họp lần thứ 47 Ủy ban liên Chính phủ Việt Nam - Lào khai mạc.';
    expect(findMentions(text).map((m) => m.type)).toEqual(['EVENT']);
  });
});

/** Administrative heads stay outside a place's span, unless the rest alone is another entity. */
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/lib/entities';

const CASES: { text: string; surface: string; id: string }[] = [
  { text: 'Đoàn công tác của nước CHDCND Lào sang thăm.', surface: 'CHDCND Lào', id: 'place.laos' },
  { text: 'Hội nghị tổ chức tại Thủ đô Hà Nội.', surface: 'Hà Nội', id: 'place.hanoi' },
  { text: 'Đoàn đã đến huyện Quan Sơn để khảo sát.', surface: 'Quan Sơn', id: 'place.quan-son' },
  // a compass word before a listed place is outside the span too
  { text: 'Mưa lớn ở các tỉnh Bắc Lào trong tuần.', surface: 'Lào', id: 'place.laos' },
  // …but a listed place that starts with one is that place
  { text: 'Đoàn đã đến tỉnh Bắc Giang hôm qua.', surface: 'Bắc Giang', id: 'place.bac-giang' },
  // "Hồ Chí Minh" alone is the person: the city keeps its head
  {
    text: 'Đoàn đã đến Thành phố Hồ Chí Minh hôm qua.',
    surface: 'Thành phố Hồ Chí Minh',
    id: 'place.ho-chi-minh-city',
  },
];

describe('administrative heads', () => {
  it.each(CASES.map((c) => [c.surface, c] as const))('%s', (_s, c) => {
    const places = findMentions(c.text).filter((m) => m.type === 'PLACE');
    expect(places.map((m) => [m.surface, m.entityId])).toEqual([[c.surface, c.id]]);
    expect(c.text.slice(places[0]!.start, places[0]!.end)).toBe(c.surface);
  });
});

describe('heads in NFD text', () => {
  it.each(CASES.filter((c) => !c.surface.startsWith('Thành phố')))(
    '$surface: the same span as in NFC (the head written with combining marks)',
    (c) => {
      const nfd = c.text.normalize('NFD');
      const places = findMentions(nfd).filter((m) => m.type === 'PLACE');
      expect(places.map((m) => [m.surface.normalize('NFC'), m.entityId])).toEqual([[c.surface, c.id]]);
      expect(nfd.slice(places[0]!.start, places[0]!.end)).toBe(c.surface.normalize('NFD'));
    },
  );
  it('tỉnh Hòa Bình in NFD is the province without its head', () => {
    const nfd = 'Đoàn đã thăm tỉnh Hòa Bình và Hủa Phăn.'.normalize('NFD');
    const [first] = findMentions(nfd);
    expect(first!.surface.normalize('NFC')).toBe('Hòa Bình');
  });
});

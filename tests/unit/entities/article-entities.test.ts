/** entitiesOf is bounded: a page stuffed with names gives at most MAX_ENTITIES entities and MAX_MENTIONS mentions. */
import { describe, expect, it } from 'vitest';
import { entitiesOf } from '@/lib/entities/article-entities';
import { findMentions, groupEntities } from '@/lib/entities/default-matcher';
import { MAX_ENTITIES, MAX_MENTIONS } from '@/lib/limits';

const GIVEN = 'An Bình Cường Dũng Đức Giang Hà Hải Hiếu Hòa Hùng Huy Khánh Khoa Lâm Long Minh Nam Nghĩa Phong'.split(
  ' ',
);
const MIDDLE = 'Văn Hữu Đình Quốc Minh Xuân Thanh Ngọc Công Đức Trọng Mạnh Tiến Viết Hồng Bá Duy Kim Gia Anh'.split(
  ' ',
);
const FAMILY = 'Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương'.split(' ');
/** 6,000 distinct name-shaped strings with a rank, one sentence each. */
const stuffed = FAMILY.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => `Đại tá ${f} ${m} ${g} phát biểu.`)));

describe('entitiesOf', () => {
  it('a real sentence gives the same entities as the unbounded matcher', () => {
    const text =
      'Thượng tướng Lê Huy Vịnh, Thứ trưởng Bộ Quốc phòng Việt Nam, hội đàm với Thượng tướng Khammang Phounmixay tại Viêng Chăn.';
    expect(entitiesOf(text)).toEqual(groupEntities(findMentions(text)));
    expect(entitiesOf(text).length).toBeGreaterThan(2);
  });

  it(`a page stuffed with ${stuffed.length} names gives at most ${MAX_ENTITIES} entities, the most mentioned kept`, () => {
    const repeated = 'Đại tá Trương Anh Phong phát biểu. '.repeat(3); // the last name, mentioned 4 times in all
    const entities = entitiesOf(`${stuffed.join(' ')} ${repeated}`);
    expect(stuffed.length).toBeGreaterThan(MAX_ENTITIES);
    expect(entities).toHaveLength(MAX_ENTITIES);
    expect(entities[0]!.name).toBe('Trương Anh Phong');
  });

  it(`keeps at most ${MAX_MENTIONS} mentions, the first in the text`, () => {
    const text = 'Lào và Việt Nam. '.repeat(MAX_MENTIONS);
    const mentions = entitiesOf(text).flatMap((e) => e.mentions);
    expect(findMentions(text).length).toBeGreaterThan(MAX_MENTIONS);
    expect(mentions).toHaveLength(MAX_MENTIONS);
    expect(Math.max(...mentions.map((m) => m.start))).toBeLessThan(text.length / 2 + 20);
  });
});

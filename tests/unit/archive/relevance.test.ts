import { describe, expect, it } from 'vitest';
import { countMatches, relevance, type Collection } from '@/lib/archive/relevance';
import { parseSearch, type ParsedSearch } from '@/lib/archive/search-query';
import { articleFields } from '@/lib/archive/search-text';

interface Text {
  name: string;
  title: string;
  lead: string | null;
  body: string;
}

const text = (t: Text) => ({ title: t.title, lead: t.lead, text: t.lead ? `${t.lead}\n\n${t.body}` : t.body });

/** The names of `texts` by descending score for `query` (folded), as if they were the whole archive. */
function ranked(texts: Text[], query: string, archive = texts.length): string[] {
  const search: ParsedSearch = parseSearch(query, 'folded');
  const counted = texts.map((t) => ({ name: t.name, counts: countMatches(articleFields(text(t), 'folded'), search) }));
  const collection: Collection = {
    articles: archive,
    termArticles: search.terms.map((_, i) => counted.filter((c) => c.counts.terms[i]!.some((n) => n > 0)).length),
    averageLength: counted.reduce((s, c) => s + c.counts.length, 0) / counted.length,
  };
  return counted
    .map((c) => ({ name: c.name, score: relevance(c.counts, search, collection) }))
    .sort((a, b) => b.score - a.score)
    .map((c) => c.name);
}

const FILLER =
  'Hai bên trao đổi về tình hình mỗi nước, đánh giá cao kết quả đã đạt được trong thời gian qua và thống nhất ' +
  'tiếp tục phối hợp chặt chẽ, thường xuyên thông tin cho nhau.';

const DEFENCE: Text[] = [
  {
    name: 'scattered',
    title: 'Đoàn công tác tỉnh Hủa Phăn thăm Thanh Hóa',
    lead: 'Chiều 2/12, lãnh đạo tỉnh Thanh Hóa tiếp đoàn công tác tỉnh Hủa Phăn (Lào).',
    body: `Hai tỉnh ký biên bản hợp tác về kinh tế, giáo dục. ${FILLER} Về phòng chống dịch bệnh và an ninh quốc gia, hai bên cam kết phối hợp.`,
  },
  {
    name: 'body',
    title: 'Tổng kết công tác đối ngoại năm 2026',
    lead: 'Sáng 1/12, Bộ Ngoại giao tổ chức hội nghị tổng kết công tác đối ngoại.',
    body: `${FILLER} Trong đó, hợp tác quốc phòng với Lào và Campuchia tiếp tục được đẩy mạnh. ${FILLER}`,
  },
  {
    name: 'title',
    title: 'Việt Nam – Lào đẩy mạnh hợp tác quốc phòng',
    lead: 'Ngày 3/12, tại Hà Nội, hai Bộ trưởng chủ trì hội đàm.',
    body: `${FILLER} Hai bên ký kế hoạch năm 2027.`,
  },
  {
    name: 'lead',
    title: 'Hội đàm Bộ trưởng Bộ Quốc phòng hai nước',
    lead: 'Hai Bộ trưởng nhất trí đưa hợp tác quốc phòng đi vào chiều sâu.',
    body: `${FILLER} Hai bên ký kế hoạch năm 2027.`,
  },
];

describe('relevance', () => {
  it('the words together in the title, then in the lead, then in the body, then scattered', () => {
    expect(ranked(DEFENCE, 'hợp tác quốc phòng')).toEqual(['title', 'lead', 'body', 'scattered']);
  });

  it('a quoted phrase ranks its hits the same way', () => {
    expect(ranked(DEFENCE.slice(1), '"hợp tác quốc phòng"')).toEqual(['title', 'lead', 'body']);
  });

  it('a rare word weighs more than a common one', () => {
    const texts: Text[] = [
      { name: 'rare', title: 'Tin địa phương', lead: null, body: `Lào. ${FILLER} Sầm Nưa, Sầm Nưa, Sầm Nưa.` },
      { name: 'common', title: 'Tin địa phương', lead: null, body: `Lào, Lào, Lào. ${FILLER} Sầm Nưa.` },
    ];
    // an archive of 100 articles where "Lào" is in every one and "Sầm Nưa" in these two
    const search = parseSearch('Lào Sầm Nưa', 'folded');
    const score = (t: Text) =>
      relevance(countMatches(articleFields(text(t), 'folded'), search), search, {
        articles: 100,
        termArticles: [100, 2, 2],
        averageLength: 30,
      });
    expect(score(texts[0]!)).toBeGreaterThan(score(texts[1]!));
  });

  it('the same hits in a shorter article count more', () => {
    const short: Text = { name: 'short', title: 'Tin ngắn', lead: null, body: `Viêng Chăn. ${FILLER}` };
    const long: Text = {
      name: 'long',
      title: 'Tin dài',
      lead: null,
      body: `Viêng Chăn. ${FILLER} ${FILLER} ${FILLER}`,
    };
    expect(ranked([long, short], 'Viêng Chăn', 10)).toEqual(['short', 'long']);
  });

  it('a prefix counts every word it starts', () => {
    const texts: Text[] = [
      { name: 'one', title: 'Tin', lead: null, body: `Hợp tác. ${FILLER}` },
      { name: 'three', title: 'Tin', lead: null, body: `Hợp tác, tăng cường hợp tác, hợp tác. ${FILLER}` },
    ];
    expect(ranked(texts, 'hợp t', 10)).toEqual(['three', 'one']);
  });
});

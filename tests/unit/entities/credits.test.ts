/** An outlet in a credit, a source line, a byline or a dateline is not a mention; as a subject it is. */
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/lib/entities';

/** `orgs`: every ORG mention expected, outlets and others. */
const CASES: { title: string; text: string; orgs: string[] }[] = [
  { title: 'photo credit after a sentence', text: 'Thủ tướng Phạm Minh Chính phát biểu. Ảnh: VOV', orgs: [] },
  { title: 'photographer / agency', text: 'Đoàn đại biểu tại sân bay. Ảnh: Văn Điệp/TTXVN', orgs: [] },
  { title: 'source line in brackets', text: 'Hai bên ký kết biên bản (Nguồn: THX/TTXVN)', orgs: [] },
  { title: 'a byline', text: 'Theo đặc phái viên TTXVN tại Viêng Chăn, hội đàm diễn ra sáng nay.', orgs: [] },
  {
    title: 'a dateline',
    text: '(VOV5) - Nhận lời mời của Bộ Quốc phòng Lào, đoàn đã lên đường.',
    orgs: ['org.la-mod'],
  },
  {
    title: 'the agency as the subject of cooperation',
    text: 'Thông tấn xã Việt Nam và Thông tấn xã Lào ký thỏa thuận hợp tác.',
    orgs: ['org.vna', 'org.kpl'],
  },
  {
    title: 'a partner named in prose',
    text: 'Văn phòng Chính phủ phối hợp với TTXVN thực hiện.',
    orgs: ['org.vn-government-office', 'org.vna'],
  },
  {
    title: '"Theo" before a ministry is a source, and the ministry is still its subject',
    text: 'Theo Bộ Công an Lào, hai bên đã bàn giao 12 đối tượng.',
    orgs: ['org.la-mps'],
  },
];

describe('credits are not mentions', () => {
  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_t, c) => {
    const orgs = findMentions(c.text)
      .filter((m) => m.type === 'ORG')
      .map((m) => m.entityId);
    expect(orgs).toEqual(c.orgs);
  });
});

/**
 * The background's highlighting messages (lib/background/entity-messages.ts): the one matcher
 * answers findMentions for a tab's article text, at most MAX_MATCH_CHARS characters of it, and
 * one request per tab at a time (a second one from the same tab is dropped: 'busy').
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findMentions } from '@/lib/entities';
import { MAX_MATCH_CHARS } from '@/lib/limits';

type Handler = (message: { data: unknown; sender: Record<string, unknown> }) => unknown;
const handlers = new Map<string, Handler>();

vi.mock('@/lib/messaging', () => ({
  onMessage: (type: string, handler: Handler) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));

const tab = (id: number) => ({ id: 'ours', url: 'https://antv.gov.vn/bai.html', tab: { id } });
const call = (type: string, data: unknown, sender: Record<string, unknown>) =>
  Promise.resolve(handlers.get(type)!({ data, sender }));

describe('background: findMentions and entityDetails', () => {
  beforeAll(async () => {
    const { registerEntityMessages } = await import('@/lib/background/entity-messages');
    registerEntityMessages((sender) => sender.id === 'ours');
  });

  it("answers a tab with the matcher's mentions of its text", async () => {
    const text = 'Thượng tướng Hoàng Xuân Chiến tiếp Bộ trưởng Bộ Công an Lào.';
    expect(await call('findMentions', text, tab(1))).toEqual({
      ok: true,
      mentions: findMentions(text),
      trimmed: false,
    });
  });

  it('one request per tab at a time: a second one from the same tab is dropped, other tabs are answered', async () => {
    const text = 'Việt Nam và Lào. '.repeat(2000);
    const [first, second, other] = await Promise.all([
      call('findMentions', text, tab(7)),
      call('findMentions', 'Lào', tab(7)),
      call('findMentions', 'Lào', tab(8)),
    ]);
    expect(first).toMatchObject({ ok: true, trimmed: false });
    expect((first as { mentions: unknown[] }).mentions).toHaveLength(4000);
    expect(second).toEqual({ ok: false, code: 'busy' });
    expect(other).toMatchObject({ ok: true, mentions: [{ entityId: 'place.laos' }] });
    // once answered, the tab may ask again
    expect(await call('findMentions', 'Lào', tab(7))).toMatchObject({
      ok: true,
      mentions: [{ entityId: 'place.laos' }],
    });
  });

  it(`matches at most ${MAX_MATCH_CHARS} characters and says the text was trimmed`, async () => {
    const head = 'Bộ Công an Lào. ';
    const text = head + 'x'.repeat(MAX_MATCH_CHARS) + ' Tết Bunpimay';
    const answer = await call('findMentions', text, tab(2));
    expect(answer).toEqual({ ok: true, mentions: findMentions(head), trimmed: true });
  });

  it('refuses other senders and anything but a string; entityDetails only for ours', async () => {
    const stranger = { id: 'evil', url: 'chrome-extension://evil/x.html', tab: { id: 3 } };
    expect(await call('findMentions', 'Lào', stranger)).toEqual({ ok: false, code: 'invalid' });
    expect(await call('findMentions', ['Lào'], tab(3))).toEqual({ ok: false, code: 'invalid' });
    expect(await call('entityDetails', 'place.laos', stranger)).toBeNull();
    expect(await call('entityDetails', 42, tab(3))).toBeNull();
    expect(await call('entityDetails', 'place.laos', tab(3))).toMatchObject({ id: 'place.laos', country: 'LA' });
    expect(await call('entityDetails', 'unlisted:PERSON:x', tab(3))).toBeNull();
  });
});

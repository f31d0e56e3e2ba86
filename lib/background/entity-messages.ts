/**
 * The background side of highlighting: the one matcher (the build-time gazetteer, bundled here
 * only) answers findMentions for the in-page view and the reader page, and entityDetails for
 * their entity card, and searchEntities for the card's "Wrong entity". Bounded: at most MAX_MATCH_CHARS characters are matched per request (the
 * answer says when the text was trimmed), and one request per tab at a time — a second request
 * from a tab whose request is still waiting or running is dropped, answered 'busy' (not queued:
 * a view asks once per article, so only a flood gets here, and a flood should not pile up work).
 */
import { browser, type Browser } from 'wxt/browser';
import { writeView } from '@/lib/analysis/params';
import type { Mention } from '@/lib/article';
import { findMentions } from '@/lib/entities/default-matcher';
import { getEntity } from '@/lib/entities/details';
import { searchEntities } from '@/lib/entities/search';
import { MAX_MATCH_CHARS } from '@/lib/limits';
import { onMessage, type MentionsOutcome } from '@/lib/messaging';

type SenderCheck = (sender: Browser.runtime.MessageSender) => boolean;

/** Senders (one per tab) with a request waiting or running. */
const running = new Set<string>();

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One key per tab; extension pages outside a tab (the popup) by their address. */
function senderKey(sender: Browser.runtime.MessageSender): string {
  return sender.tab?.id !== undefined ? `tab:${sender.tab.id}` : `page:${sender.url ?? ''}`;
}

/** Match `text` for the sender `key`, unless that sender already has a request waiting or running. */
export async function mentionsFor(
  key: string,
  text: string,
  find: (text: string) => Mention[] = findMentions,
): Promise<MentionsOutcome> {
  if (running.has(key)) return { ok: false, code: 'busy' };
  running.add(key);
  try {
    // Requests this sender already queued are answered 'busy' before matching holds the thread.
    await nextTask();
    const trimmed = text.length > MAX_MATCH_CHARS;
    return { ok: true, mentions: find(trimmed ? text.slice(0, MAX_MATCH_CHARS) : text), trimmed };
  } finally {
    running.delete(key);
  }
}

export function registerEntityMessages(fromUs: SenderCheck): void {
  onMessage('findMentions', ({ data, sender }) =>
    fromUs(sender) && typeof data === 'string'
      ? mentionsFor(senderKey(sender), data)
      : ({ ok: false, code: 'invalid' } as const),
  );
  onMessage('entityDetails', ({ data, sender }) =>
    fromUs(sender) && typeof data === 'string' ? (getEntity(data) ?? null) : null,
  );
  onMessage('searchEntities', ({ data, sender }) =>
    fromUs(sender) && typeof data === 'string' ? searchEntities(data) : [],
  );
  // A listed entity only: the address carries nothing the page chose but a gazetteer id.
  onMessage('openEntityPage', async ({ data, sender }) => {
    if (!fromUs(sender) || typeof data !== 'string' || !getEntity(data)) return;
    const query = writeView({ view: 'entity', filter: {}, granularity: 'month', chosen: [data] });
    await browser.tabs.create({ url: `${browser.runtime.getURL('/analysis.html')}${query}` });
  });
}

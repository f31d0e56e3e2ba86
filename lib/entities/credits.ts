/**
 * Credits are not mentions: a news agency or outlet named in a photo credit, a source line or a
 * byline ("Ảnh: TTXVN", "(Nguồn: THX/TTXVN)", "Theo VOV", "Đặc phái viên TTXVN") is where the text
 * came from, not who it is about. The same agency as the subject of cooperation ("Thông tấn xã
 * Việt Nam và KPL ký thỏa thuận") stays a mention.
 *
 * Named rules, each with its reason:
 *  - MEDIA: an outlet is an ORG whose canonical name starts as the press names outlets (Thông tấn
 *    xã, Báo, Đài, Tạp chí, Truyền hình…) or ends as English ones do (Times, News, Agency); the
 *    gazetteer lists them like any other organisation.
 *  - CREDIT_LEAD: the words that open a credit or a byline, between the start of the line (or an
 *    opening bracket) and the outlet.
 *  - AFTER_SLASH: "Văn Điệp/TTXVN", "THX/TTXVN": a photographer or a partner agency then the
 *    outlet, the way credits are written.
 *  - DATELINE: "(VOV5) - Nhận lời mời…": the outlet in brackets opening a line, then a dash.
 *  - CREDIT_SPAN: a credit is short; farther than this from its line's start it is prose.
 */
import type { Mention } from '../article';

// (no \b: it is ASCII-only, and "xã" ends in a letter it does not know)
const MEDIA =
  /^(?:Thông tấn xã|Hãng thông tấn|Báo|Đài|Tạp chí|Truyền hình|Cổng thông tin|Kênh)(?=\s|$)|\s(?:Times|News|Agency|Post|Press)$/u;
const CREDIT_LEAD =
  /^[([]?\s*(?:ảnh(?: minh họa| minh hoạ| tư liệu)?|nguồn|video|clip|đồ họa|đồ hoạ|infographic|theo|phóng viên(?: thường trú)?|pv|đặc phái viên|nhóm phóng viên)(?=[\s:,/)]|$)/iu;
/** Where a line or a sentence starts: a credit follows one ("… Chính. Ảnh: VOV"). */
const CLAUSE_START = /(?:\n|[.!?;]\s|[([])(?![\s\S]*(?:\n|[.!?;]\s|[([]))/u;
const AFTER_SLASH = /\/\s*$/u;
const DATELINE = { before: /(?:^|\n)\s*\($/u, after: /^\)\s*[-–—]/u };
const CREDIT_SPAN = 60;

/** Whether an entity's canonical name is an outlet's. */
export const isOutletName = (name: string): boolean => MEDIA.test(name);

/** `mentions` without the outlets named as credits (isOutlet: by entity id). */
export function dropCredits(text: string, mentions: Mention[], isOutlet: (id: string) => boolean): Mention[] {
  return mentions.filter((m) => {
    if (m.type !== 'ORG' || !m.listed || !isOutlet(m.entityId)) return true;
    const before = text.slice(Math.max(0, m.start - CREDIT_SPAN * 2), m.start);
    if (AFTER_SLASH.test(before)) return false;
    if (DATELINE.before.test(before) && DATELINE.after.test(text.slice(m.end, m.end + 4))) return false;
    const at = CLAUSE_START.exec(before);
    const clause = at ? before.slice(at.index + (/^[([]/.test(at[0]) ? 0 : at[0].length)) : before;
    return !(clause.length <= CREDIT_SPAN && CREDIT_LEAD.test(clause.trimStart()));
  });
}

/**
 * Events by their heads, when the gazetteer lists only a part of them: the span is the event's
 * name with its number and its owner (conventions: tests/fixtures/entities-eval/README.md).
 *
 * Named rules, each with its reason and an example:
 *  - SESSION: a numbered session or congress, then its owner: "Kỳ họp lần thứ 44 ⟨Ủy ban liên
 *    Chính phủ Việt Nam - Lào⟩", "Đại hội đại biểu toàn quốc lần thứ XII của ⟨Đảng NDCM Lào⟩";
 *    the owner becomes part of the event, not a mention of its own. Linked to a listed event when
 *    the head and the owner, without the number, are one ("Kỳ họp Ủy ban liên Chính phủ …").
 *  - CONGRESS: "Đại hội XIV", "Đại hội lần thứ XII": a congress by its number alone (the party
 *    named before, or known from the article).
 *  - NUMBERED: a listed event's acronym with its edition, "ADMM-10", "AIPA-45".
 *  - FESTIVAL: "Tết (cổ truyền) ⟨Bunpimay⟩": the head is part of a festival's name.
 *  - MEETING: a numbered meeting named by its members, no owner after the number: "⟨hội nghị Bộ
 *    trưởng Quốc phòng các nước ASEAN lần thứ 10⟩", "⟨Đại hội đồng Liên nghị viện ASEAN lần thứ 45⟩".
 *  - PLAN: an agreement, plan or memorandum with its period, "Thỏa thuận hợp tác giai đoạn
 *    2026-2030", "Kế hoạch hợp tác Việt Nam - Lào năm 2020": a document the news follows.
 *  - PLAN_BREAK: words of relation or number between "hợp tác" and the period ("thỏa thuận hợp
 *    tác giữa hai tỉnh … giai đoạn 2021-2025") break the name: no event. A qualifier ("song
 *    phương") and the parties' names do not.
 */
import type { Mention } from '../article';
import { foldDiacritics } from '../text/vietnamese';
import { keepOutermost } from './outermost';

const ORDINAL = String.raw`(?:lần\s+thứ|thứ|lần)?\s*(?:[IVXLC]+|\d{1,3})`;
const SESSION_HEAD = String.raw`(?:kỳ\s+họp|phiên\s+họp|hội\s+nghị|đại\s+hội(?:\s+đồng)?(?:\s+đại\s+biểu)?(?:\s+toàn\s+quốc)?)`;
/** Right before an ORG mention (the owner): head, number, and "của" or nothing. */
const SESSION = new RegExp(String.raw`(?:^|[^\p{L}])(${SESSION_HEAD}\s+${ORDINAL})\s+(?:của\s+)?$`, 'iu');
/*
 * CONGRESS, MEETING and PLAN start where no letter is before them: checked by wordStartMatches,
 * not by a lookbehind, which V8 tries at every position of the text (PLAN took 1 ms on the
 * 5,000-word bench article with it, 0.12 ms without).
 */
const CONGRESS = new RegExp(
  String.raw`(Đại\s+hội(?:\s+đại\s+biểu)?(?:\s+toàn\s+quốc)?\s+(?:lần\s+thứ\s+)?[IVXLC]+)(?![\p{L}\d])`,
  'gu',
);
const NUMBERED = /^-\d{1,3}(?![\p{L}\d])/u;
const MEETING = new RegExp(
  String.raw`((?:hội\s+nghị|đại\s+hội\s+đồng|diễn\s+đàn)(?:\s+[^\s.,;:()]+){1,8}?\s+lần\s+thứ\s+(?:[IVXLC]+|\d{1,3}))(?![\p{L}\d])`,
  'giu',
);
const FESTIVAL = /(?:^|[^\p{L}])(tết(?:\s+cổ\s+truyền)?)\s+$/iu;
const PLAN =
  /((?:thỏa|thoả)\s+thuận|bản\s+ghi\s+nhớ|kế\s+hoạch|hiệp\s+định|nghị\s+định\s+thư)\s+hợp\s+tác((?:\s+[^\s.,;:()]+){0,8}?)\s+(?:giai\s+đoạn|năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?(?![\d])/giu;

const PLAN_BREAK = /(?:^|\s)(?:giữa|của|với|về|cho|hai|ba|các|những|\d+)(?=\s|$)/iu;
/** PLAN's words between "hợp tác" and the period hold no PLAN_BREAK word. */
const namesOnly = (middle: string): boolean => !PLAN_BREAK.test(middle);

const unlisted = (surface: string): string =>
  `unlisted:EVENT:${foldDiacritics(surface.toLowerCase()).replace(/\s+/g, ' ')}`;

const LETTER_AT_END = /\p{L}$/u;

/**
 * The matches of global `re` that no letter precedes: what `(?<![\p{L}])` before `re` would give.
 * A match after a letter is skipped and the search goes on one character later, as the engine
 * does when a lookbehind fails (the lookbehind consumes nothing, so the rest matches the same).
 */
function wordStartMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let r = re.exec(text); r; r = re.exec(text)) {
    if (r.index > 0 && LETTER_AT_END.test(text.slice(Math.max(0, r.index - 2), r.index))) re.lastIndex = r.index + 1;
    else out.push(r);
  }
  return out;
}

/** `mentions` with the events above added; mentions inside a new event's span are dropped. */
export function findEvents(text: string, mentions: Mention[], find: (text: string) => Mention[]): Mention[] {
  const added: Mention[] = [];
  const event = (start: number, end: number, entityId?: string): Mention => ({
    start,
    end,
    surface: text.slice(start, end),
    entityId: entityId ?? unlisted(text.slice(start, end)),
    type: 'EVENT',
    listed: entityId !== undefined,
  });

  const out = mentions.map((m) => {
    if (m.type === 'ORG') {
      const before = text.slice(Math.max(0, m.start - 80), m.start);
      const s = SESSION.exec(before);
      if (s) {
        const head = s[1]!;
        const start = m.start - (before.length - before.lastIndexOf(head));
        const plain = find(`${head.replace(new RegExp(String.raw`\s+${ORDINAL}$`, 'iu'), '')} ${m.surface}`);
        const listed = plain.length === 1 && plain[0]!.type === 'EVENT' ? plain[0]!.entityId : undefined;
        return event(start, m.end, listed);
      }
    }
    if (m.type === 'EVENT') {
      const numbered = NUMBERED.exec(text.slice(m.end, m.end + 5));
      if (numbered)
        return { ...m, end: m.end + numbered[0].length, surface: text.slice(m.start, m.end + numbered[0].length) };
      const before = text.slice(Math.max(0, m.start - 20), m.start);
      const f = FESTIVAL.exec(before);
      if (f) {
        const start = m.start - (before.length - before.lastIndexOf(f[1]!));
        return { ...m, start, surface: text.slice(start, m.end) };
      }
    }
    return m;
  });
  for (const re of [CONGRESS, MEETING, PLAN])
    for (const r of wordStartMatches(re, text)) {
      if (re === PLAN && !namesOnly(r[2]!)) continue;
      added.push(event(r.index + r[0].indexOf(r[1]!), r.index + r[0].length));
    }
  // An event over its owner, its numbers, a shorter event; the matcher's own first on a tie.
  return keepOutermost(out, added);
}

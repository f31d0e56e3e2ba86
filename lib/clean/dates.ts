/**
 * Publish dates as Vietnamese pages print them, to ISO 8601 with the +07:00 offset.
 *
 * Formats seen on the sites (see tests/unit/clean/dates.test.ts for one case each):
 *   "15:56 | 25/12/2022 GMT+7"        thoidai / MasterCMS article header
 *   "Thứ Hai, 22/12/2025 14:46 GMT+7" antv header bar — the VIEWING time, never a publish date
 *   "17:36 07/12/2022"                cand
 *   "25/11/2021 11:35", "25/11/2021 - 11:35", "Thứ Năm, ngày 25/11/2021"
 *   "2022-06-02T17:36:00+07:00"       meta tags and JSON-LD
 *   "Sáng 25/11"                      year-less, only resolved against a trusted reference
 * Unknown is null, never a guess.
 */

/** Vietnam has no daylight saving time: every local time is UTC+7. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetString(minutes: number): string {
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** A local date-time at an offset, as ISO 8601 ("2022-12-25T15:56:00+07:00"). */
export function isoLocal(
  y: number,
  m: number,
  d: number,
  hh: number,
  mm: number,
  ss = 0,
  offsetMinutes = VIETNAM_OFFSET_MINUTES,
): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offsetString(offsetMinutes)}`;
}

/** An instant shown in Vietnam time. */
export function toVietnamIso(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  return isoLocal(
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  );
}

/** Machine dates (meta tags, JSON-LD, <time datetime>): ISO 8601 in any offset → +07:00. */
export function parseMachineDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, zone] = m;
  if (!validDate(+y!, +mo!, +d!)) return null;
  if (hh === undefined) return `${y}-${mo}-${d}`;
  if (!zone) return isoLocal(+y!, +mo!, +d!, +hh, +mi!, +(ss ?? 0)); // naive: the site's own (Vietnam) time
  const instant = new Date(
    `${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
  );
  return Number.isNaN(instant.getTime()) ? null : toVietnamIso(instant);
}

const TIME = /(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})/i;
const DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;
const GMT = /GMT\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i;

/**
 * A date line as printed ("15:56 | 25/12/2022 GMT+7", "17:36 07/12/2022", "25/11/2021").
 * Date and time → full ISO with offset; date alone → "YYYY-MM-DD"; anything else → null.
 */
export function parseVietnameseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, ' ');
  const date = DATE.exec(t);
  if (!date) return null;
  const d = +date[1]!,
    m = +date[2]!,
    y = +date[3]!;
  if (!validDate(y, m, d)) return null;
  const rest = t.slice(0, date.index) + ' ' + t.slice(date.index + date[0].length);
  const time = TIME.exec(rest);
  if (!time) return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  let hh = +time[1]!;
  const mm = +time[2]!;
  if (/\bPM\b|chiều|tối/i.test(rest) && hh < 12) hh += 12;
  if (hh > 23 || mm > 59) return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  const gmt = GMT.exec(rest);
  const offset = gmt ? (gmt[1] === '-' ? -1 : 1) * (+gmt[2]! * 60 + +(gmt[3] ?? 0)) : VIETNAM_OFFSET_MINUTES;
  return isoLocal(y, m, d, hh, mm, 0, offset);
}

/**
 * "Sáng 25/11", "Chiều 2/6", "ngày 25/11": a day and month without a year, resolved to the
 * latest such date on or before `reference` (a date the page itself vouches for). The part of
 * the day gives no exact time, so the result is a date ("2021-11-25").
 */
export function resolveYearless(text: string, reference: Date): string | null {
  const m = /(?:^|[^\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/.exec(text);
  if (!m) return null;
  const d = +m[1]!,
    mo = +m[2]!;
  const refLocal = new Date(reference.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  let y = refLocal.getUTCFullYear();
  const refKey = (refLocal.getUTCMonth() + 1) * 100 + refLocal.getUTCDate();
  if (mo * 100 + d > refKey) y -= 1;
  if (!validDate(y, mo, d)) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

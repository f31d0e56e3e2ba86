/**
 * The periods the analysis page counts by: calendar months ('2024-05') and ISO weeks
 * ('2024-W19'), both in Vietnam's time, as the pages date their articles (the keys are made in
 * lib/archive/tallies.ts, which counts by them; ranges and labels are made here).
 */
import { VIETNAM_OFFSET_MINUTES } from '@/lib/clean/dates';
import { weekOf } from '@/lib/archive/tallies';

export { monthOf, periodOf, weekOf, type Granularity } from '@/lib/archive/tallies';

const DAY_MS = 86_400_000;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Start (Vietnam midnight, as epoch ms) of a period key. */
export function periodStart(key: string): number {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return Date.UTC(+month[1]!, +month[2]! - 1, 1) - OFFSET_MS;
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!week) throw new Error(`not a period: ${key}`);
  const jan4 = Date.UTC(+week[1]!, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return monday1 + (+week[2]! - 1) * 7 * DAY_MS - OFFSET_MS;
}

/** The period after `key`. */
export function nextPeriod(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const m = +month[2]!;
    return m === 12 ? `${+month[1]! + 1}-01` : `${month[1]}-${pad(m + 1)}`;
  }
  return weekOf(periodStart(key) + 7 * DAY_MS);
}

/** Every period from `first` to `last`, both included (empty when last is before first); at most `cap`. */
export function periodRange(first: string, last: string, cap = 1000): string[] {
  const out: string[] = [];
  if (periodStart(last) < periodStart(first)) return out;
  for (let p = first; out.length < cap; p = nextPeriod(p)) {
    out.push(p);
    if (p === last) break;
  }
  return out;
}

/** A period as people read it: "05/2024" (month) or "Tuần 19/2024" / "Week 19, 2024". */
export function periodLabel(key: string, lang: 'vi' | 'en'): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[2]}/${month[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!week) return key;
  return lang === 'vi' ? `Tuần ${+week[2]!}/${week[1]}` : `Week ${+week[2]!}, ${week[1]}`;
}

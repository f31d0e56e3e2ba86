/** Dates as Vietnamese pages print them: "Thứ Năm, 25/11/2021 11:35" (Vietnam time). */
import { VIETNAM_OFFSET_MINUTES } from '@/lib/clean/dates';

const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date or date-time → "Thứ Năm, 25/11/2021 11:35" ("Thursday, 25/11/2021 11:35" in English). */
export function formatDate(iso: string | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (!iso) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const instant = new Date(dateOnly ? `${iso}T00:00:00+07:00` : iso);
  if (Number.isNaN(instant.getTime())) return '';
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  const weekday = (lang === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[local.getUTCDay()];
  const day = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  return dateOnly
    ? `${weekday}, ${day}`
    : `${weekday}, ${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** Short form for lists: "25/11/2021". */
export function formatShortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const instant = new Date(dateOnly ? `${iso}T00:00:00+07:00` : iso);
  if (Number.isNaN(instant.getTime())) return '';
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

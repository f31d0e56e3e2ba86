/** Results: rows of the figures table, the console table and bench-results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, type Summary } from './stats';

export interface Figure {
  name: string;
  summary: Summary;
}

export interface Row {
  case: string;
  what: string;
  ours: Figure;
  base?: Figure;
  /** ours.median / base.median (or the measured figure vs its limit for sizes, heap, scaling). */
  ratio?: number;
  goal?: string;
  met?: boolean;
  note?: string;
}

export const figure = (name: string, samples: readonly number[]): Figure => ({ name, summary: summarize(samples) });
export const single = (name: string, value: number): Figure => ({
  name,
  summary: { n: 1, median: value, p95: value, min: value, max: value, spread: 0 },
});

export function ratioRow(
  c: string,
  what: string,
  ours: Figure,
  base: Figure,
  limit?: { max: number; goal: string },
  note?: string,
): Row {
  const ratio = ours.summary.median / base.summary.median;
  const row: Row = { case: c, what, ours, base, ratio };
  if (limit) {
    row.goal = limit.goal;
    row.met = ratio <= limit.max;
  }
  if (note) row.note = note;
  return row;
}

const ms = (v: number): string =>
  Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3);

function cell(f: Figure | undefined, unit: string): string {
  if (!f) return '';
  const s = f.summary;
  if (unit !== 'ms') return `${f.name} ${fmtUnit(s.median, unit)}`;
  return s.n > 1 ? `${f.name} ${ms(s.median)} / ${ms(s.p95)} (n=${s.n})` : `${f.name} ${ms(s.median)}`;
}

function fmtUnit(v: number, unit: string): string {
  if (unit === 'B') return v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(1)} MB` : `${(v / 1024).toFixed(1)} KB`;
  return `${ms(v)} ${unit}`;
}

/** 0.0089 → "0.0089× (113× faster)". */
function ratioText(r: number): string {
  if (r >= 100) return `${r.toFixed(0)}×`;
  if (r >= 0.1 || r === 0) return `${r.toFixed(2)}×`;
  return `${r.toPrecision(2)}× (${(1 / r).toFixed(0)}× faster)`;
}

export function unitOf(row: Row): string {
  return (row as Row & { unit?: string }).unit ?? 'ms';
}

/** A Markdown table (also readable in a terminal). */
export function table(rows: readonly Row[]): string {
  const head = ['Case', 'Measurement', 'Ours: median / p95 ms', 'Baseline: median / p95 ms', 'Ratio', 'Goal', 'Met'];
  const lines = [head, head.map(() => '---')];
  for (const r of rows) {
    const unit = unitOf(r);
    lines.push([
      r.case,
      r.what + (r.note ? ` (${r.note})` : ''),
      cell(r.ours, unit),
      cell(r.base, unit),
      r.ratio === undefined ? '' : ratioText(r.ratio),
      r.goal ?? '',
      r.met === undefined ? '' : r.met ? 'met' : '**missed**',
    ]);
  }
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

export function writeResults(dir: string, data: unknown): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

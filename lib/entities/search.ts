/**
 * Search the gazetteer by name, for the entity card's "Wrong entity" (pick the right one): every
 * word of the query, folded (no tones, no diacritics, đ → d), must start a word of the entity's
 * name or of one of its aliases. Names that start with the query come first, then shorter names.
 * Runs in the background, the one place that bundles the gazetteer.
 */
import gazetteer from 'virtual:vietlao-gazetteer';
import details from 'virtual:vietlao-gazetteer/details';
import { foldDiacritics } from '../text/vietnamese';
import { GazetteerTable, type EntitySummary } from './table';

/** Most entities one search answers with. */
export const MAX_SEARCH_RESULTS = 20;

interface Entry {
  summary: EntitySummary;
  /** The folded name, then each folded alias, each as its words. */
  forms: string[][];
}

let entries: Entry[] | undefined;

const wordsOf = (text: string) => foldDiacritics(text).match(/[\p{L}\p{N}]+/gu) ?? [];

function index(): Entry[] {
  if (entries) return entries;
  const table = new GazetteerTable(gazetteer);
  entries = table.ids().flatMap((id) => {
    const e = table.entity(id, details);
    return e
      ? [
          {
            summary: { id, name: e.name, type: e.type, country: e.country },
            forms: [e.name, ...e.aliases].map(wordsOf),
          },
        ]
      : [];
  });
  return entries;
}

/** Every query word starts a word of `form`, in any order. */
const fits = (form: readonly string[], query: readonly string[]) =>
  query.every((q) => form.some((w) => w.startsWith(q)));

export function searchEntities(query: string, limit = MAX_SEARCH_RESULTS): EntitySummary[] {
  const q = wordsOf(query.slice(0, 200));
  if (!q.length) return [];
  const hits: { summary: EntitySummary; rank: number }[] = [];
  for (const entry of index()) {
    const form = entry.forms.findIndex((f) => fits(f, q));
    if (form < 0) continue;
    const starts = entry.forms[form]![0]?.startsWith(q[0]!) ? 0 : 1;
    hits.push({ summary: entry.summary, rank: starts * 1000 + Math.min(999, entry.summary.name.length) });
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.summary.name.localeCompare(b.summary.name, 'vi'))
    .slice(0, limit)
    .map((h) => h.summary);
}

/**
 * One entity's page (analysis.html?view=entity&id=…): canonical name, type, country and
 * description (the gazetteer's, from the background), the spellings the archive has of it with
 * their counts, first and last seen, its articles newest first, the entities mentioned with it,
 * and the sentences that mention it with the mention marked (built by DOM calls).
 */
import type { ArchiveDb } from '@/lib/archive/db';
import { nameEntities } from '@/lib/archive/stats';
import type { ArticleRow, BodyRow } from '@/lib/archive/types';
import { t } from '@/lib/i18n';
import { sendMessage, type EntityDetails } from '@/lib/messaging';
import { formatCount } from '@/lib/popup/numbers';
import { formatShortDate } from '@/lib/ui/dates';
import { h } from '@/lib/ui/dom';
import { countryLabel, entityTypeLabel } from '@/lib/ui/entity-type-label';
import { articleLinks, openInTab, readerHref } from './article-list';
import { dataTable, section } from './charts';
import { writeView } from './params';
import { cooccurrence } from './views';

/** Spellings and sentences are read from the bodies of this many newest articles. */
export const BODIES_READ = 200;
/** Sentences shown (at most two per article). */
const SENTENCES = 40;
const ARTICLES_SHOWN = 50;

export interface Sentence {
  articleId: string;
  before: string;
  mention: string;
  after: string;
}

/** The sentence around [start, end) in text: from the previous sentence end to the next (at most 240 characters each side). */
export function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  const stops = /[.!?…\n]/g;
  let from = Math.max(0, start - 240);
  for (let i = start - 1; i >= from; i--)
    if ('.!?…\n'.includes(text[i]!) && /\s/.test(text[i + 1] ?? ' ')) {
      from = i + 1;
      break;
    }
  stops.lastIndex = end;
  const next = stops.exec(text);
  const to = Math.min(next ? next.index + 1 : text.length, end + 240);
  return { before: text.slice(from, start).trimStart(), after: text.slice(end, to).trimEnd() };
}

/** Spellings (surface → mentions) and sentences of one entity in the given bodies, newest first. */
export function readMentions(
  bodies: readonly BodyRow[],
  id: string,
): { spellings: [string, number][]; sentences: Sentence[] } {
  const spellings = new Map<string, number>();
  const sentences: Sentence[] = [];
  for (const body of bodies) {
    const entity = body.entities.find((e) => e.id === id);
    if (!entity) continue;
    let taken = 0;
    for (const m of entity.mentions) {
      spellings.set(m.surface, (spellings.get(m.surface) ?? 0) + 1);
      if (taken < 2 && sentences.length < SENTENCES && body.text.slice(m.start, m.end) === m.surface) {
        sentences.push({ articleId: body.id, mention: m.surface, ...sentenceAround(body.text, m.start, m.end) });
        taken += 1;
      }
    }
  }
  return { spellings: [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])), sentences };
}

function readerLink(doc: Document, id: string, text: string): HTMLAnchorElement {
  const link = h(doc, 'a', {
    className: 'an-meta',
    text,
    isolate: true,
    attrs: { href: readerHref(id), target: '_blank' },
  });
  link.addEventListener('click', openInTab);
  return link;
}

export async function renderEntityPage(
  doc: Document,
  db: ArchiveDb,
  id: string,
  lang: 'vi' | 'en',
  root: HTMLElement = doc.body,
): Promise<void> {
  root.dataset.ready = 'loading';
  const [details, [named]] = await Promise.all([
    sendMessage('entityDetails', id).catch((): EntityDetails | null => null),
    nameEntities(db, [id]),
  ]);
  const facts = (await db.facts.where('entityIds').equals(id).toArray()).sort((a, b) => b.dayMs - a.dayMs);
  const name = details?.name ?? named?.name ?? id;
  const type = details?.type ?? named?.type ?? null;
  doc.title = `${name} — ${t('analysisTitle')}`;
  const newest = facts.slice(0, BODIES_READ).map((f) => f.id);
  const [rows, bodies] = await Promise.all([
    db.articles.bulkGet(newest.slice(0, ARTICLES_SHOWN)),
    db.bodies.bulkGet(newest),
  ]);
  const { spellings, sentences } = readMentions(
    bodies.filter((b): b is BodyRow => b !== undefined),
    id,
  );
  const co = cooccurrence(facts, id).ranked.slice(0, 20);
  const coNames = new Map(
    (
      await nameEntities(
        db,
        co.map((r) => r.id),
      )
    ).map((n) => [n.id, n]),
  );
  const shown = rows.filter((r): r is ArticleRow => !!r);
  const titles = new Map(shown.map((r) => [r.id, r.title]));
  const labels = { table: t('analysisDataTable'), open: t('analysisDataTable') };
  const mentionsTotal = facts.reduce((n, f) => n + (f.mentions[f.entityIds.indexOf(id)] ?? 0), 0);
  const first = facts.at(-1);
  const last = facts[0];
  const day = (ms: number | undefined) => (ms === undefined ? '—' : formatShortDate(new Date(ms).toISOString()));
  const description = details ? (lang === 'vi' ? details.descriptionVi : details.descriptionEn) : '';
  root.replaceChildren(
    h(
      doc,
      'header',
      { className: 'an-header' },
      h(doc, 'p', {}, h(doc, 'a', { text: t('analysisBack'), attrs: { href: 'analysis.html' } })),
      h(doc, 'h1', { text: name, isolate: true, testid: 'an-entity-name' }),
      h(doc, 'p', {
        className: 'an-hint',
        testid: 'an-entity-type',
        text: [type ? entityTypeLabel(type) : '', details ? countryLabel(details.country) : '']
          .filter(Boolean)
          .join(' · '),
      }),
      description ? h(doc, 'p', { text: description }) : null,
    ),
    h(
      doc,
      'main',
      { className: 'an-main an-entity' },
      h(doc, 'p', {
        className: 'an-summary',
        testid: 'an-entity-summary',
        text: t('analysisEntitySummary', [
          formatCount(facts.length, lang),
          formatCount(mentionsTotal, lang),
          day(first?.dayMs),
          day(last?.dayMs),
        ]),
      }),
      h(
        doc,
        'p',
        {},
        h(doc, 'a', {
          text: t('analysisOverTime'),
          attrs: {
            href: `analysis.html${writeView({ view: 'overview', filter: {}, granularity: 'month', chosen: [id] })}`,
          },
        }),
      ),
      section(
        doc,
        'an-spellings',
        t('analysisSpellings'),
        facts.length > BODIES_READ
          ? h(doc, 'p', { className: 'an-hint', text: t('analysisSpellingsNewest', formatCount(BODIES_READ, lang)) })
          : null,
        dataTable(
          doc,
          t('analysisSpellings'),
          [t('analysisSpelling'), t('analysisMentions')],
          spellings.map(([s, n]) => ({ cells: [s, formatCount(n, lang)] })),
          labels,
          true,
        ),
      ),
      section(
        doc,
        'an-sentences',
        t('analysisSentences'),
        h(
          doc,
          'ul',
          { className: 'an-kwic' },
          ...sentences.map((s) =>
            h(
              doc,
              'li',
              {},
              h(doc, 'span', { text: s.before }),
              h(doc, 'mark', { text: s.mention }),
              h(doc, 'span', { text: s.after }),
              ' ',
              readerLink(doc, s.articleId, titles.get(s.articleId) ?? t('analysisOpenArticle')),
            ),
          ),
        ),
      ),
      section(doc, 'an-entity-articles', t('analysisArticles'), articleLinks(doc, shown)),
      section(
        doc,
        'an-comentioned',
        t('analysisCooccurrence'),
        dataTable(
          doc,
          t('analysisCooccurrence'),
          [t('analysisEntity'), t('analysisType'), t('analysisSharedArticles')],
          co.map((r) => {
            const n = coNames.get(r.id);
            return {
              cells: [n?.name ?? r.id, n?.type ? entityTypeLabel(n.type) : '', formatCount(r.articles, lang)],
              pick: () => {
                doc.location.search = writeView({ view: 'entity', filter: {}, granularity: 'month', chosen: [r.id] });
              },
            };
          }),
          labels,
          true,
        ),
      ),
    ),
  );
  root.dataset.ready = 'true';
}

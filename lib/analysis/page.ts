/**
 * The analysis page (analysis.html): the whole archive or a filter of it — mentions over time of
 * the chosen entities with the articles beside them, the top entities of each type against the
 * previous period, co-occurrence with one entity (table and network), articles per site — and
 * every mark a way into the articles behind it, each opening in the reader page. `?view=entity`
 * shows one entity's page instead (./entity-page.ts).
 *
 * Steps, in order: read the view from the address (./params.ts); read the counts (./counts.ts:
 * tallies or facts); compute the views (./views.ts); draw each section with its table
 * (./charts.ts). A refilter repeats the last three and rewrites the address.
 */
import { listEntities, listSites, openArchive, type ArchiveDb } from '@/lib/archive';
import { articleCount } from '@/lib/archive/counter';
import { nameEntities, type EntityName } from '@/lib/archive/stats';
import type { EntityType } from '@/lib/article';
import { t, uiLang } from '@/lib/i18n';
import { formatCount } from '@/lib/popup/numbers';
import { button, h } from '@/lib/ui/dom';
import { ENTITY_TYPE_ORDER } from '@/lib/ui/entity-types';
import { entityTypeLabel } from '@/lib/ui/entity-type-label';
import { articleList } from './article-list';
import { barChart, dataTable, networkChart, section, timelineChart, type LinePoint } from './charts';
import { factsWith, loadCounts, type AnalysisFilter, type Mark } from './counts';
import { renderEntityPage } from './entity-page';
import { filterBar } from './filter-bar';
import { readView, writeView, MAX_CHOSEN, type AnalysisView } from './params';
import { periodLabel } from './periods';
import { articleTotal, cooccurrence, ranked, timeline, withChange, type Ranked } from './views';
import { hasCommands } from '@/lib/platform/features';

/** How many entities of each type the top lists show. */
const TOP_PER_TYPE = 10;
/** How many entities the filter bar offers (the most mentioned). */
const FILTER_ENTITIES = 300;
const DAY_MS = 86_400_000;

const tableLabels = () => ({ table: t('analysisDataTable'), open: t('analysisDataTable') });

/** The period of the same length just before the filter's dates (none without both dates). */
export function previousFilter(f: AnalysisFilter): AnalysisFilter | null {
  if (!f.from || !f.to) return null;
  const from = Date.parse(`${f.from}T00:00:00Z`);
  const to = Date.parse(`${f.to}T00:00:00Z`);
  const days = Math.round((to - from) / DAY_MS) + 1;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { ...f, from: day(from - days * DAY_MS), to: day(from - DAY_MS) };
}

interface Context {
  doc: Document;
  db: ArchiveDb;
  shell: Shell;
  lang: 'vi' | 'en';
  view: AnalysisView;
  names: Map<string, EntityName>;
  /** Show the articles behind a mark. */
  open(mark: Mark, title: string): void;
}

const nameOf = (c: Context, id: string) => c.names.get(id)?.name ?? id;

function timelineSection(c: Context, rows: Parameters<typeof timeline>[0]): HTMLElement {
  const { doc, lang } = c;
  const line = timeline(rows, c.view.chosen);
  const labels = line.periods.map((p) => periodLabel(p, lang));
  const points: LinePoint[] = line.series.flatMap((s) =>
    s.mentions.map((value, x) => ({
      period: line.periods[x]!,
      label: labels[x]!,
      x,
      series: nameOf(c, s.id),
      seriesId: s.id,
      value,
    })),
  );
  const bars = line.periods.map((period, x) => ({ x, label: labels[x]!, articles: line.articles[x]!, period }));
  const chips = h(
    doc,
    'div',
    { className: 'an-chips', testid: 'an-chosen' },
    ...c.view.chosen.map((id) =>
      h(
        doc,
        'span',
        { className: 'an-chip' },
        h(doc, 'span', { text: nameOf(c, id), isolate: true }),
        button(doc, '×', () => void refilter(c.shell, { ...c.view, chosen: c.view.chosen.filter((x) => x !== id) }), {
          attrs: { 'aria-label': t('analysisRemoveChosen', nameOf(c, id)) },
        }),
      ),
    ),
  );
  const pick = (p: { period: string; seriesId?: string }) =>
    p.seriesId
      ? c.open({ period: p.period, entityId: p.seriesId }, `${nameOf(c, p.seriesId)} · ${periodLabel(p.period, lang)}`)
      : c.open({ period: p.period }, periodLabel(p.period, lang));
  const headers = [t('analysisPeriod'), t('analysisArticles'), ...line.series.map((s) => nameOf(c, s.id))];
  const tableRows = line.periods.map((period, i) => ({
    cells: [
      labels[i]!,
      formatCount(line.articles[i]!, lang),
      ...line.series.map((s) => `${formatCount(s.mentions[i]!, lang)} (${formatCount(s.articles[i]!, lang)})`),
    ],
    pick: () => pick({ period }),
  }));
  return section(
    doc,
    'an-timeline',
    t('analysisTimeline'),
    chips,
    h(doc, 'p', { className: 'an-hint', text: t('analysisTimelineHint') }),
    line.periods.length
      ? timelineChart(
          doc,
          points,
          bars,
          { aria: t('analysisTimeline'), mentions: t('analysisMentions'), articles: t('analysisArticlesWord') },
          pick,
        )
      : null,
    dataTable(doc, t('analysisTimeline'), headers, tableRows, tableLabels()),
  );
}

function topSection(c: Context, rows: Parameters<typeof ranked>[0], previous: Parameters<typeof ranked>[0] | null) {
  const { doc, lang } = c;
  const all = ranked(rows, 'entity');
  const columns = ENTITY_TYPE_ORDER.map((type: EntityType) => {
    const top = withChange(all.filter((r) => c.names.get(r.id)?.type === type).slice(0, TOP_PER_TYPE), previous);
    if (!top.length) return null;
    const openEntity = (id: string) => c.open({ entityId: id }, nameOf(c, id));
    const change = (r: (typeof top)[number]) => {
      if (r.previous === null) return '—';
      const d = r.articles - r.previous;
      return d > 0 ? `+${formatCount(d, lang)}` : d < 0 ? `−${formatCount(-d, lang)}` : '±0';
    };
    return h(
      doc,
      'div',
      { className: 'an-top', testid: `an-top-${type}` },
      h(doc, 'h3', { text: entityTypeLabel(type) }),
      barChart(
        doc,
        top.map((r) => ({ id: r.id, label: nameOf(c, r.id), value: r.articles })),
        { aria: t('analysisTopOf', entityTypeLabel(type)), value: t('analysisArticlesWord') },
        openEntity,
      ),
      dataTable(
        doc,
        t('analysisTopOf', entityTypeLabel(type)),
        [t('analysisEntity'), t('analysisArticles'), t('analysisMentions'), t('analysisChange')],
        top.map((r) => ({
          cells: [nameOf(c, r.id), formatCount(r.articles, lang), formatCount(r.mentions, lang), change(r)],
          pick: () => openEntity(r.id),
        })),
        tableLabels(),
        true,
      ),
      h(
        doc,
        'p',
        {},
        ...top
          .slice(0, 3)
          .map((r) =>
            button(doc, t('analysisDrawOverTime', nameOf(c, r.id)), () => choose(c, r.id), { className: 'an-link' }),
          ),
      ),
    );
  });
  return section(
    doc,
    'an-top',
    t('analysisTop'),
    h(doc, 'p', { className: 'an-hint', text: previous ? t('analysisChangeHint') : t('analysisChangeNone') }),
    h(doc, 'div', { className: 'an-columns' }, ...columns),
  );
}

/** Entities the co-occurrence table lists (the network shows the first of them). */
const CO_LISTED = 50;

function cooccurrenceSection(c: Context, co: ReturnType<typeof cooccurrence>, focus: string) {
  const { doc, lang } = c;
  const pair = (id: string) => c.open({ entityId: focus, alsoEntityId: id }, `${nameOf(c, focus)} + ${nameOf(c, id)}`);
  const options = c.view.chosen.map((id) => {
    const o = h(doc, 'option', { text: nameOf(c, id), isolate: true });
    o.value = id;
    return o;
  });
  const which = h(doc, 'select', { testid: 'an-co-focus' }, ...options);
  which.value = focus;
  which.addEventListener('change', () => void renderCooccurrence(c, which.value));
  return section(
    doc,
    'an-cooccurrence',
    t('analysisCooccurrence'),
    h(doc, 'label', { className: 'an-field' }, h(doc, 'span', { text: t('analysisWith') }), which),
    co.ranked.length
      ? networkChart(
          doc,
          co.network,
          (id) => nameOf(c, id),
          { aria: t('analysisNetwork', nameOf(c, focus)), articles: t('analysisArticlesWord') },
          (id) => (id === focus ? c.open({ entityId: focus }, nameOf(c, focus)) : pair(id)),
        )
      : h(doc, 'p', { className: 'an-hint', text: t('analysisNoCooccurrence') }),
    dataTable(
      doc,
      t('analysisCooccurrence'),
      [t('analysisEntity'), t('analysisType'), t('analysisSharedArticles')],
      co.ranked.slice(0, CO_LISTED).map((r: Ranked) => {
        const type = c.names.get(r.id)?.type;
        return {
          cells: [nameOf(c, r.id), type ? entityTypeLabel(type) : '', formatCount(r.articles, lang)],
          pick: () => pair(r.id),
        };
      }),
      tableLabels(),
      true,
    ),
  );
}

function sitesSection(c: Context, rows: Parameters<typeof ranked>[0], siteNames: Map<string, string>): HTMLElement {
  const { doc, lang } = c;
  const sites = ranked(rows, 'site');
  const openSite = (site: string) => c.open({ site }, siteNames.get(site) ?? site);
  return section(
    doc,
    'an-sites',
    t('analysisSites'),
    barChart(
      doc,
      sites.map((s) => ({ id: s.id, label: siteNames.get(s.id) ?? s.id, value: s.articles })),
      { aria: t('analysisSites'), value: t('analysisArticlesWord') },
      openSite,
    ),
    dataTable(
      doc,
      t('analysisSites'),
      [t('analysisSite'), t('analysisArticles')],
      sites.map((s) => ({
        cells: [siteNames.get(s.id) ?? s.id, formatCount(s.articles, lang)],
        pick: () => openSite(s.id),
      })),
      tableLabels(),
    ),
  );
}

/** An archive with nothing to count yet: what to save first, instead of empty axes. */
function emptyState(doc: Document): HTMLElement {
  return h(
    doc,
    'section',
    { className: 'an-empty', testid: 'an-empty' },
    h(doc, 'h2', { text: t('analysisEmptyTitle') }),
    h(doc, 'p', { text: t('analysisEmptyIntro') }),
    h(
      doc,
      'ol',
      {},
      h(doc, 'li', { text: t('analysisEmptyStep1') }),
      h(doc, 'li', { text: t(hasCommands() ? 'analysisEmptyStep2' : 'analysisEmptyStep2Here') }), // no shortcut on Firefox for Android
      h(doc, 'li', { text: t('analysisEmptyStep3') }),
    ),
    h(doc, 'p', { className: 'an-hint', text: t('analysisEmptySample') }),
  );
}

/** The page's frame: where it draws, what it knows of the archive, and the view it shows. */
interface Shell {
  doc: Document;
  db: ArchiveDb;
  /** Carries `data-ready` ('loading', 'true', 'error') for tests and the bench. */
  root: HTMLElement;
  sites: Map<string, string>;
  main: HTMLElement;
  results: HTMLElement;
  view: AnalysisView;
  counts?: Awaited<ReturnType<typeof loadCounts>>;
  /** Each render's number: a slower earlier render never draws over a later one. */
  generation: number;
  /** Write the view to the address (the real page; not the bench). */
  remember: boolean;
  /** Names and types of the entities seen so far (they do not change while the page is open). */
  names: Map<string, EntityName>;
  /** The section drawn after the first charts (co-occurrence), when one is on its way. */
  followUp?: Promise<void>;
}

function choose(c: Context, id: string): void {
  if (c.view.chosen.includes(id)) return;
  void refilter(c.shell, { ...c.view, chosen: [...c.view.chosen, id].slice(-MAX_CHOSEN) });
}

/**
 * Draw (or redraw, for another focus) the co-occurrence section: read after the first charts are
 * in the page, since it reads the facts of every article mentioning the focus.
 */
async function renderCooccurrence(c: Context, focus: string, generation = c.shell.generation): Promise<void> {
  const facts = c.shell.counts?.facts ?? (await factsWith(c.db, c.view.filter, focus));
  const co = cooccurrence(facts, focus);
  await nameMissing(c, [focus, ...co.ranked.slice(0, CO_LISTED).map((r) => r.id)]);
  if (generation !== c.shell.generation) return;
  c.shell.main.querySelector('[data-testid="an-cooccurrence"]')?.replaceWith(cooccurrenceSection(c, co, focus));
}

async function nameMissing(c: Context, ids: string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !c.names.has(id));
  if (!missing.length) return;
  for (const n of await nameEntities(c.db, missing)) c.names.set(n.id, n);
}

/**
 * Show `next`: write it to the address, read its counts and draw it. A failure (storage, a
 * chart) says so in words instead of leaving a half-drawn page.
 */
async function refilter(shell: Shell, next: AnalysisView): Promise<void> {
  const { doc } = shell;
  shell.view = next;
  const generation = ++shell.generation;
  if (shell.remember) doc.defaultView?.history.replaceState(null, '', writeView(next) || doc.location.pathname);
  shell.root.dataset.ready = 'loading';
  try {
    const { drawn, after } = await renderOverview(shell, next);
    if (generation !== shell.generation) return;
    shell.main.replaceChildren(...drawn);
    shell.root.dataset.ready = 'true'; // the first charts
    if (after) shell.followUp = after().catch(() => undefined);
  } catch (error) {
    if (generation !== shell.generation) return;
    shell.main.replaceChildren(
      h(doc, 'p', {
        className: 'an-error',
        testid: 'an-error',
        attrs: { role: 'alert' },
        text: t('analysisFailed', error instanceof Error ? error.message : String(error)),
      }),
    );
    shell.root.dataset.ready = 'error';
  }
}

/** The overview's sections for `view` (not yet in the page). */
async function renderOverview(
  shell: Shell,
  requested: AnalysisView,
): Promise<{ drawn: Node[]; after: (() => Promise<void>) | null }> {
  const { doc, db } = shell;
  const lang = uiLang();
  const counts = await loadCounts(db, requested.filter, requested.granularity);
  const prev = previousFilter(requested.filter);
  const previous = prev ? (await loadCounts(db, prev, requested.granularity)).rows : null;
  shell.counts = counts;
  const total = articleTotal(counts.rows);
  const top = ranked(counts.rows, 'entity');
  // with nothing chosen, draw the three entities in the most articles
  const view = requested.chosen.length ? requested : { ...requested, chosen: top.slice(0, 3).map((r) => r.id) };
  const context: Context = {
    doc,
    db,
    lang,
    view,
    shell,
    names: shell.names,
    open: (mark, title) => void articleList(doc, db, view, mark, title, shell.results, lang),
  };
  if (total === 0)
    return {
      drawn: [h(doc, 'p', { className: 'an-summary', testid: 'an-summary', text: t('analysisNothingMatches') })],
      after: null,
    };
  await nameMissing(context, [...top.slice(0, 400).map((r) => r.id), ...view.chosen]);
  const focus = view.chosen[0];
  const drawn = [
    h(
      doc,
      'p',
      { className: 'an-summary', testid: 'an-summary' },
      t('analysisSummary', [
        formatCount(total, lang),
        formatCount(top.length, lang),
        formatCount(ranked(counts.rows, 'site').length, lang),
      ]),
    ),
    timelineSection(context, counts.rows),
    topSection(context, counts.rows, previous),
    ...(focus
      ? [
          section(
            doc,
            'an-cooccurrence',
            t('analysisCooccurrence'),
            h(doc, 'p', { className: 'an-hint', text: t('analysisCounting') }),
          ),
        ]
      : []),
    sitesSection(context, counts.rows, shell.sites),
  ];
  return { drawn, after: focus ? () => renderCooccurrence(context, focus) : null };
}

export interface AnalysisPageOptions {
  /** Default: the archive (openArchive()). The bench passes its seeded databases. */
  db?: ArchiveDb;
  /** Where to draw (default: the body), and whether the address follows the view (default: yes). */
  root?: HTMLElement;
  remember?: boolean;
  /** Default: read from the address. */
  view?: AnalysisView;
}

/** What the page can be asked once it is drawn (the bench refilters through this). */
export interface AnalysisPage {
  /** Resolves when the first charts of `next` are drawn. */
  refilter(next: AnalysisView): Promise<void>;
  /** Resolves when what is drawn after the first charts (co-occurrence) is drawn too. */
  settled(): Promise<void>;
  readonly view: AnalysisView;
}

export async function startAnalysisPage(
  doc: Document = document,
  options: AnalysisPageOptions = {},
): Promise<AnalysisPage> {
  const lang = uiLang();
  const root = options.root ?? doc.body;
  root.dataset.ready = 'loading';
  if (!options.root) {
    doc.documentElement.lang = lang;
    doc.title = `${t('analysisTitle')} — ${t('extName')}`;
  }
  const view = options.view ?? readView(doc.location.search);
  const db = options.db ?? (await openArchive());
  // the filter bar's lists, as the popup's (the entities' counts come from the tallies)
  const [sites, entities, count] = await Promise.all([
    listSites(db),
    listEntities(db, FILTER_ENTITIES),
    articleCount(db),
  ]);
  const main = h(doc, 'div', { className: 'an-main', testid: 'an-main' });
  const results = h(doc, 'aside', { className: 'an-results', testid: 'an-results', attrs: { 'aria-live': 'polite' } });
  const shell: Shell = {
    doc,
    db,
    root,
    sites: new Map(sites.map((s) => [s.site, s.siteName])),
    main,
    results,
    view,
    generation: 0,
    remember: options.remember ?? !options.root,
    names: new Map(),
  };
  const page: AnalysisPage = {
    refilter: (next) => refilter(shell, next),
    settled: async () => {
      await shell.followUp;
    },
    get view() {
      return shell.view;
    },
  };
  if (view.view === 'entity' && view.chosen[0]) {
    await renderEntityPage(doc, db, view.chosen[0], lang, root);
    return page;
  }
  const header = h(
    doc,
    'header',
    { className: 'an-header' },
    h(doc, 'h1', { text: t('analysisTitle') }),
    count
      ? filterBar(doc, view, sites, entities, (next) => refilter(shell, { ...next, chosen: shell.view.chosen }))
      : null,
  );
  root.replaceChildren(header, h(doc, 'div', { className: 'an-layout' }, main, results));
  if (count === 0) {
    main.replaceChildren(emptyState(doc));
    root.dataset.ready = 'true';
    return page;
  }
  await refilter(shell, view);
  return page;
}

/**
 * The analysis page's charts, drawn by Observable Plot (SVG: labels are real text, so Vietnamese
 * reads and wraps as the page's own font draws it, and a screen reader can reach every label),
 * each with a table of the same numbers beside it (the way in from the keyboard and for screen
 * readers: each row is a button). Every mark is a way in: a click on a point, bar or node calls
 * `onPick` with what it stands for. Plot reports the datum under the pointer as the figure's
 * `value` (its pointer interaction); a click reads it.
 *
 * Only the analysis page imports this file: Plot and d3 never reach a content script.
 */
import * as Plot from '@observablehq/plot';
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import { button, h } from '@/lib/ui/dom';
import type { Network } from './views';

/** A section of the page: its heading and what it shows. */
export function section(doc: Document, testid: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(doc, 'section', { className: 'an-section', testid }, h(doc, 'h2', { text: title }), ...children);
}

/** One row of a chart's table: its cells and, when it is a way in, what a click opens. */
export interface TableRow {
  cells: string[];
  pick?: () => void;
}

/** A table of a chart's numbers, inside a "Data table" disclosure (open when `open`). */
export function dataTable(
  doc: Document,
  caption: string,
  headers: string[],
  rows: TableRow[],
  labels: { table: string; open: string },
  open = false,
): HTMLElement {
  const table = h(
    doc,
    'table',
    { className: 'an-table' },
    h(doc, 'caption', { text: caption }),
    h(doc, 'thead', {}, h(doc, 'tr', {}, ...headers.map((text) => h(doc, 'th', { text, attrs: { scope: 'col' } })))),
    h(
      doc,
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          doc,
          'tr',
          {},
          ...row.cells.map((text, i) =>
            i === 0 && row.pick
              ? h(doc, 'th', { attrs: { scope: 'row' } }, button(doc, text, row.pick, { className: 'an-link' }))
              : h(doc, i === 0 ? 'th' : 'td', { text, isolate: i === 0, attrs: i === 0 ? { scope: 'row' } : {} }),
          ),
        ),
      ),
    ),
  );
  const details = h(doc, 'details', { className: 'an-details' }, h(doc, 'summary', { text: labels.table }), table);
  details.open = open;
  return details;
}

/** Wire a Plot figure's clicks to the datum under the pointer. */
function clickable<T>(figure: (SVGSVGElement | HTMLElement) & Plot.Plot, onPick: (datum: T) => void): Element {
  figure.addEventListener('click', () => {
    const datum = figure.value as T | null | undefined;
    if (datum) onPick(datum);
  });
  figure.classList.add('an-chart');
  return figure;
}

export interface LinePoint {
  period: string;
  label: string;
  /** Index of the period (Plot's x), so gaps stay gaps and labels stay the pages' own. */
  x: number;
  series: string;
  seriesId: string;
  value: number;
}

/** Mentions over time, one line per entity, and the articles of each period as bars behind them. */
export function timelineChart(
  doc: Document,
  points: LinePoint[],
  bars: { x: number; label: string; articles: number; period: string }[],
  text: { aria: string; mentions: string; articles: string },
  onPick: (p: { period: string; seriesId?: string }) => void,
): Element {
  const ticks = bars.length > 12 ? bars.filter((_, i) => i % Math.ceil(bars.length / 12) === 0) : bars;
  const figure = Plot.plot({
    document: doc,
    ariaLabel: text.aria,
    width: 760,
    height: 300,
    marginLeft: 48,
    x: { ticks: ticks.map((b) => b.x), tickFormat: (x: number) => bars[x]?.label ?? '', label: null },
    y: { grid: true, label: text.mentions },
    color: { legend: true, type: 'categorical' },
    marks: [
      Plot.rectY(bars, {
        x1: (d: { x: number }) => d.x - 0.4,
        x2: (d: { x: number }) => d.x + 0.4,
        y: 'articles',
        fill: 'currentColor',
        fillOpacity: 0.12,
        title: (d: { label: string; articles: number }) => `${d.label}: ${d.articles} ${text.articles}`,
        tip: true,
      }),
      Plot.ruleY([0]),
      Plot.lineY(points, { x: 'x', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(points, {
        x: 'x',
        y: 'value',
        fill: 'series',
        r: 3.5,
        channels: { [text.mentions]: 'value' },
        title: (d: LinePoint) => `${d.series} · ${d.label}: ${d.value}`,
        tip: true,
      }),
    ],
  });
  return clickable<LinePoint | { period: string }>(figure, (d) =>
    onPick('seriesId' in d ? { period: d.period, seriesId: d.seriesId } : { period: d.period }),
  );
}

export interface Bar {
  id: string;
  label: string;
  value: number;
}

/** Horizontal bars, largest first. */
export function barChart(
  doc: Document,
  bars: Bar[],
  text: { aria: string; value: string },
  onPick: (id: string) => void,
): Element {
  const figure = Plot.plot({
    document: doc,
    ariaLabel: text.aria,
    width: 360,
    height: 28 + 22 * Math.max(1, bars.length),
    marginLeft: 150,
    x: { grid: true, label: text.value },
    y: {
      domain: bars.map((b) => b.label),
      label: null,
      tickFormat: (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s),
    },
    marks: [
      Plot.barX(bars, {
        x: 'value',
        y: 'label',
        fill: 'var(--an-accent)',
        title: (b: Bar) => `${b.label}: ${b.value}`,
        tip: true,
      }),
      Plot.ruleX([0]),
    ],
  });
  return clickable<Bar>(figure, (b) => onPick(b.id));
}

interface NetNode extends SimulationNodeDatum {
  id: string;
  label: string;
  articles: number;
}

/** The co-occurrence network: the chosen entity in the middle, links as wide as the articles shared. */
export function networkChart(
  doc: Document,
  network: Network,
  label: (id: string) => string,
  text: { aria: string; articles: string },
  onPick: (id: string) => void,
): Element {
  const nodes: NetNode[] = network.nodes.map((n) => ({ id: n.id, label: label(n.id), articles: n.articles }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = network.links.map((l) => ({ ...l }));
  const most = Math.max(1, ...links.map((l) => l.articles));
  // a fixed number of ticks from a fixed start: the same archive always draws the same picture
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
    n.x = i === 0 ? 0 : 160 * Math.cos(a);
    n.y = i === 0 ? 0 : 120 * Math.sin(a);
  });
  forceSimulation(nodes)
    .force(
      'link',
      forceLink<NetNode, (typeof links)[number]>(links)
        .id((n) => n.id)
        .distance((l) => 150 - 70 * (l.articles / most))
        .strength((l) => 0.2 + 0.6 * (l.articles / most)),
    )
    .force('charge', forceManyBody().strength(-260))
    .force('collide', forceCollide(26))
    .force('center', forceCenter(0, 0))
    .stop()
    .tick(300);
  // (forceLink replaced each copy's ends by the nodes: the network's own links still name them)
  const segments = network.links.flatMap((l) => {
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    return a && b ? [{ a, b, articles: l.articles }] : [];
  });
  const figure = Plot.plot({
    document: doc,
    ariaLabel: text.aria,
    width: 760,
    height: 420,
    inset: 40,
    x: { axis: null },
    y: { axis: null },
    r: { range: [5, 18] },
    marks: [
      Plot.link(segments, {
        x1: (s: (typeof segments)[number]) => s.a.x,
        y1: (s: (typeof segments)[number]) => s.a.y,
        x2: (s: (typeof segments)[number]) => s.b.x,
        y2: (s: (typeof segments)[number]) => s.b.y,
        stroke: 'currentColor',
        strokeOpacity: 0.25,
        strokeWidth: (s: (typeof segments)[number]) => 1 + 5 * (s.articles / most),
      }),
      Plot.dot(nodes, {
        x: 'x',
        y: 'y',
        r: 'articles',
        fill: (n: NetNode) => (n.id === nodes[0]?.id ? 'var(--an-strong)' : 'var(--an-accent)'),
        title: (n: NetNode) => `${n.label}: ${n.articles} ${text.articles}`,
        tip: true,
      }),
      Plot.text(nodes, { x: 'x', y: 'y', text: 'label', dy: -20, fontSize: 12, fill: 'currentColor' }),
    ],
  });
  return clickable<NetNode>(figure, (n) => onPick(n.id));
}

// @vitest-environment jsdom
/**
 * Bidi and invisible characters (issue 17.6): a title, an entity name, a byline or a site that
 * carries bidirectional controls must not reorder what the extension shows. Each row is rendered
 * in every view that shows such strings — the popup list row and its filters, the article view
 * (reader page and in-page view), the legend, the entity card, the popup's current-tab card, the
 * in-page toolbar's status, a message with a substitution — and must come out with no control
 * character, its visible text intact, and (where it is an element of its own) isolated with
 * dir="auto" from the text around it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mention } from '@/lib/article';
import type { ArticleSummary } from '@/lib/archive';
import { t } from '@/lib/i18n';
import { createToolbar } from '@/lib/in-page/toolbar';
import { createFilterBar } from '@/lib/popup/filters';
import { renderListItem } from '@/lib/popup/list-item';
import { renderArticle } from '@/lib/ui/article-view';
import { attachEntityCard } from '@/lib/ui/entity-card';
import { legendGroups, renderLegend } from '@/lib/ui/legend';
import { stubI18n } from '../support/i18n-stub';

interface BidiCase {
  title: string;
  /** The hostile string, as a page or an imported file carries it. */
  payload: string;
  /** What must be shown: the payload without its controls. */
  expected: string;
  advisory?: string;
}

const BIDI_CASES: BidiCase[] = [
  {
    title: 'RIGHT-TO-LEFT OVERRIDE reverses the end of a title',
    payload: 'Hội đàm Việt Nam – Lào \u202Eoàl gnôc\u202C',
    expected: 'Hội đàm Việt Nam – Lào oàl gnôc',
    advisory: 'CVE-2021-42574 (Trojan Source)',
  },
  {
    title: 'an override never closed: it would spill over the text after the title',
    payload: '\u202EBộ Công an Lào',
    expected: 'Bộ Công an Lào',
    advisory: 'CVE-2021-42574 (Trojan Source)',
  },
  {
    title: 'LEFT-TO-RIGHT OVERRIDE and embeddings (LRE, RLE, PDF)',
    payload: '\u202DThông tấn\u202C \u202ALào\u202C \u202BVientiane\u202C',
    expected: 'Thông tấn Lào Vientiane',
  },
  {
    title: 'isolates (LRI, RLI, FSI) left open, and a stray PDI',
    payload: '\u2066Sải-chay\u2067 Côm-mạ-sít\u2068 \u2069\u2069',
    expected: 'Sải-chay Côm-mạ-sít ',
    advisory: 'CVE-2021-42574 (Trojan Source)',
  },
  {
    title: 'invisible direction marks (LRM, RLM, ALM) in a site name',
    payload: 'antv\u200F.gov\u200E.vn\u061C',
    expected: 'antv.gov.vn',
  },
  {
    title: 'an override hiding a different file name in an entity name',
    payload: 'Tài liệu\u202Efdp.exe',
    expected: 'Tài liệufdp.exe',
    advisory: 'CVE-2021-42574 (Trojan Source)',
  },
  {
    title: 'real right-to-left letters are kept (only the controls go)',
    payload: 'Đại sứ \u202Eمرحبا\u202C שלום',
    expected: 'Đại sứ مرحبا שלום',
  },
];

const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

function summaryOf(s: string): ArticleSummary {
  return {
    id: 'a-1',
    canonicalUrl: 'https://antv.gov.vn/bai.html',
    url: 'https://antv.gov.vn/bai.html',
    site: 'antv.gov.vn',
    siteName: s,
    title: s,
    lead: null,
    byline: s,
    publishedAt: '2021-11-25T11:35:00+07:00',
    savedAt: '2021-11-25T05:00:00.000Z',
    updatedAt: '2021-11-25T05:00:00.000Z',
    lang: 'vi',
    wordCount: 100,
    readingMinutes: 1,
    contentHash: 'x',
    leadImage: null,
    entityIds: ['unlisted:x'],
    topEntities: [{ id: 'unlisted:x', name: s, type: 'PERSON', count: 2 }],
    tags: [],
  };
}

/** An element showing the string, and whether it must be isolated on its own. */
interface Shown {
  where: string;
  node: Element;
  isolated: boolean;
  text?: string;
}

async function viewsOf(s: string): Promise<Shown[]> {
  const shown: Shown[] = [];
  const row = renderListItem(document, summaryOf(s), { open: () => undefined, remove: () => undefined });
  document.body.append(row);
  shown.push({ where: 'popup row: title', node: row.querySelector('.item-title')!, isolated: true });
  shown.push({ where: 'popup row: site', node: row.querySelector('.item-site')!, isolated: true });
  shown.push({ where: 'popup row: entity chip', node: row.querySelector('.chip')!, isolated: true });
  const chipTitle = row.querySelector('.chip')!.getAttribute('title')!;
  shown.push({ where: 'popup row: chip tooltip', node: row, isolated: false, text: chipTitle });
  const deleteLabel = row.querySelector('[data-testid="delete"]')!.getAttribute('aria-label')!;
  shown.push({ where: 'popup row: delete label', node: row, isolated: false, text: deleteLabel });

  const bar = createFilterBar(document, 'vi', () => undefined);
  bar.setSites([{ site: 'antv.gov.vn', siteName: s, count: 3 }]);
  bar.setEntities([{ id: 'unlisted:x', name: s, type: 'PERSON', count: 2 }]);
  const siteOption = bar.element.querySelector('[data-testid="filter-site"] option[value="antv.gov.vn"]')!;
  const entityOption = bar.element.querySelector('[data-testid="filter-entity"] option[value="unlisted:x"]')!;
  shown.push({ where: 'popup filter: site option', node: siteOption, isolated: true });
  shown.push({ where: 'popup filter: entity option', node: entityOption, isolated: true });

  const article = renderArticle(
    document,
    {
      title: s,
      siteName: s,
      byline: s,
      lead: null,
      publishedAt: '2021-11-25T11:35:00+07:00',
      url: 'https://antv.gov.vn/bai.html',
      contentHtml: '<p>Nội dung.</p>',
      readingMinutes: 2,
      lang: 'vi',
    },
    { lang: 'vi', minutes: (n) => `${n} phút`, original: 'Bài gốc', cleanedBy: (r) => `Quy tắc ${r.id}` },
  );
  document.body.append(article);
  shown.push({ where: 'article view: site', node: article.querySelector('.vl-site')!, isolated: true });
  shown.push({ where: 'article view: title', node: article.querySelector('.vl-title')!, isolated: true });
  shown.push({ where: 'article view: byline', node: article.querySelector('.vl-byline')!, isolated: true });

  const legend = renderLegend(
    document,
    legendGroups([{ id: 'unlisted:x', name: s, type: 'PERSON', listed: false, mentions: [] }]),
    () => undefined,
  );
  shown.push({ where: 'legend: entity name', node: legend.querySelector('.legend-name')!, isolated: true });
  const previous = legend.querySelector('.legend-prev')!.getAttribute('aria-label')!;
  shown.push({ where: 'legend: "previous" label', node: legend, isolated: false, text: previous });

  const mark = document.createElement('mark');
  mark.className = 'vl-entity';
  mark.tabIndex = 0;
  mark.textContent = 'x';
  article.append(mark);
  const mention: Mention = {
    start: 0,
    end: 1,
    surface: s,
    entityId: 'unlisted:x',
    type: 'PERSON',
    listed: false,
    title: s,
  };
  const card = attachEntityCard(article, {
    mentionOf: (m) => (m === mark ? mention : undefined),
    spellings: () => [s, 'Một cách viết khác'],
    details: () => Promise.resolve(null),
  });
  mark.focus();
  await new Promise((r) => setTimeout(r, 0));
  expect(card.element.hidden, 'the card is shown').toBe(false);
  shown.push({ where: 'entity card: name', node: card.element.querySelector('.vl-card-name')!, isolated: true });
  shown.push({ where: 'entity card: title', node: card.element.querySelector('.vl-card-title span')!, isolated: true });
  shown.push({
    where: 'entity card: spelling',
    node: card.element.querySelector('.vl-card-seen span')!,
    isolated: true,
  });

  const toolbar = createToolbar(
    document,
    {
      clean: 'Bài sạch',
      original: 'Trang gốc',
      save: 'Lưu bài',
      saved: 'Đã lưu',
      undo: 'Hoàn tác',
      refused: 'Chưa làm gì',
    },
    { toggle: () => undefined, save: () => undefined, undo: () => undefined },
  );
  document.body.append(toolbar.host);
  toolbar.setStatus(s, 'error');
  const status = toolbar.root.querySelector('[data-testid="status"]')!; // the root is closed: the test holds it as the extension does
  // the status is drawn as generated content from data-text (no text node the page could read)
  shown.push({
    where: 'in-page toolbar: status',
    node: status,
    isolated: false,
    text: status.getAttribute('data-text') ?? '',
  });

  shown.push({
    where: 'a message with a substitution',
    node: document.body,
    isolated: false,
    text: t('popupDeleted', s),
  });
  return shown;
}

describe('bidi controls are neutralised and names isolated in every view', () => {
  beforeAll(() => stubI18n());

  it('the table has cases for every kind of control', () => {
    const all = BIDI_CASES.map((c) => c.payload).join('');
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x61c])
      expect(all, `U+${code.toString(16).toUpperCase()}`).toContain(String.fromCharCode(code));
  });

  it.each(BIDI_CASES.map((c) => [c.title, c] as const))('%s', async (_title, c) => {
    document.body.replaceChildren();
    const shown = await viewsOf(c.payload);
    expect(shown.length).toBe(17);
    for (const { where, node, isolated, text } of shown) {
      const value = text ?? node.textContent ?? '';
      expect(value, `${where}: no control character`).not.toMatch(CONTROLS);
      expect(value, `${where}: the visible text`).toContain(c.expected);
      if (isolated) expect(node.getAttribute('dir'), `${where}: isolated`).toBe('auto');
    }
  });
});

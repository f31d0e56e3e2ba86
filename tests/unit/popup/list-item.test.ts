// @vitest-environment jsdom
/** A row of the popup's archive list (lib/popup/list-item.ts) shows the host its address really opens. */
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@/lib/archive';
import { renderListItem } from '@/lib/popup/list-item';
import { stubI18n } from '../../support/i18n-stub';

const summary = (url: string): ArticleSummary => ({
  id: 'a-1',
  canonicalUrl: 'https://nhandan.vn/bai.html',
  url,
  site: 'nhandan.vn',
  siteName: 'Báo Nhân Dân',
  title: 'Quan hệ Việt – Lào',
  lead: null,
  byline: null,
  publishedAt: null,
  savedAt: '2024-06-01T00:00:00.000Z',
  updatedAt: '2024-06-01T00:00:00.000Z',
  lang: 'vi',
  wordCount: 100,
  readingMinutes: 1,
  contentHash: '0'.repeat(64),
  leadImage: null,
  entityIds: [],
  topEntities: [],
  tags: [],
});

const host = (url: string) => {
  stubI18n();
  const item = renderListItem(document, summary(url), { open: () => undefined, remove: () => undefined });
  return item.querySelector('[data-testid="host"]')?.textContent ?? null;
};

describe('popup list row: the real host', () => {
  it.each([
    ['https://nhandan.vn/bai.html', 'nhandan.vn'],
    ['https://nhandan.vn@evil.example/bai.html', 'evil.example'],
    ['https://xn--bo-nhn-dn-6ib.vn/bai.html', 'xn--bo-nhn-dn-6ib.vn'],
    ['https://antv.gov.vn:8443/bai.html', 'antv.gov.vn:8443'],
  ])('%s shows %s', (url, expected) => expect(host(url)).toBe(expected));

  it('an international host shows in its xn-- form, which cannot pass for another site', () =>
    expect(host('https://nhândân.vn/bai.html')).toMatch(/^xn--[a-z0-9-]+\.vn$/));

  it('an address that is not http(s) shows no host', () => expect(host('javascript:alert(1)')).toBeNull());
});

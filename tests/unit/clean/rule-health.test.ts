/** Rule health: fallbacks counted per site over the last ten articles, and a report without the page's text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '@/lib/clean/pipeline';
import { HEALTH_WINDOW, healthReport, recordOutcome, unhealthy, type RuleHealth } from '@/lib/clean/rule-health';
import { pickRule } from '@/lib/clean/sites';

const root = join(import.meta.dirname, '../../fixtures/pages');

function cleaned(folder: string) {
  const { url } = JSON.parse(readFileSync(join(root, folder, 'expected.json'), 'utf8')) as { url: string };
  const dom = new JSDOM(readFileSync(join(root, folder, 'source.html'), 'utf8'), { url });
  const result = cleanDocument(dom.window.document, url, { window: dom.window as unknown as Window });
  if (!result.isArticle) throw new Error(`${folder}: ${result.reason}`);
  return { result, doc: dom.window.document, url };
}

describe('rule health', () => {
  it('counts the articles whose own rule missed, over the last ten', () => {
    let health: RuleHealth = {};
    for (let i = 0; i < 12; i++)
      health = recordOutcome(health, 'bocongan.gov.vn', `https://bocongan.gov.vn/a-${i}`, {
        id: i % 4 === 0 ? 'generic' : 'mastercms',
        fallback: i % 4 === 0 ? 'generic' : null,
      });
    expect(health['bocongan.gov.vn']).toHaveLength(HEALTH_WINDOW);
    // kept: articles 2..11, of which 4 and 8 fell back
    const [summary] = unhealthy(health);
    expect(summary).toMatchObject({ host: 'bocongan.gov.vn', missed: 2, of: 10, path: 'generic' });
    expect(summary!.last.url).toBe('https://bocongan.gov.vn/a-8');
  });

  it('the same article read twice counts once; a healthy site is not listed', () => {
    let health: RuleHealth = {};
    for (let i = 0; i < 3; i++)
      health = recordOutcome(health, 'antv.gov.vn', 'https://antv.gov.vn/x', { id: 'generic', fallback: 'generic' });
    health = recordOutcome(health, 'cand.com.vn', 'https://cand.com.vn/y', { id: 'cand', fallback: null });
    expect(unhealthy(health)).toEqual([expect.objectContaining({ host: 'antv.gov.vn', missed: 1, of: 1 })]);
  });

  it('a drift fixture (container renamed) is counted as a fallback, and its report carries no text of the page', () => {
    const { result, doc, url } = cleaned('bocongan--doi-ten-khung-bai');
    expect(result.rule.fallback).not.toBeNull();
    const health = recordOutcome({}, result.site, url, result.rule);
    expect(unhealthy(health)[0]).toMatchObject({ missed: 1, of: 1 });

    const report = healthReport(doc, url, pickRule(url), result.rule);
    expect(report).toContain(`URL: ${url}`);
    expect(report).toContain('Rule: ');
    expect(report).toContain('article: (none)'); // the renamed container is what missed
    expect(report).toMatch(/^\s*body/m);
    for (const block of result.text.split('\n\n').filter((b) => b.length > 20))
      expect(report).not.toContain(block.slice(0, 20));
    expect(report).not.toContain(result.title);
  });
});

describe('rule health reports', () => {
  it('only the latest missed article keeps its report', () => {
    let health: RuleHealth = {};
    health = recordOutcome(health, 'h.vn', 'https://h.vn/1', { id: 'generic', fallback: 'generic' }, 'one');
    health = recordOutcome(health, 'h.vn', 'https://h.vn/2', { id: 'generic', fallback: 'generic' }, 'two');
    health = recordOutcome(health, 'h.vn', 'https://h.vn/3', { id: 'h', fallback: null }, 'three');
    expect(health['h.vn']!.map((e) => e.report)).toEqual([undefined, 'two', undefined]);
    expect(unhealthy(health)[0]!.last.report).toBe('two');
  });
});

/**
 * The live count of a custom rule in the tab (lib/in-page/count-rule.ts): what each selector
 * matches in the original page — not in the extension's own view or toolbar —, 0 for nothing,
 * null for an invalid selector (never a throw); and how the rule is kept in the site's fix.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { mergeFixes, withCustomRule, withPrefer } from '@/lib/clean/site-fixes';
import { countRule } from '@/lib/in-page/count-rule';

const PAGE = `<!doctype html><html><head></head><body>
<vietlao-view><div class="share">ours</div></vietlao-view>
<div class="detail-content"><p>Một</p><div class="share">Chia sẻ</div><p>Hai</p><div class="share">Chia sẻ</div></div>
<vietlao-toolbar></vietlao-toolbar></body></html>`;

describe('custom rule: the live count in the tab', () => {
  const doc = new JSDOM(PAGE, { url: 'https://antv.gov.vn/tin-tuc/a-1.html' }).window.document;

  it('counts each selector in the original page, says nothing matched, and an invalid selector as such', () => {
    expect(
      countRule(doc, {
        container: ' .detail-content ',
        remove: ['.share', '', '.box-related', 'div[', 'vietlao-view'],
      }),
    ).toEqual({
      ok: true,
      url: 'https://antv.gov.vn/tin-tuc/a-1.html',
      container: { selector: '.detail-content', count: 1 },
      remove: [
        { selector: '.share', count: 2 }, // not the one in our view
        { selector: '.box-related', count: 0 },
        { selector: 'div[', count: null },
        { selector: 'vietlao-view', count: 0 },
      ],
    });
  });

  it('no container is no count; a malformed query is refused, not thrown', () => {
    expect(countRule(doc, { container: '', remove: [] })).toMatchObject({ ok: true, container: null, remove: [] });
    for (const bad of [null, 'x', { container: 1, remove: [] }, { container: '', remove: [2] }, { container: '' }])
      expect(countRule(doc, bad)).toEqual({ ok: false, code: 'invalid' });
  });
});

describe('custom rule: kept in the site fix', () => {
  it('sets the container and the selectors (blank and repeated lines dropped), keeps the choice of candidate', () => {
    const fix = withCustomRule({ remove: ['.old'], prefer: 'generic' }, ' .detail-body ', ['.a', ' ', '.a', '.b ']);
    expect(fix).toEqual({ remove: ['.a', '.b'], container: '.detail-body', prefer: 'generic' });
    expect(withCustomRule(fix, '', [])).toEqual({ remove: [], prefer: 'generic' });
  });

  it('an import keeps both sides: the file’s candidate choice wins where it has one', () => {
    const merged = mergeFixes(
      { 'antv.gov.vn': { remove: ['.a'], prefer: 'container' }, 'vov.vn': { remove: [], prefer: 'family' } },
      { 'antv.gov.vn': { remove: ['.b'], prefer: 'generic' }, 'vov.vn': { remove: ['.c'] } },
    );
    expect(merged).toEqual({
      'antv.gov.vn': { remove: ['.a', '.b'], prefer: 'generic' },
      'vov.vn': { remove: ['.c'], prefer: 'family' },
    });
    expect(withPrefer(merged['vov.vn'], undefined)).toEqual({ remove: ['.c'] });
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, tryCanonicalizeUrl } from '@/lib/archive/url';

const CASES: [input: string, expected: string][] = [
  ['https://antv.gov.vn/tin/a-1.html', 'https://antv.gov.vn/tin/a-1.html'],
  ['http://antv.gov.vn/tin/a-1.html', 'https://antv.gov.vn/tin/a-1.html'],
  ['https://WWW.AnTV.gov.vn/tin/a-1.html', 'https://antv.gov.vn/tin/a-1.html'],
  ['https://m.baoquocte.vn/bai-viet-123.html', 'https://baoquocte.vn/bai-viet-123.html'],
  ['https://amp.cand.com.vn/bai-123', 'https://cand.com.vn/bai-123'],
  ['https://cand.com.vn/amp/bai-123', 'https://cand.com.vn/bai-123'],
  ['https://cand.com.vn/bai-123/amp/', 'https://cand.com.vn/bai-123'],
  ['https://thoidai.com.vn/bai-123.amp', 'https://thoidai.com.vn/bai-123'],
  ['https://thoidai.com.vn/bai-123.amp.html', 'https://thoidai.com.vn/bai-123.html'],
  ['https://baoquocte.vn/bai-123.html?amp', 'https://baoquocte.vn/bai-123.html'],
  ['https://baoquocte.vn/bai-123.html?amp=1', 'https://baoquocte.vn/bai-123.html'],
  ['https://antv.gov.vn/tin/a-1/', 'https://antv.gov.vn/tin/a-1'],
  ['https://antv.gov.vn/tin/a-1.html#binh-luan', 'https://antv.gov.vn/tin/a-1.html'],
  ['https://antv.gov.vn/a.html?utm_source=fb&utm_medium=social&utm_campaign=x', 'https://antv.gov.vn/a.html'],
  ['https://antv.gov.vn/a.html?fbclid=IwAR123&gclid=abc', 'https://antv.gov.vn/a.html'],
  ['https://antv.gov.vn/a.html?zarsrc=30&zalo_share=1&zalo_x=2', 'https://antv.gov.vn/a.html'],
  ['https://antv.gov.vn/a.html?mc_cid=1&mc_eid=2&ref=home&_ga=2.1', 'https://antv.gov.vn/a.html'],
  ['https://antv.gov.vn/search?q=L%C3%A0o&page=2', 'https://antv.gov.vn/search?page=2&q=L%C3%A0o'],
  ['https://antv.gov.vn/a.html?b=2&utm_source=x&a=1', 'https://antv.gov.vn/a.html?a=1&b=2'],
  ['https://antv.gov.vn:443/a.html', 'https://antv.gov.vn/a.html'],
  ['http://antv.gov.vn:80/a.html', 'https://antv.gov.vn/a.html'],
  ['https://www.antv.gov.vn/', 'https://antv.gov.vn'],
  ['https://antv.gov.vn//tin//a.html', 'https://antv.gov.vn/tin/a.html'],
  ['  https://antv.gov.vn/a.html  ', 'https://antv.gov.vn/a.html'],
  ['https://m.cand.com.vn/amp/bai-1.amp?utm_source=zalo&zarsrc=1#top', 'https://cand.com.vn/bai-1'],
];

describe('canonicalizeUrl', () => {
  it.each(CASES)('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const [input] of CASES) {
      const once = canonicalizeUrl(input);
      expect(canonicalizeUrl(once)).toBe(once);
    }
  });

  it.each(['not a url', 'ftp://antv.gov.vn/a', 'javascript:alert(1)', '/relative/path'])('rejects %s', (input) => {
    expect(() => canonicalizeUrl(input)).toThrow(TypeError);
    expect(tryCanonicalizeUrl(input)).toBeNull();
  });
});

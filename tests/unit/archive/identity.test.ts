import { describe, expect, it } from 'vitest';
import { articleIdentity, registrableDomain, sameSite } from '@/lib/archive/identity';

describe('registrableDomain (the Public Suffix List, private suffixes included)', () => {
  it.each([
    ['antv.gov.vn', 'antv.gov.vn'],
    ['m.antv.gov.vn', 'antv.gov.vn'],
    ['www.thoidai.com.vn', 'thoidai.com.vn'],
    ['special.nhandan.vn', 'nhandan.vn'],
    ['NHANDAN.VN.', 'nhandan.vn'],
    ['vientianetimes.org.la', 'vientianetimes.org.la'],
    ['kpl.gov.la', 'kpl.gov.la'],
    ['a.github.io', 'a.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });

  it('tells sites apart on the same public suffix', () => {
    expect(sameSite('https://antv.gov.vn/a', 'https://m.antv.gov.vn/amp/a')).toBe(true);
    expect(sameSite('https://antv.gov.vn/a', 'https://bocongan.gov.vn/a')).toBe(false);
    expect(sameSite('https://thoidai.com.vn/a', 'https://bienphong.com.vn/a')).toBe(false);
    expect(sameSite('https://a.github.io/x', 'https://b.github.io/x')).toBe(false);
    expect(sameSite('https://antv.gov.vn/a', 'not a url')).toBe(false);
  });
});

describe("articleIdentity: the tab's address, or the page's canonical URL on the same site", () => {
  it.each([
    ['https://antv.gov.vn/tin/a-1.html?utm_source=fb', null, 'https://antv.gov.vn/tin/a-1.html'],
    ['https://m.antv.gov.vn/amp/tin/a-1.html', 'https://antv.gov.vn/tin/a-1.html', 'https://antv.gov.vn/tin/a-1.html'],
    ['https://antv.gov.vn/?id=123', 'https://www.antv.gov.vn/tin/a-123.html', 'https://antv.gov.vn/tin/a-123.html'],
    ['https://antv.gov.vn/tin/a-1.html', 'https://nhandan.vn/bai-da-luu.html', 'https://antv.gov.vn/tin/a-1.html'],
    ['https://antv.gov.vn/tin/a-1.html', 'https://bocongan.gov.vn/a-1.html', 'https://antv.gov.vn/tin/a-1.html'],
    ['https://antv.gov.vn/tin/a-1.html', 'javascript:alert(1)', 'https://antv.gov.vn/tin/a-1.html'],
    [
      'https://antv.gov.vn/tin/a-1.html',
      'https://nhandan.vn@antv.gov.vn.evil.example/',
      'https://antv.gov.vn/tin/a-1.html',
    ],
  ])('tab %s, canonical %s → %s', (tab, claimed, expected) => {
    expect(articleIdentity(tab, claimed)).toBe(expected);
  });

  it('a tab without a web address has no identity', () => {
    expect(() => articleIdentity('chrome-extension://abc/popup.html', 'https://antv.gov.vn/a')).toThrow(TypeError);
    expect(() => articleIdentity('', 'https://antv.gov.vn/a')).toThrow(TypeError);
  });
});

/** The named field checks (lib/archive/fields.ts), each on what it accepts and what it refuses, and why. */
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_LANG,
  inlineHandlerCount,
  langProblem,
  realHost,
  siteProblem,
  validLang,
  validWebUrl,
  webUrlProblem,
} from '@/lib/archive/fields';
import { MAX_URL_LENGTH } from '@/lib/limits';

describe('webUrlProblem', () => {
  it.each([
    'https://antv.gov.vn/tin-tuc/bai.html',
    'http://baoquocte.vn/a?b=c#d',
    'https://nhandan.vn/tim?q=a@b', // @ after the host is no user name
    'https://antv.gov.vn:8443/anh.jpg',
    'https://[2001:db8::1]/bai',
    'HTTPS://ANTV.GOV.VN/',
  ])('accepts %s', (url) => expect(webUrlProblem(url)).toBeNull());

  it.each([
    ['javascript:alert(1)', 'not-web-url'],
    ['data:text/html,x', 'not-web-url'],
    ['mailto:a@b.vn', 'not-web-url'],
    ['file:///etc/passwd', 'not-web-url'],
    ['/tin-tuc/bai.html', 'not-web-url'],
    ['', 'not-web-url'],
    ['https://nhandan.vn@evil.example/', 'userinfo'],
    ['https://user:pass@antv.gov.vn/', 'userinfo'],
    ['https://@evil.example/', 'userinfo'],
    ['https://:@evil.example/', 'userinfo'],
    ['https://nhandan.vn\t@evil.example/', 'control'],
    ['https://antv.gov.vn/\u202Elmth.exe', 'control'],
    [`https://antv.gov.vn/${'a'.repeat(MAX_URL_LENGTH)}`, 'too-long'],
  ])('refuses %s (%s)', (url, code) => expect(webUrlProblem(url)?.code).toBe(code));

  it('says where an address with a user name really goes, in both languages', () => {
    const problem = webUrlProblem('https://nhandan.vn@evil.example/bai.html')!;
    expect(problem.en).toMatch(/opens evil\.example/);
    expect(problem.vi).toMatch(/mở evil\.example/);
  });
});

describe('siteProblem and langProblem', () => {
  it.each(['antv.gov.vn', 'cand.com.vn', 'localhost', 'a-b.c_d.vn', '[::1]'])('site %s is a host', (site) =>
    expect(siteProblem(site)).toBeNull(),
  );
  it.each([
    ['<b>antv</b>', 'html'],
    ['antv.gov.vn"', 'html'],
    ["antv'", 'html'],
    ['a&b', 'html'],
    ['antv\u0000.vn', 'control'],
    ['antv\n.vn', 'control'],
    ['\u2066antv.gov.vn', 'control'],
    ['antv gov vn', 'not-host'],
    ['.antv.gov.vn', 'not-host'],
    ['antv-.vn', 'not-host'],
    ['', 'not-host'],
    [`${'a'.repeat(251)}.vn`, 'not-host'], // 254 characters
  ])('site %j is refused (%s)', (site, code) => expect(siteProblem(site)?.code).toBe(code));

  it.each(['vi', 'en', 'vi-VN', 'zh-Hant-TW', 'vi_vn', ''])('lang %j is a tag', (lang) =>
    expect(langProblem(lang)).toBeNull(),
  );
  it.each([
    ['<script>', 'html'],
    ['vi" onload="x', 'html'],
    ['vi\u0007', 'control'],
    ['tiếng Việt', 'not-lang'],
    ['v'.repeat(36), 'not-lang'],
  ])('lang %j is refused (%s)', (lang, code) => expect(langProblem(lang)?.code).toBe(code));
});

describe('values for the way out', () => {
  it('validWebUrl keeps a valid address and drops any other', () => {
    expect(validWebUrl('https://antv.gov.vn/a.jpg')).toBe('https://antv.gov.vn/a.jpg');
    expect(validWebUrl('javascript:alert(1)')).toBeNull();
    expect(validWebUrl('https://a@evil.example/')).toBeNull();
    expect(validWebUrl(null)).toBeNull();
  });

  it('validLang keeps a tag and falls back otherwise', () => {
    expect(validLang('vi-VN')).toBe('vi-VN');
    expect(validLang('<b>')).toBe(FALLBACK_LANG);
  });

  it('realHost is the host an address really opens', () => {
    expect(realHost('https://nhandan.vn@evil.example/bai.html')).toBe('evil.example');
    expect(realHost('https://nhandan.vn\\@evil.example/bai.html')).toBe('nhandan.vn'); // a backslash is a slash
    expect(realHost('https://antv.gov.vn:8443/')).toBe('antv.gov.vn:8443');
    expect(realHost('javascript:alert(1)')).toBeNull();
    expect(realHost('không phải địa chỉ')).toBeNull();
  });
});

describe('inlineHandlerCount', () => {
  it.each([
    ['<p onclick="x()">a</p>', 1],
    ['<img src=x onerror=alert(1) ONLOAD = "y">', 2],
    ['<p/onmouseover=x>', 1],
    ['<input autofocus onfocus>', 1],
    ['<p>online = 5, on=1, a onclick=b</p>', 0], // in the text, not in a tag
    ['<p title="bonbon=1">x</p>', 0],
    ['<a href="https://x.vn/?onclick=1">x</a>', 0],
  ])('%s holds %i', (html, n) => expect(inlineHandlerCount(html)).toBe(n));

  it('stops counting at stopAt', () => {
    expect(inlineHandlerCount('<p onclick=x>'.repeat(1000), 10)).toBe(10);
  });
});

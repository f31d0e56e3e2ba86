import { describe, expect, it } from 'vitest';
import { autoCleans, normalizeHostInput, originsFor } from '@/lib/settings/sites';

describe('autoCleans', () => {
  const none = { disabled: [], added: [] };
  it('cleans supported news sites and their subdomains by default', () => {
    expect(autoCleans('antv.gov.vn', none)).toBe(true);
    expect(autoCleans('www.thoidai.com.vn', none)).toBe(true);
    expect(autoCleans('huunghivietlao.thoidai.com.vn', none)).toBe(true);
  });
  it('never cleans an unlisted site by itself', () => {
    expect(autoCleans('tin-lao.example', none)).toBe(false);
    expect(autoCleans('notantv.gov.vn', none)).toBe(false);
  });
  it('respects a site turned off, and cleans a site the reader added', () => {
    expect(autoCleans('antv.gov.vn', { disabled: ['antv.gov.vn'], added: [] })).toBe(false);
    expect(autoCleans('tin-lao.example', { disabled: [], added: ['tin-lao.example'] })).toBe(true);
    expect(autoCleans('m.tin-lao.example', { disabled: [], added: ['tin-lao.example'] })).toBe(true);
  });
});

describe('normalizeHostInput', () => {
  it.each([
    ['tin-lao.example', 'tin-lao.example'],
    ['https://www.Tin-Lao.example/a/b?c=1', 'tin-lao.example'],
    ['  laodong.vn ', 'laodong.vn'],
    ['http://sub.example.com:8080/', 'sub.example.com'],
  ])('%j → %s', (input, host) => expect(normalizeHostInput(input)).toBe(host));
  it.each(['', 'not a host', 'localhost', 'javascript:alert(1)', '*.example.com', 'exa mple.com'])(
    '%j is refused',
    (input) => {
      expect(normalizeHostInput(input)).toBeNull();
    },
  );
  it('asks for the host and its subdomains only', () => {
    expect(originsFor('tin-lao.example')).toEqual(['*://tin-lao.example/*', '*://*.tin-lao.example/*']);
  });
});

/**
 * A convention checked by a test (as refined-github checks feature = file = readme entry):
 * one site rule = one file named as its id; the supported hosts are the rules' hosts, nothing
 * written twice; the options page lists exactly them, and so does the README. The built
 * manifests are checked against the same list in tests/security/manifest.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickRule, SITE_RULES } from '@/lib/clean/sites';
import { generic } from '@/lib/clean/sites/generic';
import { isSupportedHost, SUPPORTED_HOSTS } from '@/lib/clean/sites/hosts';
import { supportedList } from '@/lib/options/main';
import { stubI18n } from '../../../support/i18n-stub';

const root = join(import.meta.dirname, '../../../..');
const SITES_DIR = join(root, 'lib/clean/sites');
const NOT_RULES = new Set(['rule.ts', 'index.ts', 'hosts.ts', 'choice.ts']);

describe('site rules and supported hosts', () => {
  beforeAll(() => stubI18n());

  it('every rule file is one rule whose id is its file name, and every rule but the generic one is listed', () => {
    const files = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));
    const ids = [...SITE_RULES.map((r) => r.id), generic.id].sort();
    expect(files.map((f) => f.slice(0, -3)).sort()).toEqual(ids);
  });

  it('the supported hosts are the hosts of the rules, each once, each picking its own rule', () => {
    expect(SUPPORTED_HOSTS).toEqual(SITE_RULES.flatMap((r) => r.hosts));
    expect(new Set(SUPPORTED_HOSTS).size).toBe(SUPPORTED_HOSTS.length);
    for (const rule of SITE_RULES) {
      expect(rule.hosts.length, rule.id).toBeGreaterThan(0);
      for (const host of rule.hosts) expect(pickRule(`https://${host}/x-post1.html`).id).toBe(rule.id);
    }
    expect(generic.hosts).toEqual([]);
  });

  it('matches subdomains, nothing else', () => {
    expect(isSupportedHost('www.vietnamplus.vn')).toBe(true);
    expect(isSupportedHost('nhandan.vn.evil.example')).toBe(false);
  });

  it('the options page lists exactly the supported hosts, one switch each', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const list = supportedList(document, { disabled: ['vov.vn'], added: [] });
    const boxes = [...list.querySelectorAll<HTMLInputElement>('[data-testid="auto-clean"]')];
    expect(boxes.map((b) => b.dataset.host)).toEqual([...SUPPORTED_HOSTS]);
    expect(boxes.filter((b) => !b.checked).map((b) => b.dataset.host)).toEqual(['vov.vn']);
  });

  it("the README's list of outlets cleaned automatically is exactly the supported hosts", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const paragraph = /\*\*Clean reading, in place\.\*\*([\s\S]*?)— the article/.exec(readme)?.[1] ?? '';
    const listed = paragraph.match(/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.vn/g) ?? [];
    expect([...listed].sort()).toEqual([...SUPPORTED_HOSTS].sort());
  });
});

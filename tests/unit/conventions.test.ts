/**
 * Conventions checked by a test, so they cannot drift:
 *  - README's "How it is built" map names every folder and top-level file of lib/ and every
 *    entrypoint, and names nothing that does not exist;
 *  - unit tests mirror lib/: tests/unit/<folder>/<module>.test.ts tests lib/<folder>/<module>.ts
 *    (or a folder of lib/ for tests of a whole folder); no test file sits loose in tests/unit/
 *    except this one;
 *  - tests import lib/ one way (`@/lib/...`), never by relative path;
 *  - the code the benchmark injects into a page's own world (tests/bench/inpage.ts) reaches no
 *    extension API: the polyfill throws there ("This script should only be loaded in a browser
 *    extension") and every bench case that injects it would wait for nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const map = /## How it is built[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('conventions', () => {
  it("README's map names every lib/ folder and top-level file, and every entrypoint", () => {
    expect(map.length).toBeGreaterThan(0);
    for (const name of readdirSync(join(root, 'lib'))) {
      const isDir = statSync(join(root, 'lib', name)).isDirectory();
      expect(map, `lib/${name}`).toContain(isDir ? `lib/${name}/` : `lib/${name}`);
    }
    for (const name of readdirSync(join(root, 'entrypoints'))) {
      const shown = name.endsWith('.ts') ? name : `${name}/`;
      expect(map, `entrypoints/${name}`).toContain(shown);
    }
  });

  it("README's map names nothing that does not exist", () => {
    for (const [path] of map.matchAll(/\blib\/[a-z-]+(?:\/|\.ts)/g))
      expect(existsSync(join(root, path)), path).toBe(true);
  });

  it('unit tests mirror lib/', () => {
    const unit = join(root, 'tests/unit');
    for (const file of files(unit).filter((f) => f.endsWith('.test.ts'))) {
      const rel = relative(unit, file);
      if (rel === 'conventions.test.ts') continue;
      const module = rel.replace(/\.test\.ts$/, '');
      const dir = module.split('/').slice(0, -1).join('/');
      expect(rel.includes('/'), `${rel} sits loose in tests/unit/`).toBe(true);
      expect(existsSync(join(root, 'lib', dir)), `${rel}: no lib/${dir}/`).toBe(true);
    }
  });

  it('tests import lib/ as @/lib/..., never by relative path', () => {
    // a WXT config is loaded by jiti before Vite's aliases exist: it imports lib/ relatively, as wxt.config.ts does
    const configs = (f: string) => f.endsWith('wxt.config.ts');
    for (const file of files(join(root, 'tests')).filter((f) => f.endsWith('.ts') && !configs(f))) {
      const text = readFileSync(file, 'utf8');
      expect(/from '(?:\.\.\/)+lib\//.test(text), relative(root, file)).toBe(false);
    }
  });

  it('the in-page benchmark bundle imports no extension API', () => {
    const seen = new Set<string>();
    const reaches: string[] = [];
    const resolveImport = (from: string, spec: string): string | null => {
      const base = spec.startsWith('@/')
        ? join(root, spec.slice(2))
        : spec.startsWith('.')
          ? resolve(dirname(from), spec)
          : null;
      if (!base) return null;
      return [base, `${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
    };
    const visit = (file: string, path: string[]): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text
        .matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)
        .map((m) => [m[0], m[1] ?? m[2]!] as const)) {
        if (
          spec === 'wxt/browser' ||
          spec === 'webextension-polyfill' ||
          spec === '@/lib/i18n' ||
          spec === '@/lib/messaging'
        )
          reaches.push([...path, relative(root, file), spec].join(' → '));
        const next = resolveImport(file, spec);
        if (next) visit(next, [...path, relative(root, file)]);
      }
    };
    visit(join(root, 'tests/bench/inpage.ts'), []);
    expect(seen.size).toBeGreaterThan(10);
    expect(reaches).toEqual([]);
  });
});

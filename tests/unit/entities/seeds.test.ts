/**
 * Per-seed expectations: for each article slice (tests/fixtures/entity-seeds/<NNN>-<slug>.txt, copied from the shared
 * seeds), the cooperation entities written out by hand (<id>.json: surface, canonicalId, type,
 * count). findMentions must find exactly those: precision and recall 1.0. Anything extra or
 * missing is printed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findMentions } from '@/lib/entities';

interface Expected {
  surface: string;
  canonicalId: string;
  type: string;
  count: number;
}

const DIR = join(import.meta.dirname, '../../fixtures/entity-seeds');
const seeds = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

const key = (surface: string, id: string, type: string): string => `${surface.normalize('NFC')}\t${id}\t${type}`;

describe('seed articles', () => {
  test('all five seeds have expectations', () => {
    expect(seeds).toHaveLength(5);
  });

  test.each(seeds)('%s: precision and recall 1.0', (seed) => {
    const text = readFileSync(join(DIR, `${seed}.txt`), 'utf8');
    const expected: Expected[] = JSON.parse(readFileSync(join(DIR, `${seed}.json`), 'utf8'));
    const want = new Map(expected.map((e) => [key(e.surface, e.canonicalId, e.type), e.count]));
    const got = new Map<string, number>();
    for (const m of findMentions(text)) {
      const k = key(m.surface, m.entityId, m.type);
      got.set(k, (got.get(k) ?? 0) + 1);
    }
    let truePositives = 0;
    const extra: string[] = [];
    const missing: string[] = [];
    for (const [k, n] of got) {
      const w = want.get(k) ?? 0;
      truePositives += Math.min(n, w);
      if (n > w) extra.push(`${k}\t×${n - w}`);
    }
    for (const [k, w] of want) {
      const n = got.get(k) ?? 0;
      if (w > n) missing.push(`${k}\t×${w - n}`);
    }
    const found = [...got.values()].reduce((a, b) => a + b, 0);
    const total = [...want.values()].reduce((a, b) => a + b, 0);
    if (extra.length) console.log(`${seed} extra:\n  ${extra.join('\n  ')}`);
    if (missing.length) console.log(`${seed} missing:\n  ${missing.join('\n  ')}`);
    expect({ precision: truePositives / found, recall: truePositives / total }).toEqual({ precision: 1, recall: 1 });
  });
});

/**
 * Issue 13's leave-out measure of linking by pronunciation (tests/support/leave-out.ts): every
 * alias is dropped, only canonical names stay; each dropped spelling of a PERSON or PLACE is
 * matched in a sentence through findMentions. Goal: ≥ 80 % link to their entity, < 2 % to a wrong
 * one. Figures are printed for the tuned half (whose spellings the rules were written from) and
 * the held-out half (never looked at while tuning); the goal is enforced on both together.
 * ORG and EVENT aliases (abbreviations, short forms: not a matter of pronunciation) are printed only.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readGazetteer } from '@/lib/entities/build/load';
import { halfOf, leaveOutTrials, percent, tally, type Tally, type Trial } from '../../support/leave-out';

const DIR = join(import.meta.dirname, '../../../assets/gazetteer');

const line = (label: string, t: Tally): string =>
  `${label.padEnd(26)} ${String(t.n).padStart(4)} spellings: right ${percent(t.right, t.n)}, wrong ${percent(t.wrong, t.n)} ` +
  `(${t.wrongBySound} by sound), part of a compound elsewhere ${percent(t.part, t.n)}, none ${percent(t.none, t.n)}`;

describe('leave-out: spellings the gazetteer has never seen', () => {
  const trials = leaveOutTrials(readGazetteer(DIR));
  const names = (x: Trial) => x.type === 'PERSON' || x.type === 'PLACE';

  test('the split is by id, fixed, and about half and half', () => {
    expect(halfOf('person.kaysone-phomvihane')).toBe('tuned');
    const halves = trials.filter(names).map((x) => x.half);
    const tuned = halves.filter((h) => h === 'tuned').length;
    expect(tuned / halves.length).toBeGreaterThan(0.35);
    expect(tuned / halves.length).toBeLessThan(0.65);
  });

  test('≥ 80 % of dropped PERSON and PLACE spellings link to their entity, < 2 % to a wrong one', () => {
    const all = tally(trials.filter(names));
    console.log(
      [
        line('PERSON+PLACE tuned', tally(trials.filter((x) => names(x) && x.half === 'tuned'))),
        line('PERSON+PLACE held-out', tally(trials.filter((x) => names(x) && x.half === 'held-out'))),
        line('PERSON+PLACE all', all),
        line('ORG+EVENT all (not a goal)', tally(trials.filter((x) => !names(x)))),
      ].join('\n'),
    );
    expect(all.n).toBeGreaterThan(300);
    expect(all.right / all.n).toBeGreaterThanOrEqual(0.8);
    expect(all.wrong / all.n).toBeLessThan(0.02);
  });

  test('over 100 dropped spellings link by sound, not through a listed spelling they contain', () => {
    const bySound = trials.filter((x) => x.outcome === 'right' && x.via === 'sound');
    expect(bySound.length).toBeGreaterThan(100);
  });
});

/**
 * `npm run eval:entities`: the recogniser on the hand-annotated evaluation set
 * (tests/fixtures/entities-eval; conventions in its README). Prints P/R/F1 (exact spans, and
 * overlapping spans), by type, listed vs unlisted, link accuracy, per split, and the leave-out
 * run, and the leave-out of aliases (issue 13.2, tests/support/leave-out.ts). `--errors` also lists
 * every missed and spurious mention, and the leave-out spellings not linked (dev texts and the
 * tuned half only: heldout texts and the held-out half are for measuring, never for tuning).
 */
import { evaluate, readRows, TYPES, type Prf, type Scores } from './score';
import { inScope, leaveOutReport, leaveOutTrials } from '../support/leave-out';

const pct = (x: number) => x.toFixed(3);
const line = (label: string, s: Prf, withP = true) =>
  `  ${label.padEnd(22)} ${withP ? `P ${pct(s.p)} (${s.tp}/${s.found})  ` : ''}R ${pct(s.r)} (${s.tp}/${s.gold})${withP ? `  F1 ${pct(s.f1)}` : ''}`;

function report(title: string, s: Scores): void {
  console.log(`\n${title} — ${s.texts} texts, ${s.exact.gold} gold mentions, ${s.exact.found} found`);
  console.log(line('exact span', s.exact));
  console.log(line('overlapping span', s.partial));
  for (const t of TYPES) console.log(line(t, s.byType[t]));
  console.log(line('gold listed (R)', s.listedRecall, false));
  console.log(line('gold unlisted (R)', s.unlistedRecall, false));
  console.log(
    `  ${'found listed (P)'.padEnd(22)} P ${pct(s.listedPrecision.p)} (${s.listedPrecision.tp}/${s.listedPrecision.found})`,
  );
  console.log(
    `  ${'found unlisted (P)'.padEnd(22)} P ${pct(s.unlistedPrecision.p)} (${s.unlistedPrecision.tp}/${s.unlistedPrecision.found})`,
  );
  console.log(`  ${'link accuracy'.padEnd(22)} ${pct(s.link.accuracy)} (${s.link.right}/${s.link.of})`);
}

const e = evaluate();
report('All texts', e.overall);
report('dev', e.bySplit.dev);
report('heldout', e.bySplit.heldout);
console.log(`\nLeave-out — ${e.leaveOut.dropped.length} entities first seen in this set removed from the gazetteer`);
console.log(line('exact span (R)', e.leaveOut.recall, false));
console.log(line('overlapping span (R)', e.leaveOut.partialRecall, false));
console.log(line('dev (R)', e.leaveOutBySplit.dev, false));
console.log(line('heldout (R)', e.leaveOutBySplit.heldout, false));

// Issue 13.2: spellings the gazetteer has never seen (tests/support/leave-out.ts says what is in scope).
const trials = leaveOutTrials(readRows());
console.log(
  `\nLeave-out of aliases — every alias dropped, only canonical names kept; ${trials.length} dropped spellings, ` +
    `each matched in a sentence. Goal: ≥ 80 % right, < 2 % wrong. In scope: PERSON and PLACE spellings that ` +
    `write the same name another way (not acronyms, short forms, descriptive or other names; ORG and EVENT aside)`,
);
for (const l of leaveOutReport(trials)) console.log(l);

if (process.argv.includes('--errors')) {
  console.log('\nLeave-out of aliases, tuned half: in-scope spellings not linked to their entity');
  for (const x of trials.filter((x) => x.half === 'tuned' && inScope(x) && x.outcome !== 'right'))
    console.log(
      `  ${x.outcome.padEnd(5)} ${x.scope.padEnd(20)} ${x.spelling}  (${x.id}${x.got.length ? `; got ${x.got.join(', ')}` : ''})`,
    );
}

if (process.argv.includes('--errors')) {
  for (const r of e.results.filter((r) => r.text.split === 'dev')) {
    const bad = r.exact.filter((p) => p.gold.entityId !== null && p.found.entityId !== p.gold.entityId);
    if (!r.missed.length && !r.spurious.length && !bad.length) continue;
    console.log(`\n${r.text.name}`);
    for (const g of r.missed) console.log(`  missed   ${g.type.padEnd(6)} ${g.surface}  (${g.entityId ?? 'unlisted'})`);
    for (const f of r.spurious) console.log(`  spurious ${f.type.padEnd(6)} ${f.surface}  (${f.entityId})`);
    for (const p of bad) console.log(`  link     ${p.gold.surface}: ${p.found.entityId}, gold ${p.gold.entityId}`);
  }
}

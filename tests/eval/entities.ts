/**
 * `npm run eval:entities`: the recogniser on the hand-annotated evaluation set
 * (tests/fixtures/entities-eval; conventions in its README). Prints P/R/F1 (exact spans, and
 * overlapping spans), by type, listed vs unlisted, link accuracy, per split, and the leave-out
 * run. `--errors` also lists every missed and spurious mention (dev texts only: heldout texts
 * are for measuring, never for tuning).
 */
import { evaluate, TYPES, type Prf, type Scores } from './score';

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

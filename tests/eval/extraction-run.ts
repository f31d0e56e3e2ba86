/**
 * `npm run eval:extraction [-- --json] [--worst N] [--split tune|heldout|all] [--corpus DIR]`:
 * the pipeline and bare Readability side by side on the scrapinghub pages (tests/eval/extraction.ts).
 * Prints a table per split (benchmark F1, P, R, mean token F1, empties, ms per page), the pages the
 * pipeline left empty where Readability extracts, and with --worst N the N pages where the
 * pipeline trails Readability most (shingle F1 per page) in the chosen split (default tune).
 * --json prints the summary as JSON instead (per-page figures left out).
 */
import {
  CORPUS_DIR,
  EXTRACTORS,
  evaluate,
  loadCorpus,
  type Evaluation,
  type PageResult,
  type Split,
} from './extraction';

interface Args {
  json: boolean;
  worst: number;
  split: Split | 'all';
  corpus: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, worst: 0, split: 'tune', corpus: CORPUS_DIR };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--worst') args.worst = Number(argv[++i] ?? 10);
    else if (a === '--split') args.split = (argv[++i] ?? 'tune') as Args['split'];
    else if (a === '--corpus') args.corpus = argv[++i] ?? CORPUS_DIR;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const f3 = (x: number) => x.toFixed(3);

function table(e: Evaluation): string {
  const lines = ['split     extractor     pages  F1     P      R      tokenF1  empty  ms/page'];
  for (const split of ['tune', 'heldout', 'all'] as const) {
    for (const name of EXTRACTORS) {
      const f = e.splits[split][name];
      lines.push(
        [
          split.padEnd(9),
          name.padEnd(13),
          String(f.pages).padStart(5),
          f3(f.f1).padEnd(6),
          f3(f.precision).padEnd(6),
          f3(f.recall).padEnd(6),
          f3(f.tokenF1).padEnd(8),
          String(f.empties.length).padStart(5),
          f.msPerPage.toFixed(1).padStart(8),
        ].join(' '),
      );
    }
  }
  return lines.join('\n');
}

const pageF1 = (r: PageResult) => (r.tp === 0 ? 0 : (2 * r.tp) / (2 * r.tp + r.fp + r.fn));

function worst(e: Evaluation, n: number, split: Args['split']): string {
  const readability = new Map(e.pages.readability.map((r) => [r.id, r]));
  return e.pages.pipeline
    .filter((r) => split === 'all' || r.split === split)
    .map((r) => ({ r, b: readability.get(r.id)!, gap: pageF1(readability.get(r.id)!) - pageF1(r) }))
    .sort((x, y) => y.gap - x.gap)
    .slice(0, n)
    .map(
      ({ r, b }) =>
        `${r.id.slice(0, 12)} ours F1 ${f3(pageF1(r))} P ${f3(r.precision ?? 0)} R ${f3(r.recall ?? 0)} | Readability F1 ${f3(pageF1(b))} P ${f3(b.precision ?? 0)} R ${f3(b.recall ?? 0)} ${r.reason ? `(${r.reason}) ` : ''}${r.url}`,
    )
    .join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const e = evaluate(loadCorpus(args.corpus), args.corpus);
  if (args.json) {
    const { pages: _pages, ...summary } = e;
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return;
  }
  process.stdout.write(`Extraction on ${e.corpus} (benchmark metric: F1 of mean 4-shingle P and R)\n\n`);
  process.stdout.write(table(e) + '\n\n');
  const empty = e.emptyWhereReadabilityExtracts;
  process.stdout.write(`Pipeline empty where Readability extracts: ${empty.length}\n`);
  for (const p of empty) process.stdout.write(`  ${p.id.slice(0, 12)} ${p.reason}  ${p.url}\n`);
  if (args.worst > 0)
    process.stdout.write(`\nWorst ${args.worst} (${args.split}):\n${worst(e, args.worst, args.split)}\n`);
}

main();

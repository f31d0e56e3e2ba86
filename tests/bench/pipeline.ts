/**
 * Case 1, the cleaning pipeline: our cleanDocument(document, url) on the live document of each
 * fixture page and of a synthetic 5,000-word article (a fixture's own template, grown), against
 * bare `new Readability(document.cloneNode(true)).parse()` and `document.cloneNode(true)` alone.
 * Entities are not attached here (the content script does; case 2 measures the matcher).
 */
import type { BrowserContext } from 'playwright-core';
import { call, openWithBench } from './inject';
import { figure, ratioRow, type Row } from './report';
import type { SampleOptions } from './stats';

export const PIPELINE_GOAL = 1.25;

export interface PipelinePage {
  name: string;
  url: string;
}

export async function benchPipeline(
  context: BrowserContext,
  extensionDir: string,
  pages: readonly PipelinePage[],
  options: SampleOptions,
): Promise<{ rows: Row[]; raw: unknown[] }> {
  const rows: Row[] = [];
  const raw: unknown[] = [];
  for (const p of pages) {
    const page = await openWithBench(context, extensionDir, p.url);
    const r = await call(page, 'pipeline', options);
    await page.close();
    const ours = figure('cleanDocument', r.samples.ours!);
    const readability = figure('Readability', r.samples.readability!);
    const clone = figure('cloneNode', r.samples.clone!);
    const words = `${r.pageWords} words on the page`;
    if (r.isArticle) {
      rows.push(
        ratioRow(
          '1 pipeline',
          `${p.name}: ours vs bare Readability`,
          ours,
          readability,
          { max: PIPELINE_GOAL, goal: `≤ ${PIPELINE_GOAL}×` },
          words,
        ),
      );
    } else {
      rows.push(
        ratioRow(
          '1 pipeline',
          `${p.name}: ours vs bare Readability`,
          ours,
          readability,
          undefined,
          `not an article: ours stops early; ${words}`,
        ),
      );
    }
    rows.push(
      ratioRow('1 pipeline', `${p.name}: document.cloneNode(true) (the floor) vs Readability`, clone, readability),
    );
    raw.push({
      page: p.name,
      url: p.url,
      isArticle: r.isArticle,
      textChars: r.textChars,
      wordCount: r.wordCount,
      readabilityChars: r.readabilityChars,
      pageWords: r.pageWords,
      comparablePassMs: r.comparablePassMs,
      ours: ours.summary,
      readability: readability.summary,
      clone: clone.summary,
      samples: r.samples,
    });
  }
  return { rows, raw };
}

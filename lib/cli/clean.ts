/**
 * `npm run clean -- <file.html>… [--url URL]`: the same lib/ pipeline, in Node.
 * Prints one JSON object per page, one per line. Unreadable or non-HTML files: a message on
 * stderr, the others still processed, exit code 1 at the end.
 *
 * DOMPurify runs on a jsdom window: on a linkedom window it silently returns its input unsanitised.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { loadGazetteer } from '@/lib/entities/build/load';
import { createMatcher } from '@/lib/entities/matcher';
import { cleanHtml, type EntitiesOf } from './clean-html';

/** Outside Vite there is no build-time gazetteer module: compile assets/gazetteer once here. */
function entityRecognizer(): EntitiesOf {
  const compiled = loadGazetteer(join(import.meta.dirname, '../../assets/gazetteer'));
  const matcher = createMatcher(compiled.data, compiled.details, compiled.phonetic);
  return (text) => matcher.groupEntities(matcher.findMentions(text));
}

interface Args {
  files: string[];
  url: string | null;
}

function parseArgs(argv: string[]): Args {
  const files: string[] = [];
  let url: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i] ?? null;
    else if (a.startsWith('--url=')) url = a.slice(6);
    else files.push(a);
  }
  return { files, url };
}

function looksLikeHtml(source: string): boolean {
  return /<(?:!doctype\s+html|html|head|body|p|div|article)[\s>]/i.test(source.slice(0, 20_000));
}

async function main(): Promise<number> {
  const { files, url } = parseArgs(process.argv.slice(2));
  if (files.length === 0) {
    process.stderr.write('usage: npm run clean -- <file.html>… [--url URL]\n');
    return 2;
  }
  let failed = 0;
  const entities = entityRecognizer();
  for (const file of files) {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
      failed++;
      continue;
    }
    if (!looksLikeHtml(source)) {
      process.stderr.write(`${file}: not an HTML page\n`);
      failed++;
      continue;
    }
    const pageUrl =
      url ?? source.match(/<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)/i)?.[1] ?? pathToFileURL(file).href;
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://vietlao-reader.invalid/' });
    try {
      const result = cleanHtml(source, pageUrl, dom.window as unknown as Window, entities);
      process.stdout.write(JSON.stringify({ file: basename(file), ...result }) + '\n');
    } catch (error) {
      process.stderr.write(`${file}: cleaning failed: ${(error as Error).message}\n`);
      failed++;
    } finally {
      dom.window.close();
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));

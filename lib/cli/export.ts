/**
 * `npm run export -- <archive.json> --format csv|mentions-csv|md|csl|ris [--out DIR]`: the popup's
 * analysts' exports (lib/export-formats/) on an archive file exported by VietLao Reader, for
 * scripts and for colleagues who were sent a file. The file is checked by the import's own
 * validation (lib/archive/import-validation.ts), so what the CLI accepts is what the extension
 * would import. Writes DIR/<file name>-<format suffix> (DIR defaults to the current folder) and
 * prints its path. Exit codes: 0 written, 1 the archive file is missing, unreadable, not JSON or
 * not a VietLao Reader archive, 2 wrong arguments, 3 the output could not be written.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { importErrorFrom, parseError } from '@/lib/archive/import-error';
import { Invalid, readArchiveFile } from '@/lib/archive/import-validation';
import type { ArchiveFile } from '@/lib/archive/file-format';
import { exportArticlesAs, FORMAT_IDS, formatById, type ExportFormat } from '@/lib/export-formats';

export const EXIT = { ok: 0, badFile: 1, usage: 2, cannotWrite: 3 } as const;

const USAGE = `usage: npm run export -- <archive.json> --format ${FORMAT_IDS.join('|')} [--out DIR]

Writes the articles of a VietLao Reader archive file (exported from the popup) as:
  csv           articles, one row each (UTF-8 with BOM, RFC 4180, ISO 8601 dates)
  mentions-csv  one row per mention of an entity (article, entity, spelling, offsets)
  md            a zip of Markdown notes with YAML front matter (Obsidian)
  csl           CSL-JSON article-newspaper items (Zotero, Mendeley, Pandoc)
  ris           RIS NEWS records (Zotero, EndNote, Mendeley)
into DIR (default: the current folder) and prints the path written.
Exit codes: 0 written; 1 bad or foreign archive file; 2 wrong arguments; 3 cannot write.
`;

interface Args {
  file?: string;
  format?: string;
  out: string;
  help: boolean;
  problems: string[];
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { out: '.', help: false, problems: [] };
  const value = (i: number, name: string): string | undefined => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) args.problems.push(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--format' || a === '-f') args.format = value(++i, '--format');
    else if (a.startsWith('--format=')) args.format = a.slice('--format='.length);
    else if (a === '--out' || a === '-o') args.out = value(++i, '--out') ?? '.';
    else if (a.startsWith('--out=')) args.out = a.slice('--out='.length);
    else if (a.startsWith('-')) args.problems.push(`unknown option ${a}`);
    else if (args.file === undefined) args.file = a;
    else args.problems.push(`one archive file at a time (also got ${a})`);
  }
  return args;
}

/** The archive file read and validated, or the reason it cannot be used. */
async function readArchive(file: string): Promise<ArchiveFile | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a folder' : `cannot read: ${e.message}`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const e = parseError(text, error);
    return e.code === 'truncated'
      ? 'the file ends too early (cut short): export the archive again'
      : `not a VietLao Reader archive: ${text.trim() === '' ? 'the file is empty' : 'not JSON'}`;
  }
  try {
    return readArchiveFile(data);
  } catch (error) {
    if (error instanceof Invalid)
      return importErrorFrom(error)
        .message.replace(/ Nothing was imported\.$/, '')
        .replace(/ Update the extension, then import again\.$/, ' Update VietLao Reader.');
    throw error;
  }
}

async function writeBlob(blob: Blob, path: string): Promise<void> {
  await pipeline(Readable.fromWeb(blob.stream() as WebReadableStream<Uint8Array>), createWriteStream(path));
}

export function outputName(file: string, format: ExportFormat): string {
  const stem = basename(file, extname(file)) || 'archive';
  return `${stem}-${format.suffix}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  const format = args.format === undefined ? undefined : formatById(args.format);
  if (args.file === undefined) args.problems.push('no archive file given');
  if (args.format === undefined) args.problems.push(`--format is required (${FORMAT_IDS.join(', ')})`);
  else if (!format) args.problems.push(`unknown format "${args.format}" (${FORMAT_IDS.join(', ')})`);
  if (args.problems.length > 0 || !format || args.file === undefined) {
    process.stderr.write(`${args.problems.map((p) => `error: ${p}`).join('\n')}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const archive = await readArchive(args.file);
  if (typeof archive === 'string') {
    process.stderr.write(`${args.file}: ${archive}\n`);
    return EXIT.badFile;
  }
  const path = join(resolve(args.out), outputName(args.file, format));
  try {
    await mkdir(resolve(args.out), { recursive: true });
    await writeBlob(await exportArticlesAs(archive.articles, format), path);
  } catch (error) {
    process.stderr.write(`${path}: cannot write: ${(error as Error).message}\n`);
    return EXIT.cannotWrite;
  }
  process.stdout.write(`${path}\n`);
  process.stderr.write(`${archive.articles.length} articles written as ${format.id}\n`);
  return EXIT.ok;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename))
  void main(process.argv.slice(2)).then((code) => process.exit(code));

/** `npm run export` in a real Node process on archive files: what it writes, exit codes and errors. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveFile } from '@/lib/archive/file-format';
import { exportDatabaseAs, formatById } from '@/lib/export-formats';
import { knownArchive, type KnownArchive } from '../export-formats/known-archive';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'lib/cli/export.ts', ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let archivePath: string;
let file: ArchiveFile;
let known: KnownArchive;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vietlao-export-cli-'));
  known = await knownArchive();
  file = known.file;
  archivePath = write('kho.json', JSON.stringify(file));
});

// each case starts the CLI in its own Node process (tsx): slow on a loaded 2-core machine
describe('npm run export', { timeout: 90_000 }, () => {
  it('writes each format into --out and prints the path', async () => {
    const out = join(dir, 'ra');
    const csv = await cli([archivePath, '--format', 'csv', '--out', out]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim()).toBe(join(out, 'kho-articles.csv'));
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'kho-articles.csv'), 'utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.id).sort()).toEqual(file.articles.map((a) => a.id).sort());

    const md = await cli([archivePath, '--format=md', `--out=${out}`]);
    expect(md.code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(join(out, 'kho-markdown.zip'))))).toHaveLength(file.articles.length);

    for (const [format, name] of [
      ['mentions-csv', 'kho-mentions.csv'],
      ['csl', 'kho-citations.csl.json'],
      ['ris', 'kho-citations.ris'],
    ] as const) {
      const r = await cli([archivePath, '--format', format, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(out, name), 'utf8').length).toBeGreaterThan(100);
    }
    const csl = JSON.parse(readFileSync(join(out, 'kho-citations.csl.json'), 'utf8')) as { type: string }[];
    expect(csl.map((i) => i.type)).toEqual(file.articles.map(() => 'article-newspaper'));
  });

  it('writes the same bytes as the popup’s export of the archive the file came from', async () => {
    const out = join(dir, 'giong');
    for (const [format, name] of [
      ['csv', 'kho-articles.csv'],
      ['mentions-csv', 'kho-mentions.csv'],
      ['csl', 'kho-citations.csl.json'],
      ['ris', 'kho-citations.ris'],
    ] as const) {
      expect((await cli([archivePath, '--format', format, '--out', out])).code).toBe(0);
      const popup = Buffer.from(await (await exportDatabaseAs(known.db, formatById(format)!)).arrayBuffer());
      expect(readFileSync(join(out, name)).equals(popup), format).toBe(true);
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: npm run export -- <archive\.json> --format csv\|mentions-csv\|md\|csl\|ris/);
  });

  it('wrong arguments: exit 2 with the reason and the usage', async () => {
    for (const [args, reason] of [
      [[], /no archive file given/],
      [[archivePath], /--format is required/],
      [[archivePath, '--format', 'xlsx'], /unknown format "xlsx"/],
      [[archivePath, '--format'], /--format needs a value/],
      [[archivePath, '--format', 'csv', '--colour'], /unknown option --colour/],
    ] as const) {
      const r = await cli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).toMatch(/usage:/);
    }
  });

  it('a missing, empty, non-JSON, cut-short or foreign file: exit 1 naming the file and the problem', async () => {
    const cases: [string, RegExp][] = [
      [join(dir, 'khong-co.json'), /no such file/],
      [write('rong.json', ''), /the file is empty/],
      [write('bang.csv', 'id,title\n1,Lào\n'), /not JSON/],
      [write('cut.json', JSON.stringify(file).slice(0, 500)), /ends too early/],
      [write('wallabag.json', JSON.stringify([{ url: 'https://a.vn/', title: 'x' }])), /not a VietLao Reader archive/],
      [
        write('future.json', JSON.stringify({ ...file, schemaVersion: 99 })),
        /made by a newer VietLao Reader \(format version 99/,
      ],
      [
        write(
          'bad-url.json',
          JSON.stringify({ ...file, articles: [{ ...file.articles[0], url: 'javascript:alert(1)' }] }),
        ),
        /Article at index 0: field "url"/,
      ],
    ];
    for (const [path, reason] of cases) {
      const r = await cli([path, '--format', 'csv', '--out', join(dir, 'never')]);
      expect(r.code, path).toBe(1);
      expect(r.stderr).toContain(path);
      expect(r.stderr).toMatch(reason);
      expect(r.stdout).toBe('');
    }
  });

  it('an output folder that cannot be made: exit 3', async () => {
    const blocker = write('tep-thuong', 'not a folder');
    const r = await cli([archivePath, '--format', 'ris', '--out', join(blocker, 'sub')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write/);
  });
});

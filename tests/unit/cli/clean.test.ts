/** `npm run clean` in a real Node process: output shape, sanitised HTML, clear errors. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const input = (name: string) => join(import.meta.dirname, '../../fixtures/cli-inputs', name);
const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/pages', name, 'source.html');

async function clean(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'lib/cli/clean.ts', ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// each test starts the CLI in its own Node process (tsx): on a loaded 2-core machine that alone can take 20 s
describe('npm run clean', { timeout: 90_000 }, () => {
  it('prints one JSON object per page with the article fields', async () => {
    const { code, stdout } = await clean([
      fixture('antv--hop-tac-cong-an'),
      fixture('thoidai--hop-tac-quoc-phong-bunpimay'),
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const key of [
      'title',
      'url',
      'site',
      'lead',
      'byline',
      'publishedAt',
      'text',
      'contentHtml',
      'wordCount',
      'isArticle',
      'entities',
    ]) {
      expect(lines[0]).toHaveProperty(key);
    }
    expect(lines[0]!.site).toBe('antv.gov.vn');
    expect(lines[1]!.site).toBe('thoidai.com.vn');
  });

  it('leaves no script, event handler or javascript: URL in its output', async () => {
    const { code, stdout } = await clean([input('hostile.html')]);
    expect(code).toBe(0);
    const page = JSON.parse(stdout) as { isArticle: boolean; contentHtml: string; text: string };
    expect(page.isArticle).toBe(true);
    expect(page.text).toContain('tuần tra song phương');
    expect(page.contentHtml).not.toMatch(
      /<script|<iframe|<svg|<form|<style|srcdoc|\son[a-z]+\s*=|javascript:|formaction/i,
    );
  });

  it('reports unreadable and non-HTML files on stderr, still processes the others, exits non-zero', async () => {
    const { code, stdout, stderr } = await clean([
      input('missing.html'),
      input('notes.txt'),
      fixture('antv--hop-tac-cong-an'),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/missing\.html: cannot read/);
    expect(stderr).toMatch(/notes\.txt: not an HTML page/);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('uses --url when given', async () => {
    const { stdout } = await clean([
      input('hostile.html'),
      '--url',
      'https://antv.gov.vn/tin-tuc/chinh-tri/khac-500002.html',
    ]);
    expect((JSON.parse(stdout) as { url: string }).url).toBe('https://antv.gov.vn/tin-tuc/chinh-tri/khac-500002.html');
  });
});

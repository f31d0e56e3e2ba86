/**
 * The built extension for tests that read it (tests/security/*.test.ts): `ensureBuilt(browser)`
 * runs `wxt build` when .output/<target>/manifest.json is missing or older than any build input
 * (lib, entrypoints, assets, public, wxt.config.ts, package.json), one build at a time across the
 * test files running in parallel (a lock directory in the system's temp folder).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export type Target = 'chrome' | 'firefox';
export const OUTPUT: Record<Target, string> = {
  chrome: join(ROOT, '.output/chrome-mv3'),
  firefox: join(ROOT, '.output/firefox-mv2'),
};
const INPUTS = ['lib', 'entrypoints', 'assets', 'public', 'wxt.config.ts', 'package.json'];
const NOT_INPUTS = new Set([join(ROOT, 'assets/screenshots')]); // written by the e2e runs

function newest(path: string): number {
  if (NOT_INPUTS.has(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock<T>(name: string, run: () => T): T {
  const lock = join(tmpdir(), `vietlao-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}-${name}`);
  for (const deadline = Date.now() + 300_000; ; pause(250)) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      const abandoned = Date.now() - since > 300_000 || Date.now() > deadline; // left by a killed run
      if (abandoned) rmSync(lock, { recursive: true, force: true });
    }
  }
  try {
    return run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Build `target` unless its output is newer than every build input; returns the output folder. */
export function ensureBuilt(target: Target): string {
  const manifest = join(OUTPUT[target], 'manifest.json');
  const fresh = () =>
    existsSync(manifest) && statSync(manifest).mtimeMs >= Math.max(...INPUTS.map((f) => newest(join(ROOT, f))));
  withLock(target, () => {
    if (fresh()) return;
    execFileSync('npx', ['wxt', 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  });
  return OUTPUT[target];
}

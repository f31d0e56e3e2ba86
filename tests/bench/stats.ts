/**
 * Sampling and statistics, shared by the browser-side bench code (bundled into the bench build)
 * and the Node runner. No Node or DOM imports.
 *
 * `compare` runs the variants of a case side by side: every round runs each variant once, in a
 * rotating order, so a burst of load on the machine hits all of them alike and the ratios stay
 * honest even when the absolute figures move. Rounds go on until every variant has `minRuns`
 * samples AND `minTimeMs` has passed (or `maxRuns` / `maxTimeMs` stop it).
 */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  /** Interquartile range / median: how stable the median is (lower is better). */
  spread: number;
}

export interface Variant {
  /** Runs untimed before every timed run (undo the previous run's DOM changes…). */
  reset?: () => unknown | Promise<unknown>;
  run: () => unknown | Promise<unknown>;
  /**
   * Runs per timed sample (the sample is their mean). For operations near the page's timer
   * resolution (100 µs without cross-origin isolation); only for runs that need no reset.
   */
  repeat?: number;
}

export interface SampleOptions {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  minTimeMs?: number;
  maxTimeMs?: number;
}

export const DEFAULTS: Required<SampleOptions> = {
  warmup: 5,
  minRuns: 30,
  maxRuns: 400,
  minTimeMs: 1500,
  maxTimeMs: 12_000,
};

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const median = quantile(s, 0.5);
  return {
    n: s.length,
    median,
    p95: quantile(s, 0.95),
    min: s[0] ?? NaN,
    max: s[s.length - 1] ?? NaN,
    spread: median > 0 ? (quantile(s, 0.75) - quantile(s, 0.25)) / median : 0,
  };
}

/** Side-by-side samples (ms) of every variant. */
export async function compare(
  variants: Record<string, Variant>,
  options: SampleOptions = {},
): Promise<Record<string, number[]>> {
  const o = { ...DEFAULTS, ...options };
  const names = Object.keys(variants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const once = async (name: string): Promise<number> => {
    const v = variants[name]!;
    let step = 'reset';
    try {
      if (v.reset) await v.reset();
      step = 'run';
      const repeat = v.repeat ?? 1;
      const t0 = performance.now();
      for (let r = 0; r < repeat; r++) {
        const out = v.run();
        if (out instanceof Promise) await out;
      }
      return (performance.now() - t0) / repeat;
    } catch (error) {
      // The variant and step in the message: the bench build is minified, its stacks say little.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new Error(`${name} (${step}) failed: ${detail}`, { cause: error });
    }
  };
  for (let w = 0; w < o.warmup; w++) for (const name of names) await once(name);
  const start = performance.now();
  for (let round = 0; ; round++) {
    const elapsed = performance.now() - start;
    const n = round;
    if (n >= o.maxRuns || (n >= o.minRuns && elapsed >= o.minTimeMs) || (elapsed >= o.maxTimeMs && n >= 5)) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      samples[name]!.push(await once(name));
    }
  }
  return samples;
}

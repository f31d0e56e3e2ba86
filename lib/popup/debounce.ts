/** Debounce: run `fn` once input has been quiet for `waitMs`; `flush` runs a pending call now. */

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
  flush(): void;
  readonly pending: boolean;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: A | null = null;
  const run = () => {
    timer = null;
    const args = lastArgs;
    lastArgs = null;
    if (args) fn(...args);
  };
  const debounced = (...args: A) => {
    lastArgs = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  };
  return Object.defineProperties(debounced, {
    cancel: {
      value: () => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        lastArgs = null;
      },
    },
    flush: {
      value: () => {
        if (timer === null) return;
        clearTimeout(timer);
        run();
      },
    },
    pending: { get: () => timer !== null },
  }) as Debounced<A>;
}

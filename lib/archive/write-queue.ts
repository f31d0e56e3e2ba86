/** The background page is the archive's single writer: writes from every tab run one at a time. */

export interface WriteQueue {
  /** Run `fn` after every previously queued task has settled; resolves or rejects with its result. */
  serialize<T>(fn: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>;
}

/** A new promise queue (one per database). */
export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    serialize<T>(fn: () => Promise<T>): Promise<T> {
      const run = tail.then(fn, fn);
      tail = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    idle(): Promise<void> {
      return tail.then(() => undefined);
    },
  };
}

const shared = createWriteQueue();

/** Queue a write on the background's shared archive queue. */
export function serialize<T>(fn: () => Promise<T>): Promise<T> {
  return shared.serialize(fn);
}

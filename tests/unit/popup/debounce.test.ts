import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '@/lib/popup/debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last arguments after the input is quiet', () => {
    const fn = vi.fn();
    const d = debounce(fn, 250);
    d('l');
    vi.advanceTimersByTime(200);
    d('la');
    vi.advanceTimersByTime(200);
    d('lao');
    expect(fn).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(250);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('lao');
    expect(d.pending).toBe(false);
  });

  it('flush runs the pending call now; cancel drops it', () => {
    const fn = vi.fn();
    const d = debounce(fn, 250);
    d('a');
    d.flush();
    expect(fn).toHaveBeenCalledWith('a');
    d('b');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
    d.flush(); // nothing pending: no call
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

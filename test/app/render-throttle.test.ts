import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderThrottle } from '../../src/app/render-throttle';

describe('render throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the first update at once and what follows within the interval in one batch after it, losing nothing', () => {
    const batches: number[][] = [];
    const t = createRenderThrottle<number>((items) => batches.push(items), 1000, () => Date.now());
    t.push(1);
    expect(batches).toEqual([[1]]);
    vi.advanceTimersByTime(300);
    t.push(2);
    t.push(3);
    expect(batches).toEqual([[1]]);
    vi.advanceTimersByTime(699);
    expect(batches).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1], [2, 3]]);
    // Long after the last batch: at once again.
    vi.advanceTimersByTime(5000);
    t.push(4);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('flushes what waits now, and drops it on demand (then nothing comes later)', () => {
    const batches: number[][] = [];
    const t = createRenderThrottle<number>((items) => batches.push(items), 1000, () => Date.now());
    t.push(1);
    t.push(2);
    t.flush();
    expect(batches).toEqual([[1], [2]]);
    t.push(3);
    t.drop();
    vi.advanceTimersByTime(5000);
    expect(batches).toEqual([[1], [2]]);
    t.flush(); // nothing waiting: no empty batch
    expect(batches).toEqual([[1], [2]]);
  });
});

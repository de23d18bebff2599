import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderPace, createRenderThrottle } from '../../src/app/render-throttle';

describe('render throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the first update at once and what follows within the interval in one batch after it, losing nothing', () => {
    const batches: number[][] = [];
    const t = createRenderThrottle<number>((items) => batches.push(items), createRenderPace(1000, 4, () => Date.now()));
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
    const t = createRenderThrottle<number>((items) => batches.push(items), createRenderPace(1000, 4, () => Date.now()));
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

  it('spaces batches by four times what the last redraw took when that is over the least gap', () => {
    const batches: number[][] = [];
    const pace = createRenderPace(1000, 4, () => Date.now());
    // Each batch's redraw takes 600 ms of the page's thread (the clock moves on while it runs).
    const t = createRenderThrottle<number>((items) => (batches.push(items), vi.setSystemTime(Date.now() + 600)), pace);
    t.push(1);
    vi.advanceTimersByTime(0); // the task after the redraw: its cost is known
    t.push(2); // 600 ms after the first redraw began: it ended just now
    vi.advanceTimersByTime(400);
    expect(batches).toEqual([[1]]); // 1 s after the redraw began would have been enough at the least gap
    vi.advanceTimersByTime(1399);
    expect(batches).toEqual([[1]]); // 2.4 s after it, not yet
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1], [2]]);
  });

  it('keeps two streams on one pace: what waits in both goes over in one redraw', () => {
    const got: string[][] = [];
    const pace = createRenderPace(1000, 4, () => Date.now());
    const curves = createRenderThrottle<string>((items) => got.push(items), pace);
    const partials = createRenderThrottle<string>((items) => got.push(items), pace);
    curves.push('epoch 1');
    vi.advanceTimersByTime(200);
    partials.push('partial 1');
    vi.advanceTimersByTime(300);
    curves.push('epoch 2');
    expect(got).toEqual([['epoch 1']]);
    vi.advanceTimersByTime(499);
    expect(got).toEqual([['epoch 1']]);
    vi.advanceTimersByTime(1);
    // 1 s after the first redraw: both streams' waiting items, handed over in the same task (one React render).
    expect(got).toEqual([['epoch 1'], ['epoch 2'], ['partial 1']]);
    // And the gap holds for both after it.
    partials.push('partial 2');
    vi.advanceTimersByTime(999);
    expect(got).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(got).toEqual([['epoch 1'], ['epoch 2'], ['partial 1'], ['partial 2']]);
  });
});

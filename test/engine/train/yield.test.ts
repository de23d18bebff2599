import { afterEach, describe, expect, it, vi } from 'vitest';
import { maybeYield } from '../../../src/engine/train/yield';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Whether a timer set before `maybeYield(0)` fires before it returns: the yield was a real turn of the event loop. */
async function timerFiresDuringYield(): Promise<boolean> {
  let fired = false;
  setTimeout(() => (fired = true), 0);
  const end = Date.now() + 5; // the timer is due by the time we yield
  while (Date.now() < end);
  await maybeYield(0);
  await maybeYield(0);
  return fired;
}

describe('maybeYield', () => {
  it('gives the event loop a turn in Node (setImmediate)', async () => {
    const immediate = vi.spyOn(globalThis, 'setImmediate');
    expect(await timerFiresDuringYield()).toBe(true);
    expect(immediate).toHaveBeenCalled();
  });

  // A browser has no setImmediate, and clamps a chain of setTimeout(0) to 4 ms a yield: the loop must not use it.
  it('gives the event loop a turn by a message, not a timer, where there is no setImmediate', async () => {
    vi.stubGlobal('setImmediate', undefined);
    const posted = vi.spyOn(MessagePort.prototype, 'postMessage');
    const timers = vi.spyOn(globalThis, 'setTimeout');
    expect(await timerFiresDuringYield()).toBe(true);
    expect(timers).toHaveBeenCalledTimes(1); // the test's own timer only
    expect(posted).toHaveBeenCalled();
  });

  it('does not yield within its budget', async () => {
    await maybeYield(0);
    const immediate = vi.spyOn(globalThis, 'setImmediate');
    await maybeYield(60_000);
    expect(immediate).not.toHaveBeenCalled();
  });
});

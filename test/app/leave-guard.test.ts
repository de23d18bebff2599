import { describe, expect, it } from 'vitest';
import { guardLeavingMidRun, type LeaveTarget } from '../../src/app/leave-guard';
import { createAppStore } from '../../src/state/store';

/** Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets the page set it. */
class BeforeUnload extends Event {
  override returnValue = false;
}

/** Fires a cancelable beforeunload and says whether the page asked the browser to confirm. */
function tryToLeave(target: EventTarget): boolean {
  const e = new BeforeUnload('beforeunload', { cancelable: true });
  target.dispatchEvent(e);
  return e.defaultPrevented;
}

describe('guardLeavingMidRun', () => {
  it('asks before leaving only while a sweep runs', () => {
    const store = createAppStore();
    const target = new EventTarget();
    const remove = guardLeavingMidRun(store, target as unknown as LeaveTarget);
    expect(tryToLeave(target)).toBe(false);
    store.getState().runStarted(0);
    expect(tryToLeave(target)).toBe(true);
    store.getState().progressReceived({ type: 'progress', phase: 'fine-tune', fraction: 0.5, seed: 1, mode: null, rate: null, message: '' }, 1);
    expect(tryToLeave(target)).toBe(true);
    store.getState().runFailed('crashed', 'gone');
    expect(tryToLeave(target)).toBe(false);
    store.getState().runStarted(2);
    remove();
    expect(tryToLeave(target)).toBe(false);
  });
});

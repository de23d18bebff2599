import { runStatus } from '../state/run-slice';
import type { AppStore } from '../state/store';

/** What the guard needs of the window (an EventTarget in tests). */
export type LeaveTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/**
 * Asks the browser to confirm leaving while a sweep runs: closing or reloading the tab would throw away minutes of
 * training without a word. The browser shows its own wording; an idle or finished page leaves freely.
 * Returns a function that removes the guard.
 */
export function guardLeavingMidRun(store: AppStore, target: LeaveTarget): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    const status = runStatus(store.getState());
    if (status !== 'starting' && status !== 'running' && status !== 'cancelling') return;
    e.preventDefault();
    // Older Chromium and Safari ask only when returnValue is set.
    e.returnValue = true;
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}

import { errorMessage } from '../engine/contract/events';
import type { EngineClient } from '../worker/client';
import type { AppStore } from '../state/store';

/**
 * Keeps the store's run estimate in step with the config: every config change marks the estimate 'estimating' at once
 * and, after `debounceMs` without another change (a dragged slider), asks the worker. Only the latest request is told
 * anything. The first estimate of a model and data times a few steps in the worker; later edits of epochs, rates or
 * seeds are answered from that calibration. Returns a function that stops it.
 */
export function startRunEstimateSync(store: AppStore, client: Pick<EngineClient, 'estimate'>, debounceMs = 300): () => void {
  let ticket = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const s = () => store.getState();
  const request = () => {
    const mine = ++ticket;
    s().estimateRequested();
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      client.estimate(s().config).then(
        (e) => mine === ticket && s().estimateReceived(e),
        (e) => mine === ticket && s().estimateFailed(errorMessage(e)),
      );
    }, debounceMs);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.config !== prev.config) request();
  });
  request();
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    ticket++;
  };
}

import { configRates } from '../engine/contract/config';
import { errorMessage } from '../engine/contract/events';
import { provisionalAt, sliderRate, snapRate } from '../state/rate-rules';
import { rateContext } from '../state/select-rate';
import { seedsOf } from '../state/select-runs';
import type { AppStore } from '../state/store';
import type { EngineClient } from '../worker/client';

/** The slider's policy: snap to measured rates, and ask the worker for provisional points between them. */
export interface RateSelection {
  /**
   * The slider moved: snap to a measured rate (`how` = 'snap', a drag), or select `value` as is ('exact', a keyboard
   * step), and ask the worker for a provisional point where nothing is measured.
   */
  chooseRate(value: number, how?: 'snap' | 'exact'): void;
  /** Asks for a provisional point at `rate` if the charts' sweep takes one and none is measured or on its way. */
  requestQuick(rate: number): void;
  /** Forgets the request in flight (the worker was restarted and will never answer it). */
  reset(): void;
}

export function createRateSelection(store: AppStore, client: EngineClient): RateSelection {
  // One quick evaluation at a time; while it runs, only the slider's latest position is remembered.
  let quickInFlight = false;
  let quickWanted: number | null = null;
  const s = () => store.getState();

  function requestQuick(rate: number): void {
    const st = s();
    if (!st.canQuickEvaluate || !st.results) return;
    const ctx = rateContext({ ...st, selectedRate: rate });
    if (!ctx.provisional || ctx.isMeasured || provisionalAt(st.provisional, rate)) return;
    quickWanted = rate;
    if (quickInFlight) return;
    quickInFlight = true;
    client
      .quickEvaluate(rate, seedsOf(st.results))
      .then((runs) => s().provisionalReceived(rate, runs))
      .catch((e) => s().addNotice({ tone: 'warning', title: 'No provisional point', lines: [errorMessage(e)] }))
      .finally(() => {
        quickInFlight = false;
        // The slider moved on while this one was computed: evaluate where it is now (intermediate positions are skipped).
        if (quickWanted !== null && quickWanted !== rate) requestQuick(quickWanted);
        else quickWanted = null;
      });
  }

  return {
    chooseRate(value, how = 'snap') {
      const st = s();
      const { measured } = rateContext(st);
      const snapped = how === 'exact' ? null : snapRate(measured.length ? measured : configRates(st.config), value);
      const rate = snapped ?? sliderRate(value);
      st.selectRate(rate);
      if (snapped === null) requestQuick(rate);
    },
    requestQuick,
    reset() {
      quickInFlight = false;
      quickWanted = null;
    },
  };
}

import { configRates } from '../engine/contract/config';
import { errorMessage, type EngineEvent } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import type { EngineClient, RunHandle } from '../worker/client';
import type { AppStore } from '../state/store';
import { createRateSelection } from './rate-selection';
import { createRenderPace, createRenderThrottle } from './render-throttle';

/** Least time between two chart updates of a running sweep. */
const CHART_UPDATE_MS = 1000;
/** A running sweep's chart updates are spaced by this many times the last one's cost when that is longer. */
const CHART_COST_RATIO = 4;

export interface RunController {
  /** Chooses a backend for the current config now, so the badge shows it before any run. */
  probeBackend(): Promise<void>;
  /** Starts a sweep of the current config (cancelling one that is running). */
  run(): void;
  cancel(): void;
  /** The slider moved: snap to a measured rate (or not: a keyboard step), and ask for a provisional point between them. */
  chooseRate(value: number, how?: 'snap' | 'exact'): void;
  /**
   * The WebAssembly thread count (null: automatic, contract/wasm-threads.ts). A worker fixes it when its backend starts, so the engine restarts
   * with it (between runs only: refused while one runs) and the badge is probed again.
   */
  setWasmThreads(threads: number | null): void;
  dispose(): void;
}

/** Wires the engine client to the store: the only place that turns worker answers into store actions. */
export function createRunController(store: AppStore, client: EngineClient, now: () => number = Date.now): RunController {
  let current: RunHandle | null = null;
  const rateSelection = createRateSelection(store, client);
  const s = () => store.getState();

  // The charts' updates of a running sweep, one redraw per CHART_UPDATE_MS at most, or further apart when a redraw
  // takes more than a CHART_COST_RATIO-th of that (render-throttle.ts says why): training-curve points in order, and
  // the latest partial Results, on one pace (start-here redrew for 1.3-1.6 s of its 5-6 s run at 1 s apart).
  const pace = createRenderPace(CHART_UPDATE_MS, CHART_COST_RATIO);
  const curves = createRenderThrottle<Extract<EngineEvent, { type: 'epoch' }>>((es) => es.forEach((e) => s().epochReceived(e.seed, e.phase, e.record)), pace);
  const partials = createRenderThrottle<Results>((rs) => s().resultsStreamed(rs[rs.length - 1]), pace);

  const unsubscribe = client.onRestart((kind, msg) => {
    const status = s().run.status;
    // The points that finished stay on the charts.
    curves.flush();
    partials.flush();
    if (status === 'starting' || status === 'running' || status === 'cancelling') s().runFailed('crashed', msg);
    current = null;
    rateSelection.reset();
    s().quickEvaluateLost();
    s().addNotice({ tone: 'error', title: kind === 'device-lost' ? 'The GPU device was lost' : 'The engine stopped', lines: [msg, 'The engine was restarted: press Run to run again.'] });
    void controller.probeBackend();
  });

  function onEvent(id: number, e: EngineEvent): void {
    if (current?.id !== id) return;
    if (e.type === 'progress') s().progressReceived(e, now());
    else if (e.type === 'epoch') curves.push(e);
    else if (e.type === 'partial') partials.push(e.results);
  }

  function finished(id: number, results: Results): void {
    if (current?.id !== id) return;
    current = null;
    curves.flush();
    partials.drop();
    s().resultsFinal(results);
    if (results.status === 'failed') s().addNotice({ tone: 'error', title: 'The run failed', lines: [results.error ?? 'unknown error', 'The charts keep the points that finished.'] });
    if (results.status === 'complete') rateSelection.requestQuick(s().selectedRate);
  }

  const controller: RunController = {
    async probeBackend() {
      s().backendProbing();
      try {
        s().backendChosen(await client.initBackend(s().config.backend));
      } catch (e) {
        s().backendFailed(errorMessage(e));
      }
    },
    run() {
      current?.cancel();
      curves.drop();
      partials.drop();
      const config = s().config;
      const rates = configRates(config);
      if (s().selectedRate === 0 && rates.length > 1) s().selectRate(rates.reduce((b, r) => (Math.abs(r - 0.9) < Math.abs(b - 0.9) ? r : b), rates[1]));
      s().resultsReset();
      const handle = client.start(config, {
        onEvent: (e) => onEvent(handle.id, e),
        onBackend: (b) => s().backendChosen(b),
      });
      current = handle;
      s().runStarted(now());
      handle.done.then(
        (results) => finished(handle.id, results),
        (e) => {
          if (current?.id !== handle.id) return;
          current = null;
          curves.flush();
          partials.flush();
          s().runFailed('failed', errorMessage(e));
          s().addNotice({ tone: 'error', title: 'The run failed', lines: [errorMessage(e)] });
        },
      );
    },
    cancel() {
      if (!current) return;
      s().cancelRequested();
      current.cancel();
    },
    chooseRate: (value, how) => rateSelection.chooseRate(value, how),
    setWasmThreads(threads) {
      if (current || s().wasmThreads === threads) return;
      s().setWasmThreads(threads);
      client.respawn('the engine restarted with another thread count');
      // The dense models of the last run lived in the old worker: the slider's provisional points need a new run.
      rateSelection.reset();
      s().quickEvaluateLost();
      void controller.probeBackend();
    },
    dispose() {
      curves.drop();
      partials.drop();
      unsubscribe();
      current?.cancel();
    },
  };
  return controller;
}

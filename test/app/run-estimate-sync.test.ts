import { describe, expect, it, vi } from 'vitest';
import type { RunEstimate } from '../../src/engine/contract/run-estimate';
import { startRunEstimateSync } from '../../src/app/run-estimate-sync';
import { runEtaMs } from '../../src/state/run-slice';
import { createAppStore } from '../../src/state/store';
import { withValue } from '../../src/ui/controls/use-config-field';

const estimateOf = (seconds: number): RunEstimate => ({ backend: 'wasm', seconds, parts: { training: seconds, measuring: 0, hessian: 0 } });

describe('run estimate sync', () => {
  it('marks the estimate stale on every config change and asks once the edits settle; only the latest answer counts', async () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore();
      const asked: Array<{ epochs: number; resolve: (e: RunEstimate) => void }> = [];
      const client = { estimate: (config: { train?: { epochs?: number } }) => new Promise<RunEstimate>((resolve) => asked.push({ epochs: config.train?.epochs ?? 0, resolve })) };
      const stop = startRunEstimateSync(store, client, 300);
      await vi.advanceTimersByTimeAsync(300);
      expect(asked).toHaveLength(1);
      // Two quick edits (a dragged slider): one request, for the last.
      store.getState().updateConfig((c) => withValue(c, 'train.epochs', 3));
      store.getState().updateConfig((c) => withValue(c, 'train.epochs', 4));
      expect(store.getState().estimate.status).toBe('estimating');
      await vi.advanceTimersByTimeAsync(300);
      expect(asked.map((a) => a.epochs)).toEqual([asked[0].epochs, 4]);
      // The older request answers late: dropped.
      asked[0].resolve(estimateOf(10));
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().estimate.status).toBe('estimating');
      asked[1].resolve(estimateOf(200));
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().estimate).toEqual({ status: 'ready', value: estimateOf(200) });
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the ETA from the estimate until a few percent are done, then from the progress', () => {
    const store = createAppStore();
    const s = () => store.getState();
    expect(runEtaMs(s())).toBeNull();
    s().estimateReceived(estimateOf(120));
    s().runStarted(1000);
    expect(s().run.expectedSeconds).toBe(120);
    expect(runEtaMs(s())).toBe(120_000);
    s().progressReceived({ type: 'progress', phase: 'data', fraction: 0.01, seed: 1, mode: null, rate: null, message: '' }, 11_000);
    expect(runEtaMs(s())).toBe(110_000);
    // 20% done in 30 s: 120 s left, whatever the estimate said.
    s().progressReceived({ type: 'progress', phase: 'train-dense', fraction: 0.2, seed: 1, mode: null, rate: 0, message: '' }, 31_000);
    expect(runEtaMs(s())).toBeCloseTo(120_000, 6);
    // Without an estimate, nothing until the progress says something.
    s().estimateRequested();
    s().runStarted(0);
    expect(runEtaMs(s())).toBeNull();
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../src/engine/contract/events';
import type { Results, RunResult } from '../../src/engine/contract/results';
import { createRunController } from '../../src/app/run-controller';
import { provisionalAt } from '../../src/state/rate-rules';
import { runStatus } from '../../src/state/run-slice';
import { createAppStore } from '../../src/state/store';
import { EngineFailure, type EngineClient } from '../../src/worker/client';
import type { FailureKind } from '../../src/worker/protocol';
import { fixtureResults, run } from '../state/fixtures';

/** A scripted engine client: the test decides when each run and quick evaluation answers. */
function fakeClient() {
  const runs: Array<{ id: number; onEvent?: (e: EngineEvent) => void; resolve: (r: Results) => void; reject: (e: Error) => void; cancelled: boolean }> = [];
  const quick: Array<{ rate: number; resolve: (r: RunResult[]) => void }> = [];
  let restart: ((kind: FailureKind, message: string) => void) | null = null;
  const respawns: number[] = [];
  const client: EngineClient = {
    initBackend: async () => ({ name: 'cpu', fallbackReason: null }),
    start(_config, handlers) {
      const id = runs.length + 1;
      let resolve!: (r: Results) => void;
      let reject!: (e: Error) => void;
      const done = new Promise<Results>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const entry = { id, onEvent: handlers.onEvent, resolve, reject, cancelled: false };
      runs.push(entry);
      return { id, done, cancel: () => (entry.cancelled = true) };
    },
    quickEvaluate: (rate) => new Promise((resolve) => quick.push({ rate, resolve })),
    summarizeData: () => Promise.reject(new Error('not used by the run controller')),
    describeModel: () => Promise.reject(new Error('not used by the run controller')),
    respawn: () => {
      respawns.push(1);
    },
    testImages: () => Promise.reject(new Error('not used by the run controller')),
    loadUserData: () => Promise.reject(new Error('not used by the run controller')),
    listUserData: async () => [],
    forgetUserData: async () => [],
    estimate: () => Promise.reject(new Error('not used by the run controller')),
    onRestart(l) {
      restart = l;
      return () => (restart = null);
    },
    dispose() {},
  };
  return { client, runs, quick, respawns, crash: (kind: FailureKind, msg: string) => restart?.(kind, msg) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('run controller', () => {
  it('streams a run into the store and asks for a provisional point when the selected rate was not measured', async () => {
    const store = createAppStore();
    const f = fakeClient();
    const c = createRunController(store, f.client, () => 5);
    c.run();
    expect(runStatus(store.getState())).toBe('starting');
    const results = fixtureResults({ seeds: [1, 2], modes: ['none'] });
    f.runs[0].onEvent?.({ type: 'progress', phase: 'train-dense', fraction: 0.1, seed: 1, mode: null, rate: 0, message: '' });
    f.runs[0].onEvent?.({ type: 'partial', results: { ...results, runs: results.runs.slice(0, 1) } });
    expect(store.getState().results?.runs).toHaveLength(1);
    store.getState().selectRate(0.7);
    f.runs[0].resolve(results);
    await tick();
    expect(runStatus(store.getState())).toBe('complete');
    expect(f.quick.map((q) => q.rate)).toEqual([0.7]);
    f.quick[0].resolve([run(1, 'none', 0.7), run(2, 'none', 0.7)]);
    await tick();
    expect(provisionalAt(store.getState().provisional, 0.7)).toHaveLength(2);
  });

  it('redraws a running sweep at most once a second: the latest partial Results, and every curve point', async () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore();
      const f = fakeClient();
      const c = createRunController(store, f.client);
      c.run();
      const results = fixtureResults({ seeds: [1], modes: ['none'] });
      const partial = (n: number) => f.runs[0].onEvent?.({ type: 'partial', results: { ...results, runs: results.runs.slice(0, n) } });
      const epoch = (k: number) => f.runs[0].onEvent?.({ type: 'epoch', seed: 1, phase: 'dense', record: { epoch: k, loss: 1 / k, accuracy: 0.5, groupLoss: [1], groupAccuracy: [0.5], groupGradNorm: null } as never });
      partial(1);
      expect(store.getState().results?.runs).toHaveLength(1); // the first at once
      partial(2);
      partial(3);
      epoch(1);
      epoch(2);
      expect(store.getState().results?.runs).toHaveLength(1); // the next ones wait for the second to end
      vi.advanceTimersByTime(1000);
      expect(store.getState().results?.runs).toHaveLength(3); // the latest of them
      expect(store.getState().liveTraining.flatMap((curve) => curve.epochs.map((e) => e.epoch))).toEqual([1, 2]);
      partial(4);
      f.runs[0].resolve(results); // the final Results replace what waits
      await vi.runAllTimersAsync();
      expect(store.getState().results).toBe(results);
    } finally {
      vi.useRealTimers();
    }
  });

  it('snaps the slider to measured rates and coalesces quick evaluations while one is in flight', async () => {
    const store = createAppStore();
    const f = fakeClient();
    const c = createRunController(store, f.client);
    c.run();
    f.runs[0].resolve(fixtureResults({ modes: ['none'] }));
    await tick();
    c.chooseRate(0.49);
    expect(store.getState().selectedRate).toBe(0.5);
    c.chooseRate(0.6);
    c.chooseRate(0.65);
    c.chooseRate(0.7);
    expect(f.quick.map((q) => q.rate)).toEqual([0.6]); // one in flight; the others wait
    f.quick[0].resolve([]);
    await tick();
    expect(f.quick.map((q) => q.rate)).toEqual([0.6, 0.7]); // only the latest position is evaluated next
  });

  it('selects a keyboard step as is, even one within the snap of a measured rate', async () => {
    const store = createAppStore();
    const f = fakeClient();
    const c = createRunController(store, f.client);
    c.run();
    f.runs[0].resolve(fixtureResults({ modes: ['none'] }));
    await tick();
    c.chooseRate(0.51);
    expect(store.getState().selectedRate).toBe(0.5); // a drag snaps
    c.chooseRate(0.51, 'exact');
    expect(store.getState().selectedRate).toBe(0.51); // Shift + arrow does not
    expect(f.quick.map((q) => q.rate)).toEqual([0.51]);
  });

  it('ignores events of a superseded run and reports a crashed engine', async () => {
    const store = createAppStore();
    const f = fakeClient();
    const c = createRunController(store, f.client);
    c.run();
    c.run();
    expect(f.runs[0].cancelled).toBe(true);
    f.runs[0].onEvent?.({ type: 'partial', results: fixtureResults() });
    expect(store.getState().results).toBeNull();
    f.crash('device-lost', 'the GPU device was lost');
    f.runs[1].reject(new EngineFailure('device-lost', 'the GPU device was lost'));
    await tick();
    expect(runStatus(store.getState())).toBe('crashed');
    expect(store.getState().notices.map((n) => n.title)).toContain('The GPU device was lost');
  });

  it('cancels the running sweep', () => {
    const store = createAppStore();
    const f = fakeClient();
    const c = createRunController(store, f.client);
    c.run();
    c.cancel();
    expect(f.runs[0].cancelled).toBe(true);
    expect(runStatus(store.getState())).toBe('cancelling');
  });

  it('a new wasm thread count restarts the engine between runs only, and probes the backend again', async () => {
    const store = createAppStore();
    const f = fakeClient();
    const c = createRunController(store, f.client, () => 5);
    c.run();
    c.setWasmThreads(1);
    // Refused mid-run: the run's worker keeps its threads.
    expect(f.respawns).toHaveLength(0);
    expect(store.getState().wasmThreads).toBeNull();
    f.runs[0].resolve(fixtureResults({ seeds: [1], modes: ['none'] }));
    await tick();
    c.setWasmThreads(1);
    expect(f.respawns).toHaveLength(1);
    expect(store.getState().wasmThreads).toBe(1);
    await tick();
    expect(store.getState().backend.status).toBe('ready');
    // The same count again changes nothing.
    c.setWasmThreads(1);
    expect(f.respawns).toHaveLength(1);
  });
});

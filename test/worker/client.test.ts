import { describe, expect, it, vi } from 'vitest';
import { createEngineClient, EngineFailure, SILENCE_LIMIT_MS, type WorkerLike } from '../../src/worker/client';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import { fixtureResults } from '../state/fixtures';

/** A Worker stand-in: records what the client posts and lets the test answer or crash. */
class FakeWorker implements WorkerLike {
  posted: WorkerRequest[] = [];
  terminated = false;
  private listeners: Record<string, Array<(e: never) => void>> = {};
  postMessage(m: WorkerRequest) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  addEventListener(type: string, l: (e: never) => void) {
    (this.listeners[type] ??= []).push(l);
  }
  answer(m: WorkerResponse) {
    for (const l of this.listeners.message ?? []) l({ data: m } as never);
  }
  fail() {
    for (const l of this.listeners.error ?? []) l({ message: 'boom' } as never);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = createEngineClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}

describe('engine client', () => {
  it('routes data progress and the summary to the summarize-data request', async () => {
    const { client, workers } = setup();
    const seen: number[] = [];
    const pending = client.summarizeData({ seed: 2 }, (p) => seen.push(p.done));
    const w = workers[0];
    const id = (w.posted[0] as { id: number }).id;
    expect(w.posted[0]).toMatchObject({ type: 'summarize-data', config: { seed: 2 } });
    w.answer({ type: 'data-progress', id, progress: { source: 'x', unit: 'chunks', done: 1, total: 2, bytes: 5, totalBytes: 10, elapsedMs: 3 } });
    const summary = { name: 'd', imageShape: [1, 1, 1] as [number, number, number], classNames: ['c'], groupNames: ['g'], train: [[1]], test: [[1]], samples: [[]], seed: 2 };
    w.answer({ type: 'data-summary', id, summary });
    await expect(pending).resolves.toBe(summary);
    expect(seen).toEqual([1]);
  });

  it('routes events and the final results to the run that asked', async () => {
    const { client, workers } = setup();
    const events: string[] = [];
    const handle = client.start({ seed: 3 }, { onEvent: (e) => events.push(e.type) });
    const w = workers[0];
    expect(w.posted[0]).toMatchObject({ type: 'start', id: handle.id, config: { seed: 3 } });
    w.answer({ type: 'event', id: handle.id, event: { type: 'progress', phase: 'data', fraction: 0, seed: 3, mode: null, rate: null, message: '' } });
    w.answer({ type: 'event', id: 999, event: { type: 'progress', phase: 'data', fraction: 0, seed: 3, mode: null, rate: null, message: '' } });
    const results = fixtureResults();
    w.answer({ type: 'results', id: handle.id, results });
    await expect(handle.done).resolves.toBe(results);
    expect(events).toEqual(['progress']);
    handle.cancel();
    expect(w.posted[1]).toMatchObject({ type: 'cancel', runId: handle.id });
  });

  it('settles a request only with the answer of its type', async () => {
    const { client, workers } = setup();
    const p = client.quickEvaluate(0.5, [1]);
    const id = workers[0].posted[0].id;
    // Results answer a start, not a quick evaluation: the request stays pending until its own answer comes.
    workers[0].answer({ type: 'results', id, results: fixtureResults() });
    const runs = fixtureResults().runs.slice(0, 1);
    workers[0].answer({ type: 'quick-result', id, runs });
    await expect(p).resolves.toBe(runs);
  });

  it('rejects a failed request with its kind and keeps the worker', async () => {
    const { client, workers } = setup();
    const p = client.quickEvaluate(0.5, [1]);
    const id = workers[0].posted[0].id;
    workers[0].answer({ type: 'failure', id, kind: 'error', message: 'no session' });
    await expect(p).rejects.toMatchObject({ kind: 'error', message: 'no session' });
    expect(workers).toHaveLength(1);
  });

  it('restarts a crashed worker, fails what was pending and serves the next request on the new one', async () => {
    const { client, workers } = setup();
    const restarts: string[] = [];
    client.onRestart((kind) => restarts.push(kind));
    const run = client.start({}, {});
    workers[0].fail();
    await expect(run.done).rejects.toBeInstanceOf(EngineFailure);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(restarts).toEqual(['crash']);
    const b = client.initBackend('cpu');
    const id = workers[1].posted[0].id;
    workers[1].answer({ type: 'backend', id, backend: { name: 'cpu', fallbackReason: null } });
    await expect(b).resolves.toEqual({ name: 'cpu', fallbackReason: null });
  });

  it('stops restarting a worker that keeps crashing, and then fails requests at once', async () => {
    const { client, workers } = setup();
    for (let i = 0; i < 4; i++) workers[workers.length - 1].fail();
    expect(workers).toHaveLength(4); // the first worker and three restarts
    await expect(client.initBackend('cpu')).rejects.toMatchObject({ kind: 'crash' });
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('treats a lost GPU device reported by the worker as a restart', async () => {
    const { client, workers } = setup();
    const restarts: string[] = [];
    client.onRestart((kind) => restarts.push(kind));
    const run = client.start({}, {});
    workers[0].answer({ type: 'failure', id: null, kind: 'device-lost', message: 'lost' });
    await expect(run.done).rejects.toMatchObject({ kind: 'device-lost' });
    expect(restarts).toEqual(['device-lost']);
    expect(workers).toHaveLength(2);
  });
});

describe('engine client heartbeat', () => {
  it('declares a silent worker lost, restarts it and rejects what waited; a beating worker is left alone', async () => {
    vi.useFakeTimers();
    try {
      const workers: FakeWorker[] = [];
      const client = createEngineClient(() => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      });
      const restarts: string[] = [];
      client.onRestart((kind, msg) => restarts.push(`${kind}: ${msg}`));
      const handle = client.start({ seed: 1 }, {});
      const outcome = handle.done.catch((e: unknown) => e);
      // A worker that keeps beating is never declared lost, however long the run.
      for (let t = 0; t < 120; t++) {
        vi.advanceTimersByTime(1_000);
        workers[0].answer({ type: 'heartbeat' });
      }
      expect(restarts).toEqual([]);
      // Then it dies without a word.
      vi.advanceTimersByTime(SILENCE_LIMIT_MS + 10_000);
      expect(restarts).toHaveLength(1);
      expect(restarts[0]).toMatch(/^crash: the engine worker stopped answering/);
      expect(workers[0].terminated).toBe(true);
      expect(workers).toHaveLength(2);
      const e = await outcome;
      expect(e).toBeInstanceOf(EngineFailure);
      // Nothing waits now: the watchdog stops and the fresh worker is not declared lost while idle.
      vi.advanceTimersByTime(SILENCE_LIMIT_MS * 3);
      expect(restarts).toHaveLength(1);
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

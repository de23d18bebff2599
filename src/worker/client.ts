import type { BackendName, ConfigInput } from '../engine/contract/config';
import type { EngineEvent } from '../engine/contract/events';
import type { Results, RunResult } from '../engine/contract/results';
import type { BackendInfo, FailureKind, WorkerRequest, WorkerResponse } from './protocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: Event) => void): void;
}

/** A request that failed: `kind` says whether the worker survived ('error') or was restarted. */
export class EngineFailure extends Error {
  constructor(
    public readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'EngineFailure';
  }
}

export interface RunHandle {
  id: number;
  /** Resolves with the final Results (also when cancelled or failed inside the engine); rejects on EngineFailure. */
  done: Promise<Results>;
  cancel(): void;
}

export interface EngineClient {
  initBackend(preferred: BackendName): Promise<BackendInfo>;
  start(config: ConfigInput, handlers: { onEvent?: (e: EngineEvent) => void; onBackend?: (b: BackendInfo) => void }): RunHandle;
  quickEvaluate(rate: number, seeds: number[]): Promise<RunResult[]>;
  /** Told when the worker crashed or lost its GPU and was restarted. Returns an unsubscribe function. */
  onRestart(listener: (kind: FailureKind, message: string) => void): () => void;
  dispose(): void;
}

const MAX_RESTARTS = 3;
const CRASH_WINDOW_MS = 60_000;

interface Pending {
  resolve: (value: never) => void;
  reject: (e: Error) => void;
  onEvent?: (e: EngineEvent) => void;
  onBackend?: (b: BackendInfo) => void;
}

/**
 * The main-thread side: numbers requests, routes answers back to their promises, and replaces a worker that crashed
 * or lost its device (every pending request is rejected; the next request goes to the fresh worker).
 */
export function createEngineClient(spawn: () => WorkerLike, now: () => number = Date.now): EngineClient {
  const pending = new Map<number, Pending>();
  const restartListeners = new Set<(kind: FailureKind, message: string) => void>();
  const crashes: number[] = [];
  let nextId = 1;
  /** Set when the worker crashed again and again: no more restarts, every request fails with this message. */
  let broken: string | null = null;
  let worker: WorkerLike = connect();

  function connect(): WorkerLike {
    const w = spawn();
    w.addEventListener('message', (e: MessageEvent<WorkerResponse>) => {
      if (w === worker) receive(e.data);
    });
    w.addEventListener('error', (e: Event) => {
      if (w === worker) restart('crash', `the engine worker crashed${'message' in e && e.message ? `: ${String(e.message)}` : ''}`);
    });
    w.addEventListener('messageerror', () => {
      if (w === worker) restart('crash', 'the engine worker sent a message that could not be read');
    });
    return w;
  }

  function restart(kind: FailureKind, message: string): void {
    worker.terminate();
    const failed = [...pending.values()];
    pending.clear();
    // A worker that cannot even start (a script that fails to load) would crash forever: give up after a few tries.
    const t = now();
    crashes.push(t);
    while (crashes.length && crashes[0] < t - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > MAX_RESTARTS) broken = `${message} (${crashes.length} times in a row; reload the page to try again)`;
    else worker = connect();
    for (const p of failed) p.reject(new EngineFailure(kind, message));
    for (const l of restartListeners) l(kind, message);
  }

  function receive(m: WorkerResponse): void {
    if (m.type === 'ready') return;
    if (m.type === 'failure' && m.id === null) {
      restart(m.kind, m.message);
      return;
    }
    const p = pending.get(m.id as number);
    if (!p) return;
    switch (m.type) {
      case 'event':
        p.onEvent?.(m.event);
        return;
      case 'backend':
        if (p.onBackend) p.onBackend(m.backend);
        else settle(m.id, () => p.resolve(m.backend as never));
        return;
      case 'results':
        settle(m.id, () => p.resolve(m.results as never));
        return;
      case 'quick-result':
        settle(m.id, () => p.resolve(m.runs as never));
        return;
      case 'failure':
        settle(m.id as number, () => p.reject(new EngineFailure(m.kind, m.message)));
        return;
    }
  }

  function settle(id: number, fn: () => void): void {
    pending.delete(id);
    fn();
  }

  function request<T>(make: (id: number) => WorkerRequest, extra: Omit<Pending, 'resolve' | 'reject'> = {}): { id: number; promise: Promise<T> } {
    const id = nextId++;
    if (broken !== null) return { id, promise: Promise.reject(new EngineFailure('crash', broken)) };
    const promise = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: never) => void, reject, ...extra });
    });
    worker.postMessage(make(id));
    return { id, promise };
  }

  return {
    initBackend: (backend) => request<BackendInfo>((id) => ({ type: 'init-backend', id, backend })).promise,
    start(config, handlers) {
      const { id, promise } = request<Results>((id) => ({ type: 'start', id, config }), { onEvent: handlers.onEvent, onBackend: handlers.onBackend ?? (() => {}) });
      return { id, done: promise, cancel: () => worker.postMessage({ type: 'cancel', id: nextId++, runId: id }) };
    },
    quickEvaluate: (rate, seeds) => request<RunResult[]>((id) => ({ type: 'quick-evaluate', id, rate, seeds })).promise,
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.reject(new EngineFailure('error', 'the engine client was closed'));
      pending.clear();
    },
  };
}

/** The app's worker: a module worker bundled by Vite. */
export function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }) as unknown as WorkerLike;
}

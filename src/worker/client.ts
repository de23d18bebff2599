import type { BackendName, ConfigInput } from '../engine/contract/config';
import type { DataProgress } from '../engine/contract/data-progress';
import type { DataSummary, SampleImage } from '../engine/contract/data-summary';
import type { DataShape, ModelSize } from '../engine/contract/model-size';
import type { EngineEvent } from '../engine/contract/events';
import type { ImageSourceId } from '../engine/contract/image-sources';
import type { Results, RunResult } from '../engine/contract/results';
import type { RunEstimate } from '../engine/contract/run-estimate';
import type { UserDataSummary } from '../engine/contract/user-data';
import { isAnswerTo, type Answer, type Answers, type BackendInfo, type FailureKind, type QueuedRequest, type QueuedType, type WorkerRequest, type WorkerResponse } from './protocol';

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
  /** The data panel's summary of a config's data, with progress while its assets load. */
  summarizeData(config: ConfigInput, onProgress?: (p: DataProgress) => void): Promise<DataSummary>;
  /** The size of the model a config builds on data of this shape, before anything is trained. */
  describeModel(config: ConfigInput, shape: DataShape): Promise<ModelSize>;
  /** Pixels of test images of a run's config, by row of its test split (the PIE gallery). */
  testImages(config: ConfigInput, indices: number[]): Promise<{ imageShape: [number, number, number]; images: SampleImage[] }>;
  /** Decodes the files the user gave into a source's images, kept in the worker and on this device. */
  loadUserData(source: ImageSourceId, side: number, files: Array<{ path: string; bytes: ArrayBuffer }>, onProgress?: (p: DataProgress) => void): Promise<UserDataSummary[]>;
  listUserData(): Promise<UserDataSummary[]>;
  forgetUserData(source: ImageSourceId): Promise<UserDataSummary[]>;
  /**
   * Replaces the worker with a fresh one from the spawn function (a setting it reads changed: the wasm thread count is
   * fixed when a worker's backend starts). Requests still waiting fail with a message saying so; restart listeners
   * are not told (nothing crashed).
   */
  respawn(reason: string): void;
  /** The run's estimated time on its backend, from a short calibration in the worker (queued like a run). */
  estimate(config: ConfigInput): Promise<RunEstimate>;
  /** Told when the worker crashed or lost its GPU and was restarted. Returns an unsubscribe function. */
  onRestart(listener: (kind: FailureKind, message: string) => void): () => void;
  dispose(): void;
}

const MAX_RESTARTS = 3;
/**
 * Silence, while a request waits, after which the worker is declared lost. It beats every HEARTBEAT_MS whenever its
 * event loop turns (tfjs awaits between batches), so this is far above any single blocking step on a slow machine.
 */
export const SILENCE_LIMIT_MS = 60_000;
const WATCHDOG_MS = 5_000;
const CRASH_WINDOW_MS = 60_000;

interface Pending {
  /** Settles the request's promise when `m` is its answer (protocol.ts's answerType); false otherwise. */
  accept: (m: Answer) => boolean;
  reject: (e: Error) => void;
  onEvent?: (e: EngineEvent) => void;
  onBackend?: (b: BackendInfo) => void;
  onDataProgress?: (p: DataProgress) => void;
}

type Handlers = Pick<Pending, 'onEvent' | 'onBackend' | 'onDataProgress'>;
type RequestOf<K extends QueuedType> = Extract<QueuedRequest, { type: K }>;

/**
 * The main-thread side: numbers requests, routes answers back to their promises, and replaces a worker that crashed
 * or lost its device (every pending request is rejected; the next request goes to the fresh worker).
 */
export function createEngineClient(spawn: () => WorkerLike, now: () => number = Date.now, silenceLimitMs = SILENCE_LIMIT_MS): EngineClient {
  const pending = new Map<number, Pending>();
  const restartListeners = new Set<(kind: FailureKind, message: string) => void>();
  const crashes: number[] = [];
  let nextId = 1;
  /** Set when the worker crashed again and again: no more restarts, every request fails with this message. */
  let broken: string | null = null;
  /** When the current worker last sent anything (the heartbeat included). */
  let lastHeard = now();
  let watchdog: ReturnType<typeof setInterval> | null = null;
  let worker: WorkerLike = connect();

  /** Runs only while requests wait, so an idle page keeps no timer. */
  function watch(): void {
    watchdog ??= setInterval(() => {
      if (pending.size === 0) return unwatch();
      const silent = now() - lastHeard;
      if (silent > silenceLimitMs) restart('crash', `the engine worker stopped answering (silent for ${Math.round(silent / 1000)} s)`);
    }, Math.min(WATCHDOG_MS, silenceLimitMs));
  }
  function unwatch(): void {
    if (watchdog !== null) clearInterval(watchdog);
    watchdog = null;
  }

  function connect(): WorkerLike {
    const w = spawn();
    lastHeard = now();
    w.addEventListener('message', (e: MessageEvent<WorkerResponse>) => {
      if (w !== worker) return;
      lastHeard = now();
      receive(e.data);
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
    if (m.type === 'ready' || m.type === 'heartbeat') return;
    if (m.type === 'failure' && m.id === null) {
      restart(m.kind, m.message);
      return;
    }
    const p = pending.get(m.id ?? -1);
    if (!p) return;
    if (m.type === 'event') p.onEvent?.(m.event);
    else if (m.type === 'data-progress') p.onDataProgress?.(m.progress);
    // A start request hears its backend before its Results; for init-backend the backend is the answer itself.
    else if (m.type === 'backend' && p.onBackend) p.onBackend(m.backend);
    else if (m.type === 'failure') {
      pending.delete(m.id ?? -1);
      p.reject(new EngineFailure(m.kind, m.message));
    } else if (p.accept(m)) pending.delete(m.id);
  }

  /** Numbers a request, posts it and resolves with the answer of its type (protocol.ts's Answers). */
  function request<K extends QueuedType>(type: K, make: (id: number) => RequestOf<K>, handlers: Handlers = {}): { id: number; promise: Promise<Answers[K]> } {
    const id = nextId++;
    if (broken !== null) return { id, promise: Promise.reject(new EngineFailure('crash', broken)) };
    const promise = new Promise<Answers[K]>((resolve, reject) => {
      const accept = (m: Answer): boolean => {
        if (!isAnswerTo(type, m)) return false;
        resolve(m);
        return true;
      };
      pending.set(id, { accept, reject, ...handlers });
    });
    // The silence is counted from the request, not from a quiet idle stretch before it.
    if (pending.size === 1) lastHeard = now();
    watch();
    worker.postMessage(make(id));
    return { id, promise };
  }

  return {
    initBackend: (backend) => request('init-backend', (id) => ({ type: 'init-backend', id, backend })).promise.then((a) => a.backend),
    start(config, handlers) {
      const { id, promise } = request('start', (id) => ({ type: 'start', id, config }), { onEvent: handlers.onEvent, onBackend: handlers.onBackend ?? (() => {}) });
      return { id, done: promise.then((a) => a.results), cancel: () => worker.postMessage({ type: 'cancel', id: nextId++, runId: id }) };
    },
    quickEvaluate: (rate, seeds) => request('quick-evaluate', (id) => ({ type: 'quick-evaluate', id, rate, seeds })).promise.then((a) => a.runs),
    summarizeData: (config, onProgress) =>
      request('summarize-data', (id) => ({ type: 'summarize-data', id, config }), { onDataProgress: onProgress }).promise.then((a) => a.summary),
    describeModel: (config, shape) => request('describe-model', (id) => ({ type: 'describe-model', id, config, shape })).promise.then((a) => a.size),
    testImages: (config, indices) =>
      request('test-images', (id) => ({ type: 'test-images', id, config, indices })).promise.then((a) => ({ imageShape: a.imageShape, images: a.images })),
    loadUserData: (source, side, files, onProgress) =>
      request('load-user-data', (id) => ({ type: 'load-user-data', id, source, side, files }), { onDataProgress: onProgress }).promise.then((a) => a.summaries),
    listUserData: () => request('list-user-data', (id) => ({ type: 'list-user-data', id })).promise.then((a) => a.summaries),
    forgetUserData: (source) => request('forget-user-data', (id) => ({ type: 'forget-user-data', id, source })).promise.then((a) => a.summaries),
    respawn(reason) {
      worker.terminate();
      const failed = [...pending.values()];
      pending.clear();
      worker = connect();
      for (const p of failed) p.reject(new EngineFailure('error', reason));
    },
    estimate: (config) => request('estimate', (id) => ({ type: 'estimate', id, config })).promise.then((a) => a.estimate),
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
    dispose() {
      unwatch();
      worker.terminate();
      for (const p of pending.values()) p.reject(new EngineFailure('error', 'the engine client was closed'));
      pending.clear();
    },
  };
}

/**
 * The app's worker: a module worker bundled by Vite. A wasm thread count other than the automatic one travels in the
 * worker's name ("engine threads=2"), the one thing a worker can read before its first message.
 */
export function spawnEngineWorker(wasmThreads: number | null = null): WorkerLike {
  const name = wasmThreads === null ? 'engine' : `engine threads=${wasmThreads}`;
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name }) as unknown as WorkerLike;
}

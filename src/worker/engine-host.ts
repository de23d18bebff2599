import { initBackend, type BackendOptions } from '../engine/backend';
import { configSchema, type BackendName } from '../engine/contract/config';
import { errorMessage } from '../engine/contract/events';
import { cachingAssetLoader, type AssetLoader } from '../engine/data/asset-loader';
import { summarizeData, testImages } from '../engine/data/data-summary';
import { describeModel } from '../engine/experiment/model-spec';
import { createRunEstimator } from '../engine/experiment/run-estimator';
import { quickEvaluate } from '../engine/experiment/quick-evaluate';
import type { ExperimentSession } from '../engine/experiment/sweep-context';
import { emptyResults, runExperiment } from '../engine/experiment/run-experiment';
import type { UserDataStore } from '../engine/data/user-data-store';
import type { HelperOffload } from './hessian-helper-client';
import { isQueued, type Answer, type Answers, type BackendInfo, type QueuedRequest, type WorkerRequest, type WorkerResponse } from './protocol';

export interface EngineHostDeps {
  post: (m: WorkerResponse) => void;
  loadAsset: AssetLoader;
  /** The user data decoded in this worker (user-data-store.ts); absent, configs of kind 'images' say what is missing. */
  userData?: UserDataStore;
  backendOptions?: BackendOptions;
  /** Called once a backend is in use (the worker watches a WebGPU device for loss). */
  onBackend?: (b: BackendInfo) => void;
  /**
   * Starts the λ(H_a) helper worker (undefined where none fits), called once, the first time the engine's backend is
   * wasm, the one backend that uses it: on WebGPU or WebGL no second tfjs is loaded for nothing.
   */
  startHessianHelper?: () => HelperOffload | undefined;
  /** How long an estimate that gave way waits for a quiet queue before it calibrates (default ESTIMATE_RESUME_MS). */
  estimateResumeMs?: number;
}

export interface EngineHost {
  handle(request: WorkerRequest): void;
  /** Resolves when every queued request has been served (tests). */
  idle(): Promise<void>;
}

/**
 * How long an estimate that gave way waits, once the queue is clear again, before it calibrates (enqueue): after a
 * run the page asks for quick evaluations as the slider moves, and one asked during a calibration waits for the batch
 * under way. Three quiet seconds make that rare; any request in them restarts the wait.
 */
export const ESTIMATE_RESUME_MS = 3000;

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('gave way'))), { once: true });
  });

/** How long the badge waits for the λ(H_a) helper's backend before it reports the engine's without it. */
const HELPER_WAIT_MS = 10_000;

/**
 * The engine side of the protocol, free of `self` so it runs in Node tests. One request at a time, in order: tfjs
 * holds one backend and the session of the last complete run, and two sweeps sharing it would only slow each other.
 * Cancel bypasses the queue: it aborts the run that is being served (or drops one still waiting). summarize-data
 * and test-images bypass it too: they only build data, which a sweep's awaits leave room for.
 */
export function createEngineHost(deps: EngineHostDeps): EngineHost {
  const loadAsset = cachingAssetLoader(deps.loadAsset);
  let queue: Promise<void> = Promise.resolve();
  let backend: { preferred: BackendName; info: BackendInfo } | null = null;
  let session: ExperimentSession | null = null;
  const aborts = new Map<number, AbortController>();
  const estimator = createRunEstimator(loadAsset, deps.userData?.collection);
  /** Requests served beside the queue (summarize-data, describe-model, test-images), so idle() waits for them too. */
  const beside = new Set<Promise<void>>();
  /** The estimate calibrating now, if one is: a request queued behind it aborts it (enqueue). */
  let calibrating: AbortController | null = null;
  /** Requests queued, not yet begun, estimates aside. */
  let waiting = 0;
  let helperStarted = false;
  let helper: HelperOffload | undefined;
  const hessianHelperFor = (backendName: string): HelperOffload | undefined => {
    if (backendName === 'wasm' && !helperStarted) {
      helperStarted = true;
      helper = deps.startHessianHelper?.();
    }
    return helper;
  };

  async function ensureBackend(preferred: BackendName): Promise<BackendInfo> {
    if (backend && backend.preferred === preferred) return backend.info;
    const chosen = await initBackend(preferred, deps.backendOptions);
    // The helper starts with the wasm backend, and the badge waits for it (a few seconds at most), so a run started
    // once the badge shows wasm shares its λ(H_a) from the first measurement. Other backends never use it.
    const offload = hessianHelperFor(chosen.name);
    if (offload && chosen.name === 'wasm') await Promise.race([offload.settled, new Promise((r) => setTimeout(r, HELPER_WAIT_MS))]);
    const info: BackendInfo = offload ? { ...chosen, hessianHelper: offload.usableWith(chosen.name) } : chosen;
    backend = { preferred, info };
    deps.onBackend?.(info);
    return info;
  }

  const needStore = (): UserDataStore => {
    if (!deps.userData) throw new Error('this engine has no user-data store');
    return deps.userData;
  };

  /** Each queued request type with the handler that produces its answer (protocol.ts's Answers). */
  // giveWay: aborts an estimate's calibration when other requests queue behind it (enqueue); the others ignore it.
  const handlers: { [K in keyof Answers]: (r: Extract<QueuedRequest, { type: K }>, giveWay?: AbortSignal) => Promise<Answers[K]> } = {
    'init-backend': async (r) => ({ type: 'backend', id: r.id, backend: await ensureBackend(r.backend) }),
    start: async (r) => {
      const abort = aborts.get(r.id) as AbortController;
      const parsed = configSchema.safeParse(r.config);
      if (!parsed.success) throw new Error(`invalid config: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
      const config = parsed.data;
      // Cancelled while it waited in the queue (Cancel right after Run): it ends as a cancelled run, not a failure.
      if (abort.signal.aborted) return { type: 'results', id: r.id, results: { ...emptyResults(config, backend?.info ?? { name: config.backend, fallbackReason: null }), status: 'cancelled', error: 'the run was cancelled before it started' } };
      const info = await ensureBackend(config.backend);
      deps.post({ type: 'backend', id: r.id, backend: info });
      // A new run makes the old dense models meaningless for the slider.
      session = null;
      const results = await runExperiment(config, {
        loadAsset,
        backend: info,
        signal: abort.signal,
        onEvent: (event) => deps.post({ type: 'event', id: r.id, event }),
        onSession: (s) => {
          session = s;
        },
        loadImages: deps.userData?.collection,
        hessianOffload: helper?.forBackend(info.name),
      });
      return { type: 'results', id: r.id, results };
    },
    'summarize-data': async (r) => {
      const parsed = configSchema.safeParse(r.config);
      if (!parsed.success) throw new Error(`invalid config: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
      const summary = await summarizeData(parsed.data, loadAsset, (progress) => deps.post({ type: 'data-progress', id: r.id, progress }), deps.userData?.collection);
      return { type: 'data-summary', id: r.id, summary };
    },
    'describe-model': async (r) => {
      const parsed = configSchema.safeParse(r.config);
      if (!parsed.success) throw new Error(`invalid config: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
      return { type: 'model-size', id: r.id, size: describeModel(parsed.data, r.shape) };
    },
    'test-images': async (r) => {
      const parsed = configSchema.safeParse(r.config);
      if (!parsed.success) throw new Error(`invalid config: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
      // The last run's split when it was built from this very config (same data, same seed): no rebuild.
      const kept = session && JSON.stringify(session.config) === JSON.stringify(parsed.data) ? session.split : undefined;
      const { imageShape, images } = await testImages(parsed.data, r.indices, loadAsset, kept, deps.userData?.collection);
      return { type: 'test-images', id: r.id, imageShape, images };
    },
    'load-user-data': async (r) => {
      const store = needStore();
      const files = r.files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes) }));
      await store.load(r.source, r.side, files, (progress) => deps.post({ type: 'data-progress', id: r.id, progress }));
      return { type: 'user-data', id: r.id, summaries: await store.list() };
    },
    'list-user-data': async (r) => ({ type: 'user-data', id: r.id, summaries: deps.userData ? await deps.userData.list() : [] }),
    'forget-user-data': async (r) => {
      const store = needStore();
      await store.forget(r.source);
      return { type: 'user-data', id: r.id, summaries: await store.list() };
    },
    estimate: async (r, giveWay) => {
      const parsed = configSchema.safeParse(r.config);
      if (!parsed.success) throw new Error(`invalid config: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
      const config = parsed.data;
      const info = await ensureBackend(config.backend);
      // The calibration times steps on this thread: the data preview and test images built beside the queue (at page
      // load, all at once) would run between its steps and count as theirs.
      await Promise.allSettled([...beside]);
      return { type: 'estimate', id: r.id, estimate: await estimator.estimate(config, info.name, giveWay) };
    },
    'quick-evaluate': async (r) => {
      if (!session) throw new Error('no trained model in this tab: run the sweep to get provisional points between rates');
      const runs = [];
      for (const seed of r.seeds) runs.push(await quickEvaluate(session, r.rate, seed));
      return { type: 'quick-result', id: r.id, runs };
    },
  };

  function serve(r: QueuedRequest): Promise<Answer> {
    switch (r.type) {
      case 'init-backend':
        return handlers['init-backend'](r);
      case 'start':
        return handlers.start(r);
      case 'quick-evaluate':
        return handlers['quick-evaluate'](r);
      case 'summarize-data':
        return handlers['summarize-data'](r);
      case 'describe-model':
        return handlers['describe-model'](r);
      case 'test-images':
        return handlers['test-images'](r);
      case 'load-user-data':
        return handlers['load-user-data'](r);
      case 'list-user-data':
        return handlers['list-user-data'](r);
      case 'forget-user-data':
        return handlers['forget-user-data'](r);
      case 'estimate':
        return handlers.estimate(r);
    }
  }

  /**
   * Queues r behind every request before it. An estimate gives way to the requests queued after it (a run, the
   * slider's quick evaluation): its calibration, a second or so of timed steps when the page loads, would otherwise
   * hold a Run clicked as soon as the badge shows (start-here waited 1.0 of its 5.7 s). Aborted between two batches,
   * it queues again behind them and calibrates once the queue has been quiet for ESTIMATE_RESUME_MS; the panel shows
   * it as being estimated until then.
   */
  function enqueue(r: QueuedRequest, gaveWay = false): void {
    if (r.type !== 'estimate') {
      waiting++;
      calibrating?.abort();
    }
    queue = queue.then(async () => {
      if (r.type === 'estimate') return estimateGivingWay(r, gaveWay);
      waiting--;
      try {
        await answer(r);
      } finally {
        if (r.type === 'start') aborts.delete(r.id);
      }
    });
  }

  async function estimateGivingWay(r: Extract<QueuedRequest, { type: 'estimate' }>, gaveWay: boolean): Promise<void> {
    if (waiting > 0) return enqueue(r, true);
    const giveWay = new AbortController();
    calibrating = giveWay;
    try {
      // Having given way to a run, it waits for a quiet moment first: the slider's quick evaluations follow a run.
      if (gaveWay) await pause(deps.estimateResumeMs ?? ESTIMATE_RESUME_MS, giveWay.signal);
      deps.post(await handlers.estimate(r, giveWay.signal));
    } catch (e) {
      if (giveWay.signal.aborted) enqueue(r, true);
      else deps.post({ type: 'failure', id: r.id, kind: 'error', message: errorMessage(e) });
    } finally {
      calibrating = null;
    }
  }

  /** Serves r and posts its answer or failure. */
  async function answer(r: QueuedRequest): Promise<void> {
    try {
      deps.post(await serve(r));
    } catch (e) {
      deps.post({ type: 'failure', id: r.id, kind: 'error', message: errorMessage(e) });
    }
  }

  return {
    handle(r) {
      if (!isQueued(r)) {
        aborts.get(r.runId)?.abort();
        return;
      }
      if (r.type === 'summarize-data' || r.type === 'describe-model' || r.type === 'test-images') {
        const p = answer(r).finally(() => beside.delete(p));
        beside.add(p);
        return;
      }
      if (r.type === 'start') aborts.set(r.id, new AbortController());
      enqueue(r);
    },
    idle: async () => {
      // An estimate that gave way queues itself again: wait until the queue stops growing.
      for (let q = queue; ; q = queue) {
        await Promise.all([q, ...beside]);
        if (q === queue) return;
      }
    },
  };
}

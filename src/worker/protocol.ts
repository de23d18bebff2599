import type { BackendName, ConfigInput } from '../engine/contract/config';
import type { DataProgress } from '../engine/contract/data-progress';
import type { DataSummary, SampleImage } from '../engine/contract/data-summary';
import type { EngineEvent } from '../engine/contract/events';
import type { ImageSourceId } from '../engine/contract/image-sources';
import type { DataShape, ModelSize } from '../engine/contract/model-size';
import type { Results, RunResult } from '../engine/contract/results';
import type { RunEstimate } from '../engine/contract/run-estimate';
import type { UserDataSummary } from '../engine/contract/user-data';

// The typed messages between the page and the engine worker (after microbit-foundation/ml-trainer's
// ml-worker-protocol). Every request carries an id; every answer names the id it answers. Only plain data crosses:
// configs, events, Results. Tensors never leave the worker.

export interface BackendInfo {
  name: string;
  fallbackReason: string | null;
  /** Threads the wasm backend runs on (absent on other backends). */
  threads?: number;
  /** Whether a λ(H_a) helper worker shares the Hessian work of runs on this backend (worker/hessian-helper-*.ts). */
  hessianHelper?: boolean;
}

export type WorkerRequest =
  /** Choose and probe a backend now (the badge), without running anything. */
  | { type: 'init-backend'; id: number; backend: BackendName }
  /** Run a whole sweep. Served after the requests before it; a newer run does not preempt an older one. */
  | { type: 'start'; id: number; config: ConfigInput }
  /** Cancel the run with this id (served at once, not queued). Unknown or finished ids are ignored. */
  | { type: 'cancel'; id: number; runId: number }
  /** Prune the dense models of the last complete run at an unmeasured rate, without fine-tuning (one point per seed). */
  | { type: 'quick-evaluate'; id: number; rate: number; seeds: number[] }
  /**
   * Build a config's data set and summarise it for the data panel. Served at once, beside a running sweep (it needs
   * no backend; the two share the fetched assets), so the panel never waits for a run to end.
   */
  | { type: 'summarize-data'; id: number; config: ConfigInput }
  /** The size of the model a config builds on data of this shape (the data summary's), before Run. Served at once. */
  | { type: 'describe-model'; id: number; config: ConfigInput; shape: DataShape }
  /**
   * Pixels of test images by their row in the test split of a run's config (the PIE gallery). Served at once, like
   * summarize-data: from the last run's data when its config is this one, otherwise by rebuilding the data.
   */
  | { type: 'test-images'; id: number; config: ConfigInput; indices: number[] }
  /**
   * Decode files the user gave (archives opened) into a source's images at `side` px, kept in the worker and cached
   * on this device; the bytes are transferred, never copied or sent anywhere.
   */
  | { type: 'load-user-data'; id: number; source: ImageSourceId; side: number; files: Array<{ path: string; bytes: ArrayBuffer }> }
  /** What user data this device holds (after a reload, for the presets that need it). */
  | { type: 'list-user-data'; id: number }
  /**
   * Estimate the run of `config` on its backend: a short calibration (a few timed steps of its model on its data,
   * kept per model, data and backend) scaled by the sweep's work (experiment/estimate-run.ts).
   */
  | { type: 'estimate'; id: number; config: ConfigInput }
  /** Forget a source's decoded data, in memory and on this device. */
  | { type: 'forget-user-data'; id: number; source: ImageSourceId };

export type FailureKind =
  /** The request failed; the worker is fine. */
  | 'error'
  /** The GPU device behind the backend was lost: the worker must be restarted. */
  | 'device-lost'
  /** An uncaught error inside the worker: its state is unknown, restart it. */
  | 'crash';

/** Requests that go through the worker's queue and are answered (everything but cancel). */
export type QueuedRequest = Exclude<WorkerRequest, { type: 'cancel' }>;
export type QueuedType = QueuedRequest['type'];

export const isQueued = (r: WorkerRequest): r is QueuedRequest => r.type !== 'cancel';

/** The answer that settles each queued request; any of them may instead be answered by a 'failure'. */
export interface Answers {
  'init-backend': { type: 'backend'; id: number; backend: BackendInfo };
  /** The final Results of run `id` (complete, cancelled or failed: see results.status). */
  start: { type: 'results'; id: number; results: Results };
  'quick-evaluate': { type: 'quick-result'; id: number; runs: RunResult[] };
  'summarize-data': { type: 'data-summary'; id: number; summary: DataSummary };
  'describe-model': { type: 'model-size'; id: number; size: ModelSize };
  'test-images': { type: 'test-images'; id: number; imageShape: [number, number, number]; images: SampleImage[] };
  /** The user data held after the request, whichever of the three it was. */
  'load-user-data': { type: 'user-data'; id: number; summaries: UserDataSummary[] };
  'list-user-data': { type: 'user-data'; id: number; summaries: UserDataSummary[] };
  'forget-user-data': { type: 'user-data'; id: number; summaries: UserDataSummary[] };
  estimate: { type: 'estimate'; id: number; estimate: RunEstimate };
}
export type Answer = Answers[QueuedType];

/** Which answer type settles which request type: the one table both sides read. */
export const answerType = {
  'init-backend': 'backend',
  start: 'results',
  'quick-evaluate': 'quick-result',
  'summarize-data': 'data-summary',
  'describe-model': 'model-size',
  'test-images': 'test-images',
  'load-user-data': 'user-data',
  'list-user-data': 'user-data',
  'forget-user-data': 'user-data',
  estimate: 'estimate',
} as const satisfies { [K in QueuedType]: Answers[K]['type'] };

/** Whether `m` is the answer that settles a request of type `type`. */
export const isAnswerTo = <K extends QueuedType>(type: K, m: Answer): m is Answers[K] => m.type === answerType[type];

/** How often the worker says it is alive. */
export const HEARTBEAT_MS = 1_000;

export type WorkerResponse =
  | { type: 'ready' }
  /** Sent every second while the worker's event loop turns: a worker silent for long is declared lost (client.ts). */
  | { type: 'heartbeat' }
  | Answer
  /** A start request's backend, told as soon as it is chosen (the run's answer comes later). */
  | { type: 'backend'; id: number; backend: BackendInfo }
  /** A streamed engine event of run `id`. */
  | { type: 'event'; id: number; event: EngineEvent }
  /** How far a summarize-data request's data has loaded. */
  | { type: 'data-progress'; id: number; progress: DataProgress }
  /** id null: not tied to a request (a lost device, an uncaught error). */
  | { type: 'failure'; id: number | null; kind: FailureKind; message: string };

/** The thread count a worker's name asks for ("engine threads=2"), or null for the automatic count. */
export function threadsFromName(name: string): number | null {
  const m = /threads=(\d+)/.exec(name);
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

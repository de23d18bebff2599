import type { BackendName, ConfigInput } from '../engine/contract/config';
import type { EngineEvent } from '../engine/contract/events';
import type { Results, RunResult } from '../engine/contract/results';

// The typed messages between the page and the engine worker (after microbit-foundation/ml-trainer's
// ml-worker-protocol). Every request carries an id; every answer names the id it answers. Only plain data crosses:
// configs, events, Results. Tensors never leave the worker.

export interface BackendInfo {
  name: string;
  fallbackReason: string | null;
}

export type WorkerRequest =
  /** Choose and probe a backend now (the badge), without running anything. */
  | { type: 'init-backend'; id: number; backend: BackendName }
  /** Run a whole sweep. Served after the requests before it; a newer run does not preempt an older one. */
  | { type: 'start'; id: number; config: ConfigInput }
  /** Cancel the run with this id (served at once, not queued). Unknown or finished ids are ignored. */
  | { type: 'cancel'; id: number; runId: number }
  /** Prune the dense models of the last complete run at an unmeasured rate, without fine-tuning (one point per seed). */
  | { type: 'quick-evaluate'; id: number; rate: number; seeds: number[] };

export type FailureKind =
  /** The request failed; the worker is fine. */
  | 'error'
  /** The GPU device behind the backend was lost: the worker must be restarted. */
  | 'device-lost'
  /** An uncaught error inside the worker: its state is unknown, restart it. */
  | 'crash';

export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'backend'; id: number; backend: BackendInfo }
  /** A streamed engine event of run `id`. */
  | { type: 'event'; id: number; event: EngineEvent }
  /** The final Results of run `id` (complete, cancelled or failed: see results.status). */
  | { type: 'results'; id: number; results: Results }
  | { type: 'quick-result'; id: number; runs: RunResult[] }
  /** id null: not tied to a request (a lost device, an uncaught error). */
  | { type: 'failure'; id: number | null; kind: FailureKind; message: string };

export type RequestType = WorkerRequest['type'];

/** Requests that go through the worker's queue (everything but cancel). */
export const isQueued = (r: WorkerRequest): boolean => r.type !== 'cancel';

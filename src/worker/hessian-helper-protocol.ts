import type { BackendOptions } from '../engine/backend';
import type { HessianContext, HessianJob, HessianWithVector } from '../engine/metrics/hessian-jobs';

// What the engine worker asks its λ(H_a) helper (hessian-helper.worker.ts) and what comes back. A context (model,
// weights, training split) is sent once per measured model under a key; jobs name the key.

export type HelperRequest =
  /** First message: start tfjs on wasm, one thread, from these binaries. */
  | { type: 'init'; wasmPaths: BackendOptions['wasmPaths'] }
  | { type: 'context'; key: number; context: HessianContext }
  | { type: 'job'; id: number; key: number; job: HessianJob }
  | { type: 'cancel'; id: number };

export type HelperResponse =
  /** The helper's backend is up (or could not be: `error`); it takes jobs only when it is the engine's. */
  | { type: 'ready'; backend: string | null; error: string | null }
  | { type: 'result'; id: number; result: HessianWithVector }
  | { type: 'failed'; id: number; message: string };

/** The worker as the engine sees it (a Worker in the page, a fake in tests). */
export interface HelperWorkerLike {
  postMessage(message: HelperRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<HelperResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: Event) => void): void;
}

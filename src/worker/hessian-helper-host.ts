import type { BackendOptions } from '../engine/backend';
import { errorMessage } from '../engine/contract/events';
import { runHessianJob, type HessianContext } from '../engine/metrics/hessian-jobs';
import type { HelperRequest, HelperResponse } from './hessian-helper-protocol';

/**
 * The helper's side, free of `self` so it runs in Node tests: it keeps the last context and computes one job at a time
 * (tfjs has one backend), each with runHessianJob, the function the engine runs for the jobs it keeps.
 */
export function createHelperHost(post: (m: HelperResponse) => void, init: (wasmPaths: BackendOptions['wasmPaths']) => Promise<string>) {
  // One model at a time: a new context replaces the old (its tensors are built per job, nothing to free).
  let held: { key: number; context: HessianContext } | null = null;
  const aborts = new Map<number, AbortController>();
  let queue: Promise<void> = Promise.resolve();
  return {
    handle(m: HelperRequest): void {
      if (m.type === 'init') {
        // Jobs wait for the backend (the engine sends none before 'ready' anyway).
        queue = queue.then(() =>
          init(m.wasmPaths).then(
            (backend) => post({ type: 'ready', backend, error: null }),
            (e) => post({ type: 'ready', backend: null, error: errorMessage(e) }),
          ),
        );
      } else if (m.type === 'context') {
        held = { key: m.key, context: m.context };
      } else if (m.type === 'cancel') {
        aborts.get(m.id)?.abort();
      } else {
        const abort = new AbortController();
        aborts.set(m.id, abort);
        queue = queue.then(async () => {
          try {
            if (held?.key !== m.key) throw new Error(`no context ${m.key} (the helper had another model)`);
            post({ type: 'result', id: m.id, result: await runHessianJob(held.context, m.job, abort.signal) });
          } catch (e) {
            post({ type: 'failed', id: m.id, message: errorMessage(e) });
          } finally {
            aborts.delete(m.id);
          }
        });
      }
    },
    /** Resolves when every job asked so far is answered (tests). */
    idle: () => queue,
  };
}

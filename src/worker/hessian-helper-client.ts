import { CancelledError } from '../engine/contract/events';
import type { HessianContext, HessianOffload, HessianWithVector } from '../engine/metrics/hessian-jobs';
import type { HelperResponse, HelperWorkerLike } from './hessian-helper-protocol';

export interface HelperOffload {
  /** Whether the helper is up on `backend` and has not failed: the engine offloads only then. */
  usableWith(backend: string): boolean;
  /** The offload for runs on `backend`: it takes jobs while the helper is up on that backend. */
  forBackend(backend: string): HessianOffload;
  /** Resolves once the helper has said whether its backend started (or has died). */
  settled: Promise<void>;
  dispose(): void;
}

/**
 * The engine's end of the λ(H_a) helper: sends each measured model's context once, then jobs, and settles each job's
 * promise with the helper's answer. A helper that errors or dies rejects what it holds and takes nothing more
 * (runHessianJobs then computes those jobs in the engine). Cancel reaches the helper between its products.
 */
export function createHelperOffload(worker: HelperWorkerLike): HelperOffload {
  let backend: string | null = null;
  let dead = false;
  let nextId = 1;
  // The helper keeps one context (host: a new one replaces the old); the key of the one it holds.
  let sent: { ctx: HessianContext; key: number } | null = null;
  const pending = new Map<number, { resolve: (r: HessianWithVector) => void; reject: (e: Error) => void }>();
  let settle = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const fail = (why: string) => {
    settle();
    dead = true;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
    worker.terminate();
  };
  worker.addEventListener('message', (e: MessageEvent<HelperResponse>) => {
    const m = e.data;
    if (m.type === 'ready') {
      if (m.error !== null) fail(`the λ(H_a) helper has no backend: ${m.error}`);
      else backend = m.backend;
      settle();
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.type === 'result') p.resolve(m.result);
    else p.reject(new Error(m.message));
  });
  worker.addEventListener('error', () => fail('the λ(H_a) helper crashed'));
  worker.addEventListener('messageerror', () => fail('the λ(H_a) helper sent an unreadable message'));

  const usableWith = (b: string) => !dead && backend === b;
  const run: HessianOffload['run'] = (ctx, job, signal) => {
    if (dead || backend === null) return Promise.reject(new Error('the λ(H_a) helper is not ready'));
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (sent?.ctx !== ctx) {
      sent = { ctx, key: (sent?.key ?? 0) + 1 };
      worker.postMessage({ type: 'context', key: sent.key, context: ctx });
    }
    const { key } = sent;
    const id = nextId++;
    return new Promise<HessianWithVector>((resolve, reject) => {
      const onAbort = () => worker.postMessage({ type: 'cancel', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(signal?.aborted ? new CancelledError() : e);
        },
      });
      worker.postMessage({ type: 'job', id, key, job });
    });
  };
  return {
    usableWith,
    forBackend: (b) => ({ available: () => usableWith(b), run }),
    settled,
    dispose() {
      if (!dead) fail('the λ(H_a) helper was disposed');
    },
  };
}

/// <reference lib="webworker" />
import '../engine/contract/zod-without-eval';
import { initBackend } from '../engine/backend';
import { createHelperHost } from './hessian-helper-host';
import type { HelperRequest, HelperResponse } from './hessian-helper-protocol';

// The λ(H_a) helper: a second tfjs, on one wasm thread, that computes some of each measured model's λ jobs while the
// engine worker computes the others (engine/metrics/hessian-jobs.ts). Spawned by the engine worker (engine.worker.ts).

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createHelperHost(
  (m: HelperResponse) => scope.postMessage(m),
  async (wasmPaths) => {
    const b = await initBackend('wasm', { wasmPaths, wasmThreads: 1 });
    if (b.name !== 'wasm') throw new Error(`wasm unavailable (${b.fallbackReason ?? b.name})`);
    return b.name;
  },
);
scope.addEventListener('message', (e: MessageEvent<HelperRequest>) => host.handle(e.data));

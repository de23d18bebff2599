/// <reference lib="webworker" />
import '../engine/contract/zod-without-eval';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { watchDeviceLoss } from '../engine/backend';
import { fetchAssetLoader } from '../engine/data/asset-loader';
import { browserImageDecoder } from '../engine/data/browser-image-decoder';
import { createUserDataStore } from '../engine/data/user-data-store';
import { createEngineHost } from './engine-host';
import { createHelperOffload, type HelperOffload } from './hessian-helper-client';
import type { HelperWorkerLike } from './hessian-helper-protocol';
import { automaticWasmThreads, hessianHelperFits } from '../engine/contract/wasm-threads';
import { HEARTBEAT_MS, threadsFromName, type WorkerRequest, type WorkerResponse } from './protocol';

// The worker owns the engine, the only place tfjs lives in the app. The page talks to it through protocol.ts
// (see client.ts).

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerResponse) => scope.postMessage(m);
const abs = (url: string) => new URL(url, scope.location.href).href;

/** A lost GPU device leaves tfjs unusable: report it so the page restarts the worker. */
const watchDevice = () => watchDeviceLoss((message) => post({ type: 'failure', id: null, kind: 'device-lost', message }));

const cores = Math.max(1, scope.navigator.hardwareConcurrency || 1);
/** Every core but one (contract/wasm-threads.ts says why), or what the page's setting asks. */
const wasmThreads = Math.min(cores, threadsFromName(scope.name) ?? automaticWasmThreads(cores));

const wasmPaths = {
  'tfjs-backend-wasm.wasm': abs(wasmPlain),
  'tfjs-backend-wasm-simd.wasm': abs(wasmSimd),
  'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreaded),
};

/**
 * The λ(H_a) helper (hessian-helper.worker.ts), where the engine leaves a core free: it computes some of each measured
 * model's λ jobs while this worker computes the others. Started with the wasm backend (engine-host.ts), before the
 * first run needs it.
 */
function spawnHessianHelper(): HelperOffload | undefined {
  if (!hessianHelperFits(cores, wasmThreads)) return undefined;
  try {
    const worker = new Worker(new URL('./hessian-helper.worker.ts', import.meta.url), { type: 'module', name: 'hessian-helper' }) as unknown as HelperWorkerLike;
    const offload = createHelperOffload(worker);
    worker.postMessage({ type: 'init', wasmPaths });
    return offload;
  } catch (e) {
    console.warn(`no λ(H_a) helper: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

const host = createEngineHost({
  post,
  userData: createUserDataStore(browserImageDecoder),
  // Relative URLs would resolve against this worker's script, so the asset base is made absolute.
  loadAsset: fetchAssetLoader(new URL(`${import.meta.env.BASE_URL}data/`, scope.location.origin).href),
  backendOptions: { wasmPaths, wasmThreads },
  onBackend: watchDevice,
  startHessianHelper: spawnHessianHelper,
});

scope.addEventListener('message', (e: MessageEvent<WorkerRequest>) => host.handle(e.data));
scope.addEventListener('unhandledrejection', (e) => {
  post({ type: 'failure', id: null, kind: 'crash', message: `uncaught error in the engine: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}` });
});
post({ type: 'ready' });
// A worker that dies without an error (killed, hung in a loop) sends nothing more: this beat's absence tells the page.
setInterval(() => post({ type: 'heartbeat' }), HEARTBEAT_MS);

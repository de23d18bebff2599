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
import { HEARTBEAT_MS, threadsFromName, type WorkerRequest, type WorkerResponse } from './protocol';

// The worker owns the engine, the only place tfjs lives in the app. The page talks to it through protocol.ts
// (see client.ts).

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerResponse) => scope.postMessage(m);
const abs = (url: string) => new URL(url, scope.location.href).href;

/** A lost GPU device leaves tfjs unusable: report it so the page restarts the worker. */
const watchDevice = () => watchDeviceLoss((message) => post({ type: 'failure', id: null, kind: 'device-lost', message }));

/** Every core (the engine is the page's only heavy work while it runs), or fewer when the page's setting asks. */
function wasmThreadCount(): number {
  const cores = Math.max(1, scope.navigator.hardwareConcurrency || 1);
  return Math.min(cores, threadsFromName(scope.name) ?? cores);
}

const host = createEngineHost({
  post,
  userData: createUserDataStore(browserImageDecoder),
  // Relative URLs would resolve against this worker's script, so the asset base is made absolute.
  loadAsset: fetchAssetLoader(new URL(`${import.meta.env.BASE_URL}data/`, scope.location.origin).href),
  backendOptions: {
    wasmPaths: {
      'tfjs-backend-wasm.wasm': abs(wasmPlain),
      'tfjs-backend-wasm-simd.wasm': abs(wasmSimd),
      'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreaded),
    },
    wasmThreads: wasmThreadCount(),
  },
  onBackend: watchDevice,
});

scope.addEventListener('message', (e: MessageEvent<WorkerRequest>) => host.handle(e.data));
scope.addEventListener('unhandledrejection', (e) => {
  post({ type: 'failure', id: null, kind: 'crash', message: `uncaught error in the engine: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}` });
});
post({ type: 'ready' });
// A worker that dies without an error (killed, hung in a loop) sends nothing more: this beat's absence tells the page.
setInterval(() => post({ type: 'heartbeat' }), HEARTBEAT_MS);

import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { initBackend } from '../../../src/engine/backend';
import type { BackendName } from '../../../src/engine/contract/config';
import { probeHessian, type HessianProbe } from './hessian-probe';

// Test-only page (never in the product build): measures the same H v and λ(H_a) on each browser backend in turn
// and leaves plain numbers on window.__results for backend-agreement.test.ts.

export interface BackendProbe {
  requested: BackendName;
  /** The backend initBackend settled on; a fallback means the requested one failed. */
  name: string | null;
  fallbackReason: string | null;
  error: string | null;
  probe: HessianProbe | null;
  ms: number;
}

export interface ProbeResults {
  done: boolean;
  crossOriginIsolated: boolean;
  backends: BackendProbe[];
}

const wasmPaths = {
  'tfjs-backend-wasm.wasm': new URL(wasmPlain, location.href).href,
  'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, location.href).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreaded, location.href).href,
};

const requested = (new URLSearchParams(location.search).get('backends') ?? 'cpu,wasm,webgl,webgpu').split(',') as BackendName[];
const results: ProbeResults = { done: false, crossOriginIsolated, backends: [] };
(window as unknown as { __results: ProbeResults }).__results = results;

for (const name of requested) {
  const start = performance.now();
  const entry: BackendProbe = { requested: name, name: null, fallbackReason: null, error: null, probe: null, ms: 0 };
  try {
    const choice = await initBackend(name, { wasmPaths });
    entry.name = choice.name;
    entry.fallbackReason = choice.fallbackReason;
    if (choice.name === name) entry.probe = await probeHessian();
  } catch (e) {
    entry.error = e instanceof Error ? e.message : String(e);
  }
  entry.ms = performance.now() - start;
  results.backends.push(entry);
}
results.done = true;

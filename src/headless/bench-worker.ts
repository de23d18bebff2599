/// <reference lib="webworker" />
import { archBenchModels, cnnBenchModels, randomBenchData } from '../cli/bench-models';
import { initBackend } from '../engine/backend';
import { measureSpeed } from '../engine/experiment/measure-speed';
import { ownFilterGradReady } from '../engine/kernels/own-filter-grad';
import { useOwnKernels } from '../engine/kernels/own-kernels';
import type { BenchRequest, BenchRow } from './bench-protocol';
import { wasmPaths } from './wasm-paths';

// The browser bench's measurements, in a worker as the product's engine runs (wasm threads and WebGPU behave there
// as they do in the app): each backend in turn, each model, the same measureSpeed as `npm run bench` in Node.

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', async (e: MessageEvent<BenchRequest>) => {
  const { backends, samples, set, softwareGpu, kernels, threads: wantThreads } = e.data;
  const models = [...(set === 'arch' ? [] : cnnBenchModels), ...(set === 'cnn' ? [] : archBenchModels)];
  for (const requested of backends) {
    let backend: string | null = null;
    let threads: number | null = null;
    let failure: string | null = null;
    try {
      const choice = await initBackend(requested, { wasmPaths: wasmPaths(scope.location.href), wasmThreads: wantThreads ?? Math.max(1, scope.navigator.hardwareConcurrency || 1) });
      backend = choice.name;
      threads = choice.threads ?? null;
      if (choice.name !== requested) failure = `fell back to ${choice.name}: ${choice.fallbackReason ?? 'unknown reason'}`;
    } catch (err) {
      failure = err instanceof Error ? err.message : String(err);
    }
    for (const m of models) for (const k of kernels) {
      useOwnKernels(k === 'own');
      const n = m.spec.kind === 'cnn' ? samples : Math.max(64, Math.round(samples / 4));
      const row: BenchRow = { requested, backend, threads, kernels: k, simdFilterGrad: !failure && ownFilterGradReady(), model: m.label, parameters: 0, samples: n, train: 0, forward: 0, error: failure };
      if (!failure && softwareGpu && backend === 'webgpu' && m.spec.kind !== 'cnn') {
        row.error = 'skipped: the WebGPU adapter is SwiftShader (software); run with --gpu on a machine with a GPU';
      } else if (!failure) {
        try {
          Object.assign(row, await measureSpeed(m.spec, randomBenchData(m.spec, n), m.optimizer, m.spec.kind === 'cnn' ? 2 : 1));
        } catch (err) {
          row.error = err instanceof Error ? err.message : String(err);
        }
      }
      scope.postMessage({ type: 'row', row });
    }
  }
  useOwnKernels(true);
  scope.postMessage({ type: 'done' });
});

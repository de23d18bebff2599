import type { BenchReport, BenchRequest, BenchRow, BenchSet, KernelChoice } from './bench-protocol';

// `npm run bench:browser`'s page (never in the product build): starts the bench worker with the query's request and
// leaves the numbers on window.__bench as they come, for src/cli/bench-browser.ts to read.

async function adapterName(): Promise<string | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } }).gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter();
  if (!adapter) return null;
  const info = adapter.info ?? {};
  return [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unnamed adapter';
}

const query = new URLSearchParams(location.search);
const adapter = await adapterName().catch(() => null);
const request: BenchRequest = {
  backends: (query.get('backends') ?? 'wasm').split(',') as BenchRequest['backends'],
  samples: Number(query.get('samples') ?? 1024),
  set: (query.get('set') ?? 'all') as BenchSet,
  softwareGpu: adapter !== null && /swiftshader/i.test(adapter),
  kernels: (query.get('kernels') ?? 'own').split(',') as KernelChoice[],
  threads: Number(query.get('threads')) >= 1 ? Math.floor(Number(query.get('threads'))) : null,
};
const report: BenchReport = {
  done: false,
  crossOriginIsolated,
  hardwareConcurrency: navigator.hardwareConcurrency,
  userAgent: navigator.userAgent,
  adapter,
  rows: [],
};
(window as unknown as { __bench: BenchReport }).__bench = report;

const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: 'bench' });
worker.addEventListener('message', (e: MessageEvent<{ type: 'row'; row: BenchRow } | { type: 'done' }>) => {
  if (e.data.type === 'row') report.rows.push(e.data.row);
  else report.done = true;
});
worker.addEventListener('error', (e) => {
  report.rows.push({ requested: request.backends[0], backend: null, threads: null, kernels: 'own', simdFilterGrad: false, model: '(worker)', parameters: 0, samples: 0, train: 0, forward: 0, error: e.message || 'the bench worker failed' });
  report.done = true;
});
worker.postMessage(request);

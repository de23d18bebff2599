import { parseArgs } from 'node:util';
import type { BenchReport, BenchRow } from '../headless/bench-protocol';
import { cnnBenchModels } from './bench-models';
import { torchLine } from './bench-training';
import { openHeadlessPage } from './headless';

// `npm run bench:browser`: the engine's training and forward speed inside headless Chromium, per backend, in a
// worker as the app runs it (src/headless/bench-*.ts), then the same CNNs in PyTorch on the same machine at the wasm
// thread count. Prints numbers, asserts nothing. Flags: --backends=wasm,webgpu --samples=1024 --set=cnn|arch|all
// --kernels=own|stock|own,stock (time our CPU kernels, tfjs's stock ones, or both in turn) --threads=N (wasm threads,
// default the page's) --gpu (tell Chromium to use the machine's GPU: Vulkan, blocklist ignored) --timeout=1800 (s).

const POLL_MS = 2_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      backends: { type: 'string', default: 'wasm,webgpu' },
      samples: { type: 'string', default: '1024' },
      set: { type: 'string', default: 'all' },
      gpu: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '1800' },
      kernels: { type: 'string', default: 'own' },
      threads: { type: 'string', default: '' },
    },
  });
  const samples = Number(values.samples);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`Pruning Fairness Playground browser bench — ${new Date().toISOString()}`);
  const query = new URLSearchParams({ backends: values.backends, samples: String(samples), set: values.set, kernels: values.kernels, threads: values.threads }).toString();
  const headless = await openHeadlessPage('src/headless/bench.html', { gpu: values.gpu, query });
  try {
    const errors: string[] = [];
    headless.page.on('pageerror', (e) => errors.push(e.message));
    const deadline = Date.now() + Number(values.timeout) * 1000;
    let shown = 0;
    let headed = false;
    let report: BenchReport | null = null;
    for (;;) {
      report = await headless.page.evaluate(() => (window as unknown as { __bench?: BenchReport }).__bench ?? null);
      if (report && !headed) {
        headed = true;
        log(`Chromium: ${report.userAgent}`);
        log(`cross-origin isolated: ${report.crossOriginIsolated}, hardwareConcurrency ${report.hardwareConcurrency}, WebGPU adapter: ${report.adapter ?? 'none'}`);
      }
      for (; report && shown < report.rows.length; shown++) log(rowLine(report.rows[shown]));
      if (report?.done || errors.length) break;
      if (Date.now() > deadline) throw new Error(`the bench did not finish in ${values.timeout} s`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    if (errors.length) throw new Error(`page error: ${errors[0]}`);
    // PyTorch on the wasm rows' thread count: the issue's target is ≥ 1.0× at the same thread count.
    for (const row of report?.rows ?? []) {
      const model = cnnBenchModels.find((m) => m.label === row.model);
      if (!model || row.backend !== 'wasm' || row.error || model.spec.kind !== 'cnn' || row.kernels !== 'own') continue;
      log(`wasm ${row.model} vs PyTorch:`);
      log(torchLine(model.spec, row.samples, row.threads ?? 1, row.train, row.forward));
    }
  } finally {
    await headless.close();
  }
}

function rowLine(r: BenchRow): string {
  const name = `${(r.backend ?? r.requested).padEnd(6)}${r.threads ? ` ${r.threads} thr` : ''} ${r.kernels.padEnd(5)}${r.simdFilterGrad ? ' +simd' : ''}`;
  if (r.error) return `${name} ${r.model}: ${r.error}`;
  return `${name} ${r.model.padEnd(36)} [${String(r.parameters).padStart(8)} params]: training ${r.train.toFixed(1).padStart(8)} samples/s, forward ${r.forward.toFixed(0).padStart(7)} samples/s (${r.samples} samples)`;
}

main().catch((e) => {
  process.stderr.write(`bench:browser failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

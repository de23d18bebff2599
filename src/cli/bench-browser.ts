import { parseArgs } from 'node:util';
import type { BenchReport, BenchRow } from '../headless/bench-protocol';
import { againstTorchLine, type Speed } from './bench-against-torch';
import { cnnBenchModels } from './bench-models';
import { torchSpeed, type TorchSpeed } from './bench-torch';
import { openHeadlessPage } from './headless';

// `npm run bench:browser`: the engine's training and forward speed inside headless Chromium, per backend, in a
// worker as the app runs it (src/headless/bench-*.ts), then the same CNNs in PyTorch on the same machine at the wasm
// thread count. Prints numbers, asserts nothing. Flags: --backends=wasm,webgpu --samples=1024 --set=cnn|arch|all
// --kernels=own|stock|own,stock (time our CPU kernels, tfjs's stock ones, or both in turn) --threads=N (wasm threads,
// default the page's) --gpu (tell Chromium to use the machine's GPU: Vulkan, blocklist ignored) --timeout=1800 (s)
// --rounds=3 (the page's bench run that many times, each followed by one PyTorch process per wasm CNN: the ratio is
// taken between the best of each side, bench-against-torch.ts says why).

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
      rounds: { type: 'string', default: '3' },
    },
  });
  const samples = Number(values.samples);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`Pruning Fairness Playground browser bench — ${new Date().toISOString()}`);
  const query = new URLSearchParams({ backends: values.backends, samples: String(samples), set: values.set, kernels: values.kernels, threads: values.threads }).toString();
  const deadline = Date.now() + Number(values.timeout) * 1000;
  const rounds = Math.max(1, Math.floor(Number(values.rounds)) || 1);
  // Per wasm CNN row of our kernels: our runs, and the PyTorch process after each (or why PyTorch could not run).
  const against = new Map<string, { ours: Speed[]; torch: TorchSpeed[] | string }>();
  for (let r = 0; r < rounds; r++) {
    if (rounds > 1) log(`round ${r + 1} of ${rounds}`);
    const rows = await benchPage(query, values.gpu, deadline, log, r === 0);
    // PyTorch on the wasm rows' thread count: the issue's target is ≥ 1.0× at the same thread count.
    for (const row of rows) {
      const model = cnnBenchModels.find((m) => m.label === row.model);
      if (!model || row.backend !== 'wasm' || row.error || model.spec.kind !== 'cnn' || row.kernels !== 'own') continue;
      const a = against.get(row.model) ?? { ours: [], torch: [] };
      against.set(row.model, a);
      a.ours.push({ train: row.train, forward: row.forward });
      if (typeof a.torch === 'string') continue;
      const t = torchSpeed(model.spec, row.samples, row.threads ?? 1);
      if (typeof t === 'string') a.torch = t;
      else a.torch.push(t);
    }
  }
  for (const [model, { ours, torch }] of against) {
    log(`wasm ${model} vs PyTorch:`);
    log(againstTorchLine(ours, torch));
  }
}

/** One run of the bench page (src/headless/bench.html) in a fresh headless Chromium: its rows, printed as they come. */
async function benchPage(query: string, gpu: boolean, deadline: number, log: (s: string) => void, describe: boolean): Promise<BenchRow[]> {
  const headless = await openHeadlessPage('src/headless/bench.html', { gpu, query });
  try {
    const errors: string[] = [];
    headless.page.on('pageerror', (e) => errors.push(e.message));
    let shown = 0;
    let headed = !describe;
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
      if (Date.now() > deadline) throw new Error('the bench did not finish in time (--timeout)');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    if (errors.length) throw new Error(`page error: ${errors[0]}`);
    return report?.rows ?? [];
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

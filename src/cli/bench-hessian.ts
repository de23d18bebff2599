import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '../engine/backend';
import { imageBatch, type Dataset } from '../engine/data/dataset';
import { MNIST_ASSET, parseMnistAsset } from '../engine/data/mnist';
import { nodeAssetLoader } from '../engine/data/node-assets';
import { errorMessage } from '../engine/contract/events';
import { defaultConfig } from '../engine/contract/config';
import { hessianSubset, topHessianEigen } from '../engine/metrics/hessian';
import { randomUnitVector } from '../engine/metrics/power-iteration';
import { initWeights, type Weights } from '../engine/model/params';
import type { CnnSpec, ModelSpec } from '../engine/model/spec';
import { createRng } from '../engine/random';
import { train } from '../engine/train/train-loop';
import { randomDigitData } from './bench-data';
import { modelFileStem, saveModel } from './save-models';

// Issue 3: how fast are exact HVPs and λ(H_a) in Node on wasm, and do they agree with PyTorch's double backward
// on the same weights, samples and start vector? Prints numbers, asserts nothing.

const SEED = 1;
const MAX_SAMPLES = 512;
const TOLERANCE = 1e-3;
const MAX_ITERATIONS = 100;
const BATCH = 128;

export interface GroupRun {
  name: string;
  indices: Int32Array;
  value: number;
  iterations: number;
  converged: boolean;
  residual: number | null;
  seconds: number;
}

interface TorchRun {
  group: string;
  value: number;
  iterations: number;
  converged: boolean;
  seconds: number;
}

export async function benchHessian(): Promise<string[]> {
  const lines: string[] = [];
  const backend = await initBackend('wasm');
  const { data, note } = await loadData();
  const m = defaultConfig().model;
  const spec: CnnSpec = { kind: 'cnn', inputShape: data.imageShape, numClasses: 10, convFilters: m.convFilters, dense: m.dense, activation: m.activation };
  lines.push(`backend ${backend.name}; data: ${note}`);
  lines.push(`model: default CNN (conv ${spec.convFilters.join('-')}, dense ${spec.dense.join('-')}, ${spec.activation}); ≤ ${MAX_SAMPLES} samples per group, tolerance ${TOLERANCE}, batch ${BATCH}`);
  const t0 = performance.now();
  const trained = await train({ spec, weights: initWeights(spec, SEED), data, epochs: 1, batchSize: 64, seed: SEED, optimizer: 'adam', learningRate: 3e-3, momentum: 0.9, phase: 'bench' });
  lines.push(`weights: 1 epoch of Adam on ${data.labels.length} samples (${((performance.now() - t0) / 1000).toFixed(1)} s), so λ is measured at a trained point`);

  const opts = { tolerance: TOLERANCE, maxIterations: MAX_ITERATIONS, maxSamples: MAX_SAMPLES, seed: SEED, batchSize: BATCH };
  await topHessianEigen(spec, trained.weights, data, { ...opts, group: 0, maxIterations: 1 }); // warm-up
  const runs: GroupRun[] = [];
  for (let a = 0; a < data.groupNames.length; a++) {
    const t = performance.now();
    const r = await topHessianEigen(spec, trained.weights, data, { ...opts, group: a });
    const seconds = (performance.now() - t) / 1000;
    runs.push({ name: data.groupNames[a], indices: hessianSubset(data, a, MAX_SAMPLES, SEED), value: r.value, iterations: r.iterations, converged: r.converged, residual: r.residual, seconds });
  }
  let lanczosHvps = 0;
  let lanczosSecs = 0;
  let lanczosDiff = 0;
  for (let a = 0; a < data.groupNames.length; a++) {
    const t = performance.now();
    const r = await topHessianEigen(spec, trained.weights, data, { ...opts, group: a, method: 'lanczos' });
    lanczosSecs += (performance.now() - t) / 1000;
    lanczosHvps += r.iterations;
    lanczosDiff = Math.max(lanczosDiff, Math.abs(r.value - runs[a].value) / Math.abs(runs[a].value));
  }
  const [torch, ...moreThreads] = await runTorch(spec, trained.weights, data, runs);
  lines.push('group   n    λ(H_a) ours  resid    HVPs   s     ms/HVP   | λ torch      HVPs   s     ms/HVP  | rel diff  time ratio');
  let oursTotal = 0;
  let torchTotal = 0;
  let worst = 0;
  for (const r of runs) {
    const ours = `${r.name.padEnd(6)} ${String(r.indices.length).padStart(4)}  ${fmt(r.value)}${r.converged ? ' ' : '*'} ${r.residual === null ? '    -   ' : r.residual.toExponential(1).padStart(8)} ${String(r.iterations).padStart(4)}  ${r.seconds.toFixed(2).padStart(5)}  ${((1000 * r.seconds) / r.iterations).toFixed(0).padStart(6)}`;
    const ref = torch.runs?.find((x) => x.group === r.name);
    if (!ref) {
      lines.push(ours);
      continue;
    }
    const diff = Math.abs(r.value - ref.value) / Math.abs(ref.value);
    worst = Math.max(worst, diff);
    oursTotal += r.seconds;
    torchTotal += ref.seconds;
    lines.push(`${ours}   | ${fmt(ref.value)}${ref.converged ? ' ' : '*'} ${String(ref.iterations).padStart(4)}  ${ref.seconds.toFixed(2).padStart(5)}  ${((1000 * ref.seconds) / ref.iterations).toFixed(0).padStart(6)}  | ${(100 * diff).toFixed(3).padStart(6)}%  ${(r.seconds / ref.seconds).toFixed(2)}x`);
  }
  const hvps = runs.reduce((s, r) => s + r.iterations, 0);
  const secs = runs.reduce((s, r) => s + r.seconds, 0);
  const samples = runs.reduce((s, r) => s + r.iterations * r.indices.length, 0);
  lines.push(`ours: ${hvps} HVPs in ${secs.toFixed(1)} s = ${(hvps / secs).toFixed(2)} HVPs/s (${(samples / secs).toFixed(0)} sample-HVPs/s); * = not converged in ${MAX_ITERATIONS}; resid = ‖Hv − λv‖/|λ|`);
  const threads = (t: TorchResult) => `${t.threads} thread${t.threads === 1 ? '' : 's'}`;
  lines.push(`ours, Lanczos at the same tolerance: ${lanczosHvps} HVPs in ${lanczosSecs.toFixed(1)} s; max |λ_Lanczos - λ_power| / λ_power = ${lanczosDiff.toExponential(1)}`);
  if (torch.runs) {
    lines.push(`PyTorch ${torch.version} (${threads(torch)}, float32): total ${torchTotal.toFixed(1)} s; ours (wasm, 1 thread)/torch time ${(oursTotal / torchTotal).toFixed(2)}x (target ≤ 1.5x); worst λ rel diff ${(100 * worst).toFixed(4)}% (target ≤ 2%)`);
    for (const t of moreThreads) {
      if (!t.runs) continue;
      const total = t.runs.reduce((sum, r) => sum + r.seconds, 0);
      lines.push(`PyTorch with ${threads(t)}: total ${total.toFixed(1)} s; ours/torch time ${(oursTotal / total).toFixed(2)}x`);
    }
  } else {
    lines.push(`PyTorch reference skipped: ${torch.reason}`);
  }
  return lines;
}

const fmt = (v: number) => v.toPrecision(6).padStart(11);

export async function loadData(): Promise<{ data: Dataset; note: string }> {
  try {
    const all = parseMnistAsset(await nodeAssetLoader(MNIST_ASSET));
    return { data: all, note: `MNIST (${all.labels.length} shipped digits; group = digit)` };
  } catch (e) {
    const data = randomDigitData(5120, 10, createRng(SEED, 'bench-hessian-data'), 'random');
    return { data, note: `RANDOM 28x28 data of MNIST's shape (MNIST unavailable: ${errorMessage(e)})` };
  }
}

export function findTorchPython(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

export interface TorchResult {
  runs: TorchRun[] | null;
  reason?: string;
  threads?: number;
  version?: string;
}

/**
 * Writes the model as `--save-models` does (docs/formats.md: the script loads that format, so the bench also checks it),
 * and the samples and start vector as raw little-endian float32/int32 plus a manifest; then runs the script with
 * torch's default thread count and, when the machine has more cores, with all of them.
 */
export async function runTorch(spec: ModelSpec, weights: Weights, data: Dataset, runs: GroupRun[], opts = { tolerance: TOLERANCE, maxIterations: MAX_ITERATIONS, batchSize: BATCH }): Promise<TorchResult[]> {
  const py = findTorchPython();
  if (py === null) return [{ runs: null, reason: 'PyTorch is not importable (apt-get install -y python3-torch)' }];
  const dir = mkdtempSync(join(tmpdir(), 'pfp-hessian-'));
  try {
    const write = (name: string, a: Float32Array | Int32Array) => {
      writeFileSync(join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      return name;
    };
    const shapes = weights.specs.map((p) => p.shape);
    const start = randomUnitVector(shapes, SEED);
    await saveModel(dir, { seed: SEED, mode: 'none', version: null, rate: 0, spec, weights, hessianSamples: null });
    const manifest = {
      model: join('models', `${modelFileStem(SEED, 'none', null, 0)}.json`),
      tolerance: opts.tolerance,
      maxIterations: opts.maxIterations,
      batchSize: opts.batchSize,
      start: start.map((v, i) => ({ shape: shapes[i], file: write(`start-${i}.f32`, v) })),
      groups: runs.map((r, k) => ({
        name: r.name,
        n: r.indices.length,
        x: write(`x-${k}.f32`, imageBatch(data, r.indices)),
        labels: write(`y-${k}.i32`, Int32Array.from(r.indices, (i) => data.labels[i])),
      })),
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const script = fileURLToPath(new URL('../../scripts/torch_hessian.py', import.meta.url));
    const run = (threads: number | null): TorchResult => {
      const out = spawnSync(py, [script, dir, ...(threads === null ? [] : [String(threads)])], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (out.status !== 0) return { runs: null, reason: `torch_hessian.py failed: ${out.stderr.trim().split('\n').slice(-3).join(' ')}` };
      const rows = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const meta = rows.find((r) => 'threads' in r) as { threads: number; torch: string } | undefined;
      return { runs: rows.filter((r) => 'group' in r) as unknown as TorchRun[], threads: meta?.threads, version: meta?.torch };
    };
    const first = run(null);
    const cores = cpus().length;
    return first.runs && first.threads !== undefined && first.threads < cores ? [first, run(cores)] : [first];
  } finally {
    if (process.env.PFP_KEEP_TORCH_DIR) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

import { initBackend } from '../engine/backend';
import { hessianSubset, topHessianEigen } from '../engine/metrics/hessian';
import { initWeights } from '../engine/model/params';
import { paramCount, type ResNetSpec } from '../engine/model/spec';
import { train } from '../engine/train/train-loop';
import { loadData, runTorch, type GroupRun } from './bench-hessian';

// Issue 10: λ(H_a) of a ResNet-8 with BatchNorm (evaluation mode) against PyTorch's double backward on the same
// weights, samples and start vector; PyTorch uses its own strided convolutions and F.batch_norm, so this also checks
// our stride-2-by-subsampling and the saved layout. Small on purpose (widths ×0.25, 64 samples, 2 groups): every
// number here is a whole power iteration on one wasm thread.

const SEED = 1;
const SAMPLES = 64;
const TOLERANCE = 1e-3;
const MAX_ITERATIONS = 60;
const BATCH = 32;

export async function benchHessianResnet(): Promise<string[]> {
  const backend = await initBackend('wasm');
  const { data, note } = await loadData();
  const spec: ResNetSpec = { kind: 'resnet', inputShape: data.imageShape, numClasses: 10, layout: 'resnet8', widthMultiplier: 0.25, normalization: 'batch', activation: 'relu' };
  const lines = [`backend ${backend.name}; data: ${note}`];
  const sub = { ...data, images: data.images.subarray(0, 1024 * 784), labels: data.labels.subarray(0, 1024), groups: data.groups.subarray(0, 1024) };
  const t0 = performance.now();
  const trained = await train({ spec, weights: initWeights(spec, SEED), data: sub, epochs: 1, batchSize: 64, seed: SEED, optimizer: 'sgd', learningRate: 0.05, momentum: 0.9, phase: 'bench' });
  lines.push(`model: ResNet-8 ×0.25 (${paramCount(trained.weights.specs)} params, BatchNorm), 1 epoch of SGD on 1024 samples (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const opts = { tolerance: TOLERANCE, maxIterations: MAX_ITERATIONS, maxSamples: SAMPLES, seed: SEED, batchSize: BATCH };
  const runs: GroupRun[] = [];
  for (const a of [0, 1]) {
    const t = performance.now();
    const r = await topHessianEigen(spec, trained.weights, data, { ...opts, group: a });
    runs.push({ name: data.groupNames[a], indices: hessianSubset(data, a, SAMPLES, SEED), value: r.value, iterations: r.iterations, converged: r.converged, residual: r.residual, seconds: (performance.now() - t) / 1000 });
  }
  const [torch] = await runTorch(spec, trained.weights, data, runs, { tolerance: TOLERANCE, maxIterations: MAX_ITERATIONS, batchSize: BATCH });
  let worst = 0;
  for (const r of runs) {
    const ref = torch.runs?.find((x) => x.group === r.name);
    const diff = ref ? Math.abs(r.value - ref.value) / Math.abs(ref.value) : NaN;
    worst = Math.max(worst, diff);
    lines.push(
      `group ${r.name}: λ ours ${r.value.toPrecision(6)} (${r.iterations} HVPs, ${r.seconds.toFixed(1)} s${r.converged ? '' : ', not converged'})` +
        (ref ? ` | torch ${ref.value.toPrecision(6)} (${ref.iterations} HVPs, ${ref.seconds.toFixed(1)} s) | rel diff ${(100 * diff).toFixed(3)}%` : ''),
    );
  }
  lines.push(torch.runs ? `worst λ rel diff ${(100 * worst).toFixed(3)}% (target ≤ 2%)` : `PyTorch reference skipped: ${torch.reason}`);
  return lines;
}

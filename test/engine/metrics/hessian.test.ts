import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { imageBatch } from '../../../src/engine/data/dataset';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { topHessianEigen } from '../../../src/engine/metrics/hessian';
import { lanczos, lanczosBasisCap } from '../../../src/engine/metrics/lanczos';
import { powerIteration } from '../../../src/engine/metrics/power-iteration';
import { createHvp } from '../../../src/engine/metrics/hvp';
import { initWeights } from '../../../src/engine/model/params';
import type { CnnSpec, MlpSpec } from '../../../src/engine/model/spec';
import { dominant, jacobiEigenvalues, randomDataset } from './hessian-test-utils';

// A relative residual of 1e-5: tight, and within reach of float32 Hessian-vector products (whose own rounding puts
// a floor near 1e-6 under the measured residual).
const tight = { tolerance: 1e-5, maxIterations: 500, maxSamples: 10000, seed: 3 };

describe('Lanczos', () => {
  // 40 eigenvalues with a slow tail: the top pair 10 and 9.8 is close, so the Krylov space needs many vectors.
  const spectrum = Array.from({ length: 40 }, (_, i) => (i === 0 ? 10 : i === 1 ? 9.8 : 9 * Math.exp(-i / 8)));
  const start = [Float32Array.from({ length: 40 }, (_, i) => 1 + ((i * 7) % 5) / 10)];

  it('restarted from its Ritz vector past a basis cap, it still finds the top eigenvalue and counts every product', async () => {
    await tf.setBackend('cpu');
    const d = tf.tensor1d(spectrum);
    const hvp = (v: tf.Tensor[]) => [tf.mul(d, v[0])];
    const opts = { tolerance: 1e-6, maxIterations: 400, seed: 1 };
    const full = await lanczos(hvp, [[40]], start, opts, 50);
    const capped = await lanczos(hvp, [[40]], start, opts, 4);
    d.dispose();
    for (const r of [full, capped]) {
      expect(r.converged).toBe(true);
      expect(Math.abs(r.value - 10)).toBeLessThan(1e-4);
    }
    // A 4-vector basis forgets what it learnt at each restart: it needs more products than the unbounded one.
    expect(capped.iterations).toBeGreaterThan(full.iterations);
    expect(Math.abs(capped.vector[0][0])).toBeGreaterThan(0.99);
  });

  it('caps its basis at 64 MB of float64 vectors, between 8 and 50 of them', () => {
    expect(lanczosBasisCap([[1000]])).toBe(50);
    expect(lanczosBasisCap([[3, 3, 64, 64], [663136]])).toBe(11); // 700,000 parameters: 5.6 MB a vector
    expect(lanczosBasisCap([[10_000_000]])).toBe(8);
  });
});

describe('power iteration', () => {
  it('finds the dominant eigenvalue of an explicit matrix, and a warm start from its eigenvector converges at once', async () => {
    await tf.setBackend('cpu');
    const diag = tf.tensor1d([1, -2, 5, 0.5]);
    const hvp = (v: tf.Tensor[]) => [tf.mul(diag, v[0])];
    const cold = await powerIteration(hvp, [[4]], { tolerance: 1e-10, maxIterations: 500, seed: 1 });
    expect(cold.value).toBeCloseTo(5, 6);
    expect(cold.converged).toBe(true);
    expect(Math.abs(cold.vector[0][2])).toBeCloseTo(1, 4);
    const warm = await powerIteration(hvp, [[4]], { tolerance: 1e-10, maxIterations: 500, seed: 1, warmStart: cold.vector });
    expect(warm.value).toBeCloseTo(5, 6);
    expect(warm.iterations).toBeLessThanOrEqual(2);
    expect(warm.iterations).toBeLessThan(cold.iterations);
    diag.dispose();
  });

  // Top eigenvalues 1 and 0.95 and a start vector mostly along the second: λ = vᵀHv creeps up slowly (a plateau).
  const spectrum = [1, 0.95, 0.5, 0.2, 0.1, -0.3];
  const start = [0.2, 1, 0.5, 0.5, 0.5, 0.5];
  const diagHvp = (d: tf.Tensor1D) => (v: tf.Tensor[]) => [tf.mul(d, v[0])];

  /** The old stopping rule (PyHessian's), in float64: stop when |λ_k − λ_{k−1}| / (|λ_{k−1}| + 1e-6) < tolerance. */
  function oldRule(tolerance: number, maxIterations: number) {
    const norm = Math.hypot(...start);
    let v = start.map((x) => x / norm);
    let previous: number | null = null;
    for (let k = 1; k <= maxIterations; k++) {
      const hv = v.map((x, i) => spectrum[i] * x);
      const lambda = hv.reduce((s, x, i) => s + x * v[i], 0);
      if (previous !== null && Math.abs(previous - lambda) / (Math.abs(previous) + 1e-6) < tolerance) return { value: lambda, iterations: k, converged: true };
      previous = lambda;
      const n = Math.hypot(...hv);
      v = hv.map((x) => x / n);
    }
    return { value: previous ?? 0, iterations: maxIterations, converged: false };
  }

  it('on a plateau the old rule stops early and claims convergence >0.1% off; the residual rule does not', async () => {
    await tf.setBackend('cpu');
    const d = tf.tensor1d(spectrum);
    const opts = { tolerance: 1e-3, seed: 1, warmStart: [Float32Array.from(start)] };
    const old = oldRule(1e-3, 500);
    expect(old.converged).toBe(true);
    expect(old.iterations).toBeLessThan(10);
    expect(Math.abs(old.value - 1)).toBeGreaterThan(1e-2); // 4.7% off after 6 iterations
    // Given the old rule's iterations, the residual rule runs out of them and says so.
    const short = await powerIteration(diagHvp(d), [[6]], { ...opts, maxIterations: old.iterations });
    expect(short.converged).toBe(false);
    expect(short.residual).toBeGreaterThan(1e-3);
    // Given enough, it stops within 0.1% of the top eigenvalue (its residual test guarantees 0.1% to SOME eigenvalue;
    // here the Rayleigh quotient error is about residual² / gap, far below it).
    const est = await powerIteration(diagHvp(d), [[6]], { ...opts, maxIterations: 500 });
    expect(est.converged).toBe(true);
    expect(est.iterations).toBeGreaterThan(old.iterations);
    expect(Math.abs(est.value - 1)).toBeLessThan(1e-3);
    expect(est.residual).toBeLessThanOrEqual(1e-3);
    d.dispose();
  });

  it('reports the relative residual ‖Hv − λv‖/|λ| of the iterate λ was measured on', async () => {
    await tf.setBackend('cpu');
    const d = tf.tensor1d(spectrum);
    // The k-th iterate of a diagonal H from v₀ is D^(k−1) v₀ / ‖·‖: the oracle computes it in float64.
    const unit = (x: number[]) => x.map((e) => e / Math.hypot(...x));
    const power = (k: number) => unit(start.map((x, i) => x * spectrum[i] ** k));
    for (const maxIterations of [1, 3, 20]) {
      const est = await powerIteration(diagHvp(d), [[6]], { tolerance: 1e-3, maxIterations, seed: 1, warmStart: [Float32Array.from(start)] });
      expect(est.iterations).toBe(maxIterations);
      const v = power(maxIterations - 1);
      const hv = v.map((x, i) => spectrum[i] * x);
      const lambda = hv.reduce((s, x, i) => s + x * v[i], 0);
      const direct = Math.hypot(...hv.map((x, i) => x - lambda * v[i])) / Math.abs(lambda);
      expect(est.value).toBeCloseTo(lambda, 6);
      expect(Math.abs((est.residual as number) - direct)).toBeLessThan(1e-6 + 1e-4 * direct);
      expect(est.converged).toBe(direct <= 1e-3);
      // The vector handed back for a warm start is the next iterate, Hv/‖Hv‖.
      power(maxIterations).forEach((x, i) => expect(est.vector[0][i]).toBeCloseTo(x, 6));
    }
    d.dispose();
  });
});

describe('λ of the loss Hessian against dense references (cpu)', () => {
  it('multinomial logistic regression: λ_max of (1/n) Σ (diag(p) - ppᵀ) ⊗ φφᵀ', async () => {
    installKernels();
    await tf.setBackend('cpu');
    // One dense layer and no hidden layer is logistic regression: logits = xW + b (forward() handles hidden: []).
    const spec: MlpSpec = { kind: 'mlp', inputShape: [2, 3, 1], numClasses: 3, hidden: [], activation: 'relu' };
    const w = initWeights(spec, 5);
    const data = randomDataset(40, [2, 3, 1], 3, 1);
    const d = 6;
    const C = 3;
    const P = d * C + C;
    // Parameter index of (feature j, class k): kernel [d, C] row-major, then the bias (feature j = d, φ_d = 1).
    const idx = (j: number, k: number) => (j < d ? j * C + k : d * C + k);
    const x = imageBatch(data, Int32Array.from({ length: 40 }, (_, i) => i));
    const H = new Float64Array(P * P);
    for (let i = 0; i < 40; i++) {
      const phi = [...Array.from(x.subarray(i * d, (i + 1) * d)), 1];
      const z = Array.from({ length: C }, (_, k) => phi.reduce((s, f, j) => s + f * (j < d ? w.values[0][j * C + k] : w.values[1][k]), 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / sum);
      for (let j = 0; j <= d; j++)
        for (let jj = 0; jj <= d; jj++)
          for (let k = 0; k < C; k++)
            for (let kk = 0; kk < C; kk++) H[idx(j, k) * P + idx(jj, kk)] += (phi[j] * phi[jj] * ((k === kk ? p[k] : 0) - p[k] * p[kk])) / 40;
    }
    const exact = dominant(jacobiEigenvalues(H, P));
    for (const method of ['power', 'lanczos'] as const) {
      const est = await topHessianEigen(spec, w, data, { ...tight, group: null, method });
      expect(est.converged).toBe(true);
      expect(est.residual).toBeLessThanOrEqual(tight.tolerance);
      expect(est.samples).toBe(40);
      expect(Math.abs(est.value - exact) / Math.abs(exact)).toBeLessThan(1e-3);
    }
  });

  it('tiny tanh MLP: the Hessian assembled from HVPs is symmetric and its top eigenvalue matches power iteration', async () => {
    installKernels();
    await tf.setBackend('cpu');
    const spec: MlpSpec = { kind: 'mlp', inputShape: [2, 2, 1], numClasses: 3, hidden: [4], activation: 'tanh' };
    const w = initWeights(spec, 8);
    const data = randomDataset(30, [2, 2, 1], 3, 1, 2);
    const shapes = w.specs.map((p) => p.shape);
    const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
    const P = sizes.reduce((a, b) => a + b, 0);
    const params = w.values.map((v, i) => tf.tensor(v, shapes[i]));
    const all = Int32Array.from({ length: 30 }, (_, i) => i);
    const hvp = createHvp(spec, params, { x: imageBatch(data, all), labels: data.labels, n: 30 }, 7);
    const H = new Float64Array(P * P);
    for (let col = 0; col < P; col++) {
      // e_col, split into the parameter tensors.
      let offset = 0;
      const e = sizes.map((n, t) => {
        const a = new Float32Array(n);
        if (col >= offset && col < offset + n) a[col - offset] = 1;
        offset += n;
        return tf.tensor(a, shapes[t]);
      });
      const hv = hvp.apply(e);
      const flat = (await Promise.all(hv.map((t) => t.data()))).flatMap((a) => Array.from(a));
      flat.forEach((v, row) => (H[row * P + col] = v));
      tf.dispose([...e, ...hv]);
    }
    hvp.dispose();
    tf.dispose(params);
    let asym = 0;
    let norm = 0;
    for (let i = 0; i < P; i++)
      for (let j = 0; j < P; j++) {
        asym += (H[i * P + j] - H[j * P + i]) ** 2;
        norm += H[i * P + j] ** 2;
      }
    expect(Math.sqrt(asym / norm)).toBeLessThan(1e-4);
    const sym = H.map((_, k) => (H[k] + H[(k % P) * P + Math.floor(k / P)]) / 2);
    const exact = dominant(jacobiEigenvalues(sym, P));
    for (const method of ['power', 'lanczos'] as const) {
      const est = await topHessianEigen(spec, w, data, { ...tight, group: null, batchSize: 7, method });
      expect(est.converged).toBe(true);
      expect(Math.abs(est.value - exact) / Math.abs(exact)).toBeLessThan(1e-3);
    }
  });
});

describe('topHessianEigen on a CNN', () => {
  const spec: CnnSpec = { kind: 'cnn', inputShape: [12, 12, 1], numClasses: 3, convFilters: [2, 3], dense: [6, 4], activation: 'relu' };
  const w = initWeights(spec, 6);
  const data = randomDataset(30, [12, 12, 1], 3, 3);

  it('cpu and wasm give the same λ(H_a) at fixed weights (relative 1e-4)', async () => {
    installKernels();
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      // tolerance 0: exactly 40 iterations on both, so rounding cannot change where they stop.
      return topHessianEigen(spec, w, data, { group: 1, tolerance: 0, maxIterations: 40, maxSamples: 1000, seed: 2, batchSize: 4 });
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(cpu.iterations).toBe(40);
    expect(cpu.value).toBeGreaterThan(0);
    expect(Math.abs(cpu.value - wasm.value) / Math.abs(cpu.value)).toBeLessThan(1e-4);
  });

  it.each([
    ['cpu', 'power'],
    ['wasm', 'power'],
    ['wasm', 'lanczos'],
  ] as const)('leaks no tensors across a full run (%s, %s)', async (backend, method) => {
    installKernels();
    await tf.setBackend(backend);
    const before = tf.memory().numTensors;
    const r = await topHessianEigen(spec, w, data, { group: 0, tolerance: 1e-4, maxIterations: 20, maxSamples: 1000, seed: 2, method });
    expect(r.iterations).toBeGreaterThan(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Lanczos agrees with power iteration run to convergence, in fewer products', async () => {
    installKernels();
    await tf.setBackend('wasm');
    const opts = { group: null, maxIterations: 300, maxSamples: 1000, seed: 2, batchSize: 16 };
    const power = await topHessianEigen(spec, w, data, { ...opts, tolerance: 1e-7 });
    const lz = await topHessianEigen(spec, w, data, { ...opts, tolerance: 1e-5, method: 'lanczos' });
    expect(lz.converged).toBe(true);
    expect(Math.abs(lz.value - power.value) / power.value).toBeLessThan(1e-4);
    expect(lz.iterations).toBeLessThan(power.iterations);
  });

  it('caps samples with a seeded subsample, handles an empty group, and warm-starts', async () => {
    installKernels();
    await tf.setBackend('wasm');
    const opts = { tolerance: 1e-4, maxIterations: 100, seed: 4 };
    const a = await topHessianEigen(spec, w, data, { ...opts, group: 2, maxSamples: 6 });
    const b = await topHessianEigen(spec, w, data, { ...opts, group: 2, maxSamples: 6 });
    expect(a.samples).toBe(6);
    expect(b.value).toBe(a.value); // same seed, same subsample, same start: same number
    expect((await topHessianEigen(spec, w, data, { ...opts, group: 2, maxSamples: 1000 })).samples).toBe(10);
    const empty = await topHessianEigen(spec, w, { ...data, groupNames: [...data.groupNames, 'none'] }, { ...opts, group: 3, maxSamples: 10 });
    expect(empty).toMatchObject({ value: 0, samples: 0, iterations: 0 });
    const warm = await topHessianEigen(spec, w, data, { ...opts, group: 2, maxSamples: 6, warmStart: a.vector });
    expect(warm.iterations).toBeLessThan(a.iterations);
    expect(Math.abs(warm.value - a.value) / a.value).toBeLessThan(1e-3);
  });
});

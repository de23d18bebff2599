import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { groupIndices, selectSamples } from '../../../src/engine/data/dataset';
import { evaluateSamples } from '../../../src/engine/metrics/evaluate';
import { gradNorms } from '../../../src/engine/metrics/grad-norm';
import { initWeights, toTensors, type Weights } from '../../../src/engine/model/params';
import type { ModelSpec } from '../../../src/engine/model/spec';
import { tinyCnn, tinyDataset } from '../../helpers/tiny';

beforeAll(async () => {
  await initBackend('cpu');
});

/** J(θ; D) as the mean per-sample loss from the forward pass (log-softmax path, not the training loss code). */
async function meanLoss(spec: ModelSpec, w: Weights, data: ReturnType<typeof tinyDataset>): Promise<number> {
  const params = toTensors(w);
  const s = await evaluateSamples(spec, params, data);
  tf.dispose(params);
  return s.loss.reduce((a, b) => a + b, 0) / s.loss.length;
}

/**
 * ||∇J|| by central finite differences, one coordinate at a time (float64 accumulation on the JS side), over the
 * coordinates `counted` keeps (all by default).
 */
async function finiteDifferenceNorm(
  spec: ModelSpec,
  w: Weights,
  data: ReturnType<typeof tinyDataset>,
  eps: number,
  counted: (p: number, j: number) => boolean = () => true,
): Promise<number> {
  let sq = 0;
  for (let p = 0; p < w.values.length; p++) {
    for (let j = 0; j < w.values[p].length; j++) {
      if (!counted(p, j)) continue;
      const orig = w.values[p][j];
      w.values[p][j] = orig + eps;
      const up = await meanLoss(spec, w, data);
      w.values[p][j] = orig - eps;
      const down = await meanLoss(spec, w, data);
      w.values[p][j] = orig;
      sq += ((up - down) / (2 * eps)) ** 2;
    }
  }
  return Math.sqrt(sq);
}

describe('gradNorms', () => {
  it('matches central finite differences per group and overall on a smooth (softplus) CNN', async () => {
    const spec = tinyCnn('softplus');
    const data = tinyDataset(40, 11);
    const w = initWeights(spec, 4);
    const exact = await gradNorms(spec, toTensors(w), data, 16);
    for (let a = 0; a < 2; a++) {
      const fd = await finiteDifferenceNorm(spec, w, selectSamples(data, groupIndices(data, a)), 1e-2);
      expect(Math.abs(exact.perGroup[a] - fd) / fd).toBeLessThan(5e-3);
    }
    const fdAll = await finiteDifferenceNorm(spec, w, data, 1e-2);
    expect(Math.abs(exact.overall - fdAll) / fdAll).toBeLessThan(5e-3);
  });

  it('over the remaining weights: matches finite differences over the kept coordinates only, and is the full norm when dense', async () => {
    const spec = tinyCnn('softplus');
    const data = tinyDataset(40, 11);
    const w = initWeights(spec, 4);
    // Keep every third coordinate of the first and last parameters; the others are not pruned (null mask).
    const keepOf = (p: number, j: number) => (p === 0 || p === w.values.length - 1 ? j % 3 === 0 : true);
    const keep = w.values.map((v, p) => (p === 0 || p === w.values.length - 1 ? tf.tensor(Float32Array.from(v, (_, j) => (keepOf(p, j) ? 1 : 0)), w.specs[p].shape) : null));
    const params = toTensors(w);
    const masked = await gradNorms(spec, params, data, 16, keep);
    const dense = await gradNorms(spec, params, data, 16);
    for (let a = 0; a < 2; a++) {
      const fd = await finiteDifferenceNorm(spec, w, selectSamples(data, groupIndices(data, a)), 1e-2, keepOf);
      expect(Math.abs(masked.perGroupRemaining[a] - fd) / fd).toBeLessThan(5e-3);
      expect(masked.perGroupRemaining[a]).toBeLessThan(masked.perGroup[a]);
      expect(masked.perGroup[a]).toBe(dense.perGroup[a]);
      expect(dense.perGroupRemaining[a]).toBe(dense.perGroup[a]);
    }
    tf.dispose([...params, ...keep.filter((m): m is tf.Tensor => m !== null)]);
  });

  it('does not depend on the batch size (batches are weighted by their size)', async () => {
    const spec = tinyCnn('relu');
    const data = tinyDataset(70, 12);
    const params = toTensors(initWeights(spec, 5));
    const a = await gradNorms(spec, params, data, 7);
    const b = await gradNorms(spec, params, data, 64);
    a.perGroup.forEach((v, i) => expect(v).toBeCloseTo(b.perGroup[i], 5));
    expect(a.overall).toBeCloseTo(b.overall, 5);
    tf.dispose(params);
  });

  it('leaks no tensors', async () => {
    const spec = tinyCnn('relu');
    const data = tinyDataset(30, 13);
    const params = toTensors(initWeights(spec, 5));
    const before = tf.memory().numTensors;
    await gradNorms(spec, params, data, 8);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(params);
  });

  it('stops between two batches when its signal aborts, its sums freed (the page\'s estimate giving way)', async () => {
    const data = tinyDataset(40, 3);
    const spec = tinyCnn('relu');
    const params = toTensors(initWeights(spec, 2));
    const before = tf.memory().numTensors;
    const stopped = new AbortController();
    stopped.abort();
    await expect(gradNorms(spec, params, data, 8, null, stopped.signal)).rejects.toThrow();
    await expect(evaluateSamples(spec, params, data, 8, stopped.signal)).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(params);
  });
});

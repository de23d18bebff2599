import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { groupIndices, imageBatch, selectSamples } from '../../../src/engine/data/dataset';
import { gradNorms } from '../../../src/engine/metrics/grad-norm';
import { topHessianEigen } from '../../../src/engine/metrics/hessian';
import { fromArrays } from '../../../src/engine/metrics/param-vectors';
import { fullConstraintTerms, relativeGaps, type ConstraintGroup } from '../../../src/engine/mitigate/full-constraints';
import { initWeights, toTensors } from '../../../src/engine/model/params';
import { tinyCnn, tinyDataset } from '../../helpers/tiny';

// A smooth tiny CNN (softplus), where finite differences are a valid oracle for the exact higher-order gradients.
const spec = tinyCnn('softplus');
const data = selectSamples(tinyDataset(60, 4), Int32Array.from({ length: 60 }, (_, i) => i));
const weights = initWeights(spec, 7);
const shapes = weights.specs.map((s) => s.shape);
const perGroup = 8;
const members = [0, 1].map((a) => groupIndices(data, a).slice(0, perGroup));
const sample = selectSamples(data, Int32Array.from([...members[0], ...members[1]]));
const shares = [0.75, 0.25];

let params: tf.Tensor[];
let groups: ConstraintGroup[];

beforeAll(async () => {
  await initBackend('cpu');
  params = toTensors(weights);
  groups = members.map((idx, a) => ({
    x: tf.tensor4d(imageBatch(data, idx), [idx.length, 8, 8, 1]),
    labels: tf.tensor1d(Int32Array.from(idx, (i) => data.labels[i]), 'int32'),
    weight: shares[a],
  }));
});

afterAll(() => {
  tf.dispose([...params, ...groups.flatMap((g) => [g.x, g.labels])]);
});

const randomVector = (seed: number) => params.map((p, k) => tf.randomNormal(p.shape, 0, 1, 'float32', seed * 100 + k + 1));

describe('full constraint terms (Eq. 7)', () => {
  it('have gradients that match central finite differences (double backprop for ||g_a||, triple for vᵀH_a v)', async () => {
    const vectors = { groups: [randomVector(1), randomVector(2)], overall: randomVector(3) };
    // A smooth combination of every term (no |·|, so finite differences have no kink to cross).
    const combo = (...p: tf.Tensor[]) => {
      const t = fullConstraintTerms(spec, p, groups, vectors);
      const c = tf.tensor1d([0.9, -0.4]);
      return tf.addN([tf.sum(tf.mul(t.gradNorm, c)), tf.mul(t.overallGradNorm, -0.7), tf.mul(tf.sum(tf.mul(t.eigen as tf.Tensor, c)), 0.3), tf.mul(t.overallEigen as tf.Scalar, -0.2)]) as tf.Scalar;
    };
    const { grads } = tf.valueAndGrads(combo)(params);
    for (const seed of [11, 12]) {
      const d = randomVector(seed);
      const analytic = (await tf.addN(grads.map((g, k) => tf.sum(tf.mul(g, d[k])))).data())[0];
      // The terms need a gradient scope (see fullConstraintTerms), so values are read from valueAndGrads too.
      const at = async (s: number) => (await tf.valueAndGrads(combo)(params.map((p, k) => tf.add(p, tf.mul(d[k], s)))).value.data())[0];
      const central = async (h: number) => ((await at(h)) - (await at(-h))) / (2 * h);
      // Richardson extrapolation cancels the O(h²) error of central differences (measured: 7% at h = 1e-2).
      const h = 4e-3;
      const numeric = (4 * (await central(h / 2)) - (await central(h))) / 3;
      expect(Math.abs(analytic)).toBeGreaterThan(0.1);
      expect(Math.abs(numeric - analytic) / Math.abs(analytic)).toBeLessThan(1e-3);
    }
  });

  it('measure the same ||g_a|| as the metrics and the same λ(H_a) as the power iteration at its eigenvector', async () => {
    const norms = await gradNorms(spec, params, sample);
    // λ(H_a) from the Hessian helper, on the same samples, and its eigenvector as v_a.
    const eig = await Promise.all([0, 1].map((a) => topHessianEigen(spec, weights, sample, { group: a, tolerance: 1e-6, maxIterations: 300, maxSamples: 1000, seed: 3 })));
    const vectors = { groups: eig.map((e) => fromArrays(e.vector, shapes)), overall: randomVector(5) };
    let values: number[] = [];
    tf.grads((...p: tf.Tensor[]) => {
      const t = fullConstraintTerms(spec, p, groups, vectors);
      values = [...t.gradNorm.dataSync(), ...(t.eigen as tf.Tensor).dataSync()];
      return tf.sum(t.gradNorm) as tf.Scalar;
    })(params);
    for (const a of [0, 1]) {
      expect(values[a]).toBeCloseTo(norms.perGroup[a], 5);
      expect(Math.abs(values[2 + a] - eig[a].value) / Math.abs(eig[a].value)).toBeLessThan(1e-3);
    }
  });

  it('give relative gaps whose gradient is the absolute gap gradient over the target size, held constant', async () => {
    const vectors = { groups: [randomVector(1), randomVector(2)], overall: randomVector(3) };
    let target = 0;
    const rel = tf.grads((...p: tf.Tensor[]) => {
      const t = fullConstraintTerms(spec, p, groups, vectors);
      target = t.overallGradNorm.dataSync()[0];
      return tf.sum(relativeGaps(t).gradNorm) as tf.Scalar;
    })(params);
    const abs = tf.grads((...p: tf.Tensor[]) => {
      const t = fullConstraintTerms(spec, p, groups, vectors);
      return tf.sum(tf.sub(t.gradNorm, t.overallGradNorm)) as tf.Scalar;
    })(params);
    const diff = (await tf.addN(rel.map((g, k) => tf.sum(tf.abs(tf.sub(tf.mul(g, target), abs[k]))))).data())[0];
    const size = (await tf.addN(abs.map((g) => tf.sum(tf.abs(g)))).data())[0];
    expect(size).toBeGreaterThan(0);
    expect(diff / size).toBeLessThan(1e-4);
  });

  it('with the target held, move only each group\'s side: the gradient is Σ_a ∇||g_a|| over the target size, nothing through ||g||', async () => {
    let target = 0;
    const held = tf.grads((...p: tf.Tensor[]) => {
      const t = fullConstraintTerms(spec, p, groups, null);
      target = t.overallGradNorm.dataSync()[0];
      return tf.sum(relativeGaps(t, 'held').gradNorm) as tf.Scalar;
    })(params);
    const sides = tf.grads((...p: tf.Tensor[]) => tf.sum(fullConstraintTerms(spec, p, groups, null).gradNorm) as tf.Scalar)(params);
    const moving = tf.grads((...p: tf.Tensor[]) => tf.sum(relativeGaps(fullConstraintTerms(spec, p, groups, null)).gradNorm) as tf.Scalar)(params);
    const gap = async (a: tf.Tensor[], b: tf.Tensor[], scale: number) => (await tf.addN(a.map((g, k) => tf.sum(tf.abs(tf.sub(tf.mul(g, scale), b[k]))))).data())[0];
    const size = (await tf.addN(sides.map((g) => tf.sum(tf.abs(g)))).data())[0];
    expect(size).toBeGreaterThan(0);
    expect((await gap(held, sides, target)) / size).toBeLessThan(1e-4);
    // The moving target (Eq. 7 as written) differs by −G·∇||g||: the term that rewards leaving the population optimum.
    expect((await gap(moving, sides, target)) / size).toBeGreaterThan(0.05);
  });
});

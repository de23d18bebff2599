import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { createHvp, type HvpData } from '../../../src/engine/metrics/hvp';
import { forward } from '../../../src/engine/model/architecture';
import { initWeights, type Weights } from '../../../src/engine/model/params';
import type { CnnSpec } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/random';
import { crossEntropy } from '../../../src/engine/train/cross-entropy';

// Odd sizes on purpose (7 -> 3 -> 1): the last row/column of each pool is dropped, as valid pooling does.
const cnn = (activation: 'softplus' | 'tanh'): CnnSpec => ({ kind: 'cnn', inputShape: [7, 7, 2], numClasses: 3, convFilters: [3, 4], dense: [5, 4], activation });

function tinyData(n: number, pixels: number, classes: number): HvpData {
  const rng = createRng(3, 'hvp-data');
  return { x: Float32Array.from({ length: n * pixels }, () => rng.next()), labels: Int32Array.from({ length: n }, () => rng.int(classes)), n };
}

/** A seeded random direction of unit norm (so eps is the length of the finite-difference step). */
function randomDirection(w: Weights): Float32Array[] {
  const rng = createRng(5, 'hvp-v');
  const v = w.values.map((a) => Float32Array.from(a, () => rng.normal()));
  const norm = Math.sqrt(v.reduce((s, a) => s + a.reduce((t, x) => t + x * x, 0), 0));
  return v.map((a) => a.map((x) => x / norm));
}

/** Gradient of the mean loss over all n samples at θ + eps·v, as float64. */
async function gradientAt(spec: CnnSpec, w: Weights, v: Float32Array[], eps: number, d: HvpData): Promise<Float64Array> {
  const [h, wd, c] = spec.inputShape;
  const out = tf.tidy(() => {
    const p = w.values.map((a, i) => tf.tensor(a.map((x, j) => x + eps * v[i][j]), w.specs[i].shape));
    const x = tf.tensor4d(d.x, [d.n, h, wd, c]);
    const y = tf.tensor1d(d.labels, 'int32');
    return tf.grads((...q: tf.Tensor[]) => crossEntropy(forward(spec, q, x), y))(p);
  });
  const flat = Float64Array.from((await Promise.all(out.map((t) => t.data()))).flatMap((a) => Array.from(a)));
  tf.dispose(out);
  return flat;
}

async function exactHvp(spec: CnnSpec, w: Weights, v: Float32Array[], d: HvpData, batchSize: number): Promise<Float64Array> {
  const params = w.values.map((a, i) => tf.tensor(a, w.specs[i].shape));
  const vt = v.map((a, i) => tf.tensor(a, w.specs[i].shape));
  const hvp = createHvp(spec, params, d, batchSize);
  const hv = hvp.apply(vt);
  const flat = Float64Array.from((await Promise.all(hv.map((t) => t.data()))).flatMap((a) => Array.from(a)));
  hvp.dispose();
  tf.dispose([...params, ...vt, ...hv]);
  return flat;
}

function relErr(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
}

describe.each(['cpu', 'wasm'])('exact Hessian-vector products on %s', (backend) => {
  it.each(['softplus', 'tanh'] as const)('match central finite differences of the gradient (CNN, %s)', async (activation) => {
    installKernels();
    await tf.setBackend(backend);
    const spec = cnn(activation);
    const w = initWeights(spec, 2);
    const d = tinyData(10, 7 * 7 * 2, 3);
    const v = randomDirection(w);
    const hv = await exactHvp(spec, w, v, d, 4);
    // Central differences: O(eps²) truncation error against ~1e-7/eps of float32 rounding in the gradients.
    const eps = 3e-3;
    const gp = await gradientAt(spec, w, v, eps, d);
    const gm = await gradientAt(spec, w, v, -eps, d);
    const fd = gp.map((g, i) => (g - gm[i]) / (2 * eps));
    expect(relErr(hv, fd)).toBeLessThan(1e-3);
  });

  it('weights batches by size: the result does not depend on the batch size', async () => {
    installKernels();
    await tf.setBackend(backend);
    const spec = cnn('tanh');
    const w = initWeights(spec, 4);
    const d = tinyData(11, 7 * 7 * 2, 3);
    const v = randomDirection(w);
    const whole = await exactHvp(spec, w, v, d, 64);
    const uneven = await exactHvp(spec, w, v, d, 4); // batches of 4, 4, 3
    expect(relErr(uneven, whole)).toBeLessThan(1e-5);
  });

  it('skips the gradient into the data (a convolution fewer) and pairs g with v in one step, with the same numbers bit for bit', async () => {
    installKernels();
    await tf.setBackend(backend);
    const spec = cnn('softplus');
    const w = initWeights(spec, 3);
    const d = tinyData(6, 7 * 7 * 2, 3);
    const v = randomDirection(w);
    const params = w.values.map((a, i) => tf.tensor(a, w.specs[i].shape));
    const vt = v.map((a, i) => tf.tensor(a, w.specs[i].shape));
    // The same double backprop as createHvp's, on a batch tensor nobody marked as data.
    const unmarked = () =>
      tf.tidy(() => {
        const x = tf.tensor4d(d.x, [d.n, 7, 7, 2]);
        const y = tf.tensor1d(d.labels, 'int32');
        const gradDotV = (...p: tf.Tensor[]) => {
          const g = tf.grads((...q: tf.Tensor[]) => tf.mul(crossEntropy(forward(spec, q, x), y), 1) as tf.Scalar)(p);
          return tf.addN(g.map((t, i) => tf.sum(tf.mul(t, vt[i])))) as tf.Scalar;
        };
        return tf.grads(gradDotV)(params);
      });
    const hvp = createHvp(spec, params, d, 64);
    const convs = async (f: () => tf.Tensor[]) => (await tf.profile(() => tf.dispose(f()))).kernels.filter((k) => k.name === 'Conv2D').length;
    expect(await convs(() => hvp.apply(vt))).toBe((await convs(unmarked)) - 1);
    // g · v's sums, products and their gradients (a ones tensor and a product per parameter) are one step of ours.
    const calls = async (f: () => tf.Tensor[]) => (await tf.profile(() => tf.dispose(f()))).kernels.length;
    expect(await calls(() => hvp.apply(vt))).toBeLessThan((await calls(unmarked)) - 4 * params.length);
    const [a, b] = [hvp.apply(vt), unmarked()];
    for (let i = 0; i < a.length; i++) expect(Array.from(await a[i].data())).toEqual(Array.from(await b[i].data()));
    hvp.dispose();
    tf.dispose([...params, ...vt, ...a, ...b]);
  });

  it('leaks no tensors', async () => {
    installKernels();
    await tf.setBackend(backend);
    const spec = cnn('softplus');
    const w = initWeights(spec, 2);
    const before = tf.memory().numTensors;
    await exactHvp(spec, w, randomDirection(w), tinyData(6, 7 * 7 * 2, 3), 4);
    expect(tf.memory().numTensors).toBe(before);
  });
});

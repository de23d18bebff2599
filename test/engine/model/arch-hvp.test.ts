import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { createHvp } from '../../../src/engine/metrics/hvp';
import { forward } from '../../../src/engine/model/architecture';
import type { ForwardTraining } from '../../../src/engine/model/batch-norm';
import type { Weights } from '../../../src/engine/model/params';
import { isTrainable, type ModelSpec } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/random';
import { crossEntropy } from '../../../src/engine/train/cross-entropy';
import { perturbedWeights, resnet, trainableDirection, vgg } from './arch-fixtures';

// Exact H v (double backprop through forward) against central finite differences of the gradient, on smooth
// activations (ReLU kinks would bias the differences), for every new architecture: BatchNorm in evaluation mode
// (what every measurement uses) and in training mode, stride-2 convolutions, residual adds, max pooling.

const N = 6;
function tinyBatch(spec: ModelSpec): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const [h, w, c] = spec.inputShape;
  const rng = createRng(3, 'arch-hvp-data');
  return {
    x: tf.tensor4d(Float32Array.from({ length: N * h * w * c }, () => rng.next()), [N, h, w, c]),
    y: tf.tensor1d(Int32Array.from({ length: N }, () => rng.int(spec.numClasses)), 'int32'),
  };
}

const noStats: ForwardTraining = { onBatchStats: () => undefined };

async function read(ts: tf.Tensor[]): Promise<Float64Array> {
  return Float64Array.from((await Promise.all(ts.map((t) => t.data()))).flatMap((a) => Array.from(a)));
}

/**
 * The loss as a function of the trainable tensors alone, the running statistics held as constants: in training mode
 * forward() does not read them, and tf.grads refuses an input the output does not depend on.
 */
function trainableLoss(spec: ModelSpec, w: Weights, all: tf.Tensor[], x: tf.Tensor4D, y: tf.Tensor1D, training: ForwardTraining | undefined) {
  const trainable = w.specs.map((p, i) => (isTrainable(p) ? i : -1)).filter((i) => i >= 0);
  const loss = (...q: tf.Tensor[]) => {
    const full = [...all];
    trainable.forEach((k, j) => (full[k] = q[j]));
    return crossEntropy(forward(spec, full, x, training), y);
  };
  return { loss, trainable };
}

/** The gradient over every parameter (zeros for the running statistics), in paramSpecs order. */
function expand(w: Weights, trainable: number[], g: tf.Tensor[]): tf.Tensor[] {
  return w.specs.map((p, i) => (trainable.includes(i) ? g[trainable.indexOf(i)] : tf.zeros(p.shape)));
}

async function gradientAt(spec: ModelSpec, w: Weights, v: Float32Array[], eps: number, training: ForwardTraining | undefined): Promise<Float64Array> {
  const { x, y } = tinyBatch(spec);
  const out = tf.tidy(() => {
    const p = w.values.map((a, i) => tf.tensor(a.map((z, j) => z + eps * v[i][j]), w.specs[i].shape));
    const { loss, trainable } = trainableLoss(spec, w, p, x, y, training);
    return expand(w, trainable, tf.grads(loss)(trainable.map((k) => p[k])));
  });
  const flat = await read(out);
  tf.dispose([...out, x, y]);
  return flat;
}

/** H v by nested tf.grads in training mode (createHvp is evaluation mode, as every measurement is). */
async function trainingModeHvp(spec: ModelSpec, w: Weights, v: Float32Array[]): Promise<Float64Array> {
  const { x, y } = tinyBatch(spec);
  const out = tf.tidy(() => {
    const p = w.values.map((a, i) => tf.tensor(a, w.specs[i].shape));
    const vt = v.map((a, i) => tf.tensor(a, w.specs[i].shape));
    const { loss, trainable } = trainableLoss(spec, w, p, x, y, noStats);
    const gv = (...q: tf.Tensor[]) => {
      const g = tf.grads(loss)(q);
      return tf.addN(g.map((t, j) => tf.sum(tf.mul(t, vt[trainable[j]])))) as tf.Scalar;
    };
    return expand(w, trainable, tf.grads(gv)(trainable.map((k) => p[k])));
  });
  const flat = await read(out);
  tf.dispose([...out, x, y]);
  return flat;
}

async function evalModeHvp(spec: ModelSpec, w: Weights, v: Float32Array[]): Promise<Float64Array> {
  const { x, y } = tinyBatch(spec);
  const d = { x: (await x.data()) as Float32Array, labels: (await y.data()) as Int32Array, n: N };
  tf.dispose([x, y]);
  const params = w.values.map((a, i) => tf.tensor(a, w.specs[i].shape));
  const vt = v.map((a, i) => tf.tensor(a, w.specs[i].shape));
  const hvp = createHvp(spec, params, d, 4);
  const hv = hvp.apply(vt);
  const flat = await read(hv);
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

/** Central differences of the gradient along v: O(eps²) truncation against ~1e-7/eps of float32 rounding. */
async function fdHvp(spec: ModelSpec, w: Weights, v: Float32Array[], training: ForwardTraining | undefined, eps: number): Promise<Float64Array> {
  const gp = await gradientAt(spec, w, v, eps, training);
  const gm = await gradientAt(spec, w, v, -eps, training);
  return gp.map((g, i) => (g - gm[i]) / (2 * eps));
}

/**
 * Step of the central differences per case and mode (null: no training-mode case). Below ~1e-2 the error grows like
 * 1/eps (float32 rounding in the gradients); above it a step can move a max pool's argmax (a kink, like ReLU's).
 * Measured on cpu, relative error of the exact H v at eps 3e-2 / 1e-2 / 3e-3 / 1e-3 (training mode):
 * ResNet-18 layout 4.8e-4 / 6.3e-4 / 2.2e-3 / 5.5e-3; VGG-11 softplus 5.4e-4 / 1.1e-3 / 3.1e-3 / 6.5e-3; VGG-19
 * 0.31 / 0.68 (argmax switches) / 1.8e-3 / 6.5e-3, so its training mode is covered by the smaller cases (same ops).
 */
const cases: Array<[string, ModelSpec, number, number | null]> = [
  ['ResNet-8 softplus', resnet('resnet8', 'softplus'), 1e-2, 1e-2],
  ['ResNet-8 tanh', resnet('resnet8', 'tanh'), 1e-2, 1e-2],
  ['ResNet-8 tanh, no normalisation', resnet('resnet8', 'tanh', 'none'), 1e-2, null],
  ['ResNet-18 layout softplus, 7×7×1 (odd sizes at stride 2)', resnet('resnet18', 'softplus', 'batch', [7, 7, 1]), 1e-2, 3e-2],
  ['VGG-11 softplus', vgg('vgg11', 'softplus'), 1e-2, 3e-2],
  ['VGG-11 tanh, 7×5×2 (odd pools)', vgg('vgg11', 'tanh', 'batch', [7, 5, 2]), 1e-2, 1e-2],
  ['VGG-19 tanh', vgg('vgg19', 'tanh'), 1e-2, null],
];

describe.each(['cpu', 'wasm'])('exact Hessian-vector products of the paper architectures on %s', (backend) => {
  it.each(cases)('%s: evaluation mode (createHvp) matches central finite differences', async (_, spec, eps) => {
    installKernels();
    await tf.setBackend(backend);
    const w = perturbedWeights(spec, 2);
    const v = trainableDirection(w, 5);
    const before = tf.memory().numTensors;
    const hv = await evalModeHvp(spec, w, v);
    expect(tf.memory().numTensors).toBe(before);
    expect(relErr(hv, await fdHvp(spec, w, v, undefined, eps))).toBeLessThan(1e-3);
    // Rows of the running statistics are exactly 0: they are constants of the loss, not parameters.
    let o = 0;
    w.specs.forEach((p, i) => {
      const n = w.values[i].length;
      if (p.role === 'bn-mean' || p.role === 'bn-var') for (let j = 0; j < n; j++) expect(hv[o + j]).toBe(0);
      o += n;
    });
  });

  it.each(cases.filter((c) => c[3] !== null))('%s: training mode (batch statistics) matches central finite differences', async (_, spec, __, eps) => {
    installKernels();
    await tf.setBackend(backend);
    const w = perturbedWeights(spec, 4);
    const v = trainableDirection(w, 6);
    expect(relErr(await trainingModeHvp(spec, w, v), await fdHvp(spec, w, v, noStats, eps as number))).toBeLessThan(1e-3);
  });
});


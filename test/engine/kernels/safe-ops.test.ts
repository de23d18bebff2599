import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { safeExp, safeSigmoid, safeSoftplus, safeTanh } from '../../../src/engine/kernels/safe-unary';
import { activate } from '../../../src/engine/model/activations';
import { crossEntropy, crossEntropyPerSample } from '../../../src/engine/train/cross-entropy';

const xs = [-3, -0.7, 0, 0.4, 2.5];
const sig = (x: number) => 1 / (1 + Math.exp(-x));

// [op, f, f', f''] with the derivatives written out by hand.
const ops: Array<[string, (x: tf.Tensor) => tf.Tensor, (x: number) => number, (x: number) => number, (x: number) => number]> = [
  ['exp', safeExp, Math.exp, Math.exp, Math.exp],
  ['sigmoid', safeSigmoid, sig, (x) => sig(x) * (1 - sig(x)), (x) => sig(x) * (1 - sig(x)) * (1 - 2 * sig(x))],
  ['softplus', safeSoftplus, (x) => Math.log1p(Math.exp(x)), sig, (x) => sig(x) * (1 - sig(x))],
  ['tanh', safeTanh, Math.tanh, (x) => 1 - Math.tanh(x) ** 2, (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2)],
];

describe.each(['cpu', 'wasm'])('second-order-safe ops on %s', (backend) => {
  it.each(ops)('%s: value, first and second derivative', async (_name, op, f, d1, d2) => {
    installKernels();
    await tf.setBackend(backend);
    const x = tf.tensor1d(xs);
    const y = op(x);
    const g1 = tf.grad((t: tf.Tensor) => tf.sum(op(t)))(x);
    const g2 = tf.grad((t: tf.Tensor) => tf.sum(tf.grad((u: tf.Tensor) => tf.sum(op(u)))(t)))(x);
    const [yv, g1v, g2v] = [await y.data(), await g1.data(), await g2.data()];
    xs.forEach((v, i) => {
      expect(yv[i]).toBeCloseTo(f(v), 4);
      expect(g1v[i]).toBeCloseTo(d1(v), 4);
      expect(g2v[i]).toBeCloseTo(d2(v), 4);
    });
    tf.dispose([x, y, g1, g2]);
  });

  it('relu has a zero second derivative and does not throw', async () => {
    await tf.setBackend(backend);
    const x = tf.tensor1d(xs);
    const g2 = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.grad((u: tf.Tensor) => tf.sum(tf.square(activate(u, 'relu'))))(t), 1)))(x);
    // d/dx of 2·relu(x)·step(x) = 2·step(x): the relu term's own second derivative contributes nothing.
    const v = await g2.data();
    xs.forEach((xv, i) => expect(v[i]).toBeCloseTo(xv > 0 ? 2 : 0, 5));
    tf.dispose([x, g2]);
  });
});

describe.each(['cpu', 'wasm'])('cross-entropy on %s', (backend) => {
  // Large logits on purpose: a naive exp would overflow.
  const logits = [
    [1, 2, 0.5, -1],
    [300, 299, 310, 305],
    [-2, 0, 0, 0.1],
  ];
  const labels = [1, 2, 0];
  const ref = logits.map((z, i) => {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return { loss: m + Math.log(s) - z[labels[i]], p: e.map((v) => v / s) };
  });

  it('per-sample and mean values, each the minus log of the softmax at the label', async () => {
    installKernels();
    await tf.setBackend(backend);
    const z = tf.tensor2d(logits);
    const y = tf.tensor1d(labels, 'int32');
    const per = await crossEntropyPerSample(z, y).data();
    ref.forEach((r, i) => expect(per[i]).toBeCloseTo(r.loss, 3));
    const mean = crossEntropy(z, y);
    expect((await mean.data())[0]).toBeCloseTo(ref.reduce((s, r) => s + r.loss, 0) / 3, 3);
    ref.forEach((r, i) => expect(Math.exp(-per[i])).toBeCloseTo(r.p[labels[i]], 5));
    tf.dispose([z, y, mean]);
  });

  it('gradient (p - onehot)/n and Hessian-vector product (diag(p) - ppᵀ)v/n in the logits', async () => {
    installKernels();
    await tf.setBackend(backend);
    const z = tf.tensor2d(logits);
    const y = tf.tensor1d(labels, 'int32');
    const vArr = [
      [0.3, -1, 2, 0.5],
      [1, 0.2, -0.4, 0.7],
      [-0.5, 0.5, 1.5, -1],
    ];
    const v = tf.tensor2d(vArr);
    const lossOf = (t: tf.Tensor) => crossEntropy(t as tf.Tensor2D, y);
    const g = await tf.grad(lossOf)(z).data();
    const hv = await tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.grad(lossOf)(t), v)))(z).data();
    ref.forEach(({ p }, i) => {
      const pv = p.reduce((s, pk, k) => s + pk * vArr[i][k], 0);
      p.forEach((pk, k) => {
        expect(g[i * 4 + k]).toBeCloseTo((pk - (k === labels[i] ? 1 : 0)) / 3, 5);
        expect(hv[i * 4 + k]).toBeCloseTo((pk * vArr[i][k] - pk * pv) / 3, 5);
      });
    });
    tf.dispose([z, y, v]);
  });
});

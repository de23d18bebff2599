import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ownReluGradTakes, reluGrad } from '../../../src/engine/kernels/own-relu-grad';
import { useOwnKernels } from '../../../src/engine/kernels/own-kernels';
import { randomTensor, sameBits, stockThenOurs, withOurKernelsOn } from '../../helpers/stock-vs-ours';

/** tfjs's own ReLU gradient, as its Relu_grad.ts writes it. */
const stockReluGrad = (dy: tf.Tensor, x: tf.Tensor) => tf.mul(dy, tf.cast(tf.step(x), 'float32'));

describe("ReLU's gradient as our WebAssembly SIMD kernel (wasm)", () => {
  withOurKernelsOn('wasm');

  it.each([
    ["the ~100k CNN's first layer, 8 images (8×28×28×16)", [8, 28, 28, 16]],
    ['7 values: a vector and 3 floats', [7]],
    ['3 values: no whole vector', [3]],
  ])("equals tfjs's step, cast and multiply bit for bit: %s", async (label, shape) => {
    const [dy, x] = [randomTensor(41, shape, `${label} dy`), randomTensor(41, shape, `${label} x`)];
    expect(ownReluGradTakes(dy, x)).toBe(true);
    const before = tf.memory().numTensors;
    const ours = reluGrad(dy, x);
    const stock = tf.tidy(() => stockReluGrad(dy, x));
    expect(await sameBits(ours, stock)).toBe(true);
    // About half of x is positive: the mask really cut the other half to zero.
    if (ours.size > 100) expect((await ours.data()).filter((v) => v === 0).length / ours.size).toBeGreaterThan(0.45);
    tf.dispose([ours, stock]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([dy, x]);
  });

  it('gives the same bits as tfjs at zeros, infinities and NaN, in the vectors and the last floats', async () => {
    const special = [0, -0, 1, -1, Infinity, -Infinity, NaN, 1e-45, -1e-45];
    // Every pair of special values, 81 of them: 20 vectors and one float.
    const dy = tf.tensor1d(special.flatMap((a) => special.map(() => a)));
    const x = tf.tensor1d(special.flatMap(() => special));
    const ours = reluGrad(dy, x);
    const stock = stockReluGrad(dy, x);
    expect(await sameBits(ours, stock)).toBe(true);
    tf.dispose([dy, x, ours, stock]);
  });

  it("makes tf.relu's first and second derivatives the same bits as tfjs's own gradient", async () => {
    const a = randomTensor(43, [50, 12], 'a');
    const b = randomTensor(43, [50, 12], 'b');
    const w0 = randomTensor(43, [12, 3], 'w');
    const v = randomTensor(43, [12, 3], 'v');
    // f(w) = Σ relu(a·w) ⊙ (b·w): its gradient aᵀ(mask ⊙ b·w) + bᵀ relu(a·w) passes through ReLU's gradient, and its
    // Hessian-vector product aᵀ(mask ⊙ b·v) + bᵀ(mask ⊙ a·v) through that gradient's own gradient, whose mask no
    // later ReLU repeats (as the engine's exact λ(H_a) takes it).
    const f = (w: tf.Tensor) => tf.sum(tf.mul(tf.relu(tf.matMul(a, w as tf.Tensor2D)), tf.matMul(b, w as tf.Tensor2D)));
    const hvp = (w: tf.Tensor) => tf.grad((u: tf.Tensor) => tf.sum(tf.mul(tf.grad(f)(u), v)))(w);
    const grads = stockThenOurs(() => tf.grad(f)(w0));
    const hvps = stockThenOurs(() => hvp(w0));
    expect(await sameBits(grads.ours, grads.stock)).toBe(true);
    expect(await sameBits(hvps.ours, hvps.stock)).toBe(true);
    // The product is not zero.
    expect(Math.max(...Array.from(await hvps.ours.data(), Math.abs))).toBeGreaterThan(0.1);
    tf.dispose([a, b, w0, v, grads.stock, grads.ours, hvps.stock, hvps.ours]);
  });

  it('leaves tfjs\'s way to the stock kernels', () => {
    const [dy, x] = [tf.ones([4]), tf.ones([4])];
    useOwnKernels(false);
    expect(ownReluGradTakes(dy, x)).toBe(false);
    useOwnKernels(true);
    expect(ownReluGradTakes(dy, x)).toBe(true);
    tf.dispose([dy, x]);
  });
});

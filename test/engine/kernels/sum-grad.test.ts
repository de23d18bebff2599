import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomTensor, sameAsStock, sameBits, stockThenOurs, withOurKernelsOn } from '../../helpers/stock-vs-ours';

describe("Sum's gradient as a copy of dy on wasm (sum-grad.ts)", () => {
  withOurKernelsOn('wasm');

  it.each([
    ["a conv layer's bias gradient (every axis but the last)", [6, 5, 4, 3], [0, 1, 2], false],
    ['every axis but the last, kept', [6, 5, 4, 3], [0, 1, 2], true],
    ["cross-entropy's sum over classes", [9, 4], [1], false],
    ['every axis (a scalar)', [3, 7], [0, 1], false],
    ['a middle axis, and the first', [2, 3, 4, 5], [0, 2], false],
    ['the last axis of a rank 3', [2, 3, 5], [2], true],
    ['a vector to a scalar', [11], [0], false],
    ['an axis of length 1', [3, 1, 4], [1], false],
  ] as Array<[string, number[], number[], boolean]>)(
    "equals tfjs's gradient bit for bit, and leaves nothing behind: %s",
    async (label, shape, axes, keepDims) => {
      const x = randomTensor(7, shape, `x ${label}`);
      // A weighted sum, so dy differs between outputs.
      const outShape = tf.sum(x, axes, keepDims).shape;
      const w = randomTensor(7, outShape, `w ${label}`);
      const f = (t: tf.Tensor) => tf.sum(tf.mul(tf.sum(t, axes, keepDims), w));
      const before = tf.memory().numTensors;
      const dataBefore = tf.backend().numDataIds();
      expect(await sameAsStock(() => tf.grad(f)(x))).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
      expect(tf.backend().numDataIds()).toBe(dataBefore);
      tf.dispose([x, w]);
    },
  );

  it('is the gradient it claims: each element of x gets the dy of its sum', async () => {
    const x = randomTensor(3, [2, 3, 4], 'x oracle');
    const w = tf.tensor2d([1, -2, 3, 0.5, 4, -1, 2, 7], [2, 4]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.sum(t, 1), w)))(x);
    const [gs, ws] = [await g.data(), await w.data()];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) expect(gs[(i * 3 + j) * 4 + k]).toBe(ws[i * 4 + k]);
    tf.dispose([x, w, g]);
  });

  it("keeps second order: a Hessian-vector product through bias-like sums equals tfjs's bit for bit", async () => {
    const x = randomTensor(5, [4, 3, 3, 2], 'x hvp');
    const b = randomTensor(5, [2], 'b hvp');
    const v = randomTensor(5, [2], 'v hvp');
    // L(b) = Σ log Σ_positions exp(x + b), a log-sum-exp as in cross-entropy: its gradient holds Sum's gradient of a
    // dy that depends on b (the copy, differentiated again by the HVP: the copy's own gradient), and sums over images and
    // positions for b (a bias gradient, whose Sum the HVP differentiates: Sum's gradient).
    const loss = (bb: tf.Tensor) => tf.sum(tf.log(tf.sum(tf.exp(tf.add(x, bb)), [1, 2])));
    const hvp = () => tf.grad((bb: tf.Tensor) => tf.sum(tf.mul(tf.grad(loss)(bb), v)))(b);
    expect(await sameAsStock(hvp)).toBe(true);
    tf.dispose([x, b, v]);
  });

  it.each([
    ["BatchNorm's batch mean (every axis but the last)", [6, 5, 4, 3], [0, 1, 2]],
    ['a global average pool (the middle axes)', [4, 3, 5, 6], [1, 2]],
    ['every axis', [7, 3], [0, 1]],
  ])("gives Mean's gradient as tfjs's bit for bit, to second order: %s", async (label, shape, axes) => {
    const x = randomTensor(8, shape, `mean x ${label}`);
    const v = randomTensor(8, shape, `mean v ${label}`);
    const w = randomTensor(8, tf.mean(x, axes).shape, `mean w ${label}`);
    // A BatchNorm-like loss: the squared deviations from the mean, weighted; then its HVP along v.
    const loss = (t: tf.Tensor) => tf.sum(tf.mul(tf.mean(tf.square(tf.sub(t, tf.mean(t, axes, true))), axes), w));
    const before = tf.memory().numTensors;
    const first = stockThenOurs(() => tf.grad(loss)(x));
    expect(await sameBits(first.ours, first.stock)).toBe(true);
    const second = stockThenOurs(() => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.grad(loss)(t), v)))(x));
    expect(await sameBits(second.ours, second.stock)).toBe(true);
    tf.dispose([first.stock, first.ours, second.stock, second.ours]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, v, w]);
  });
});

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { safeMaxPool } from '../../../src/engine/kernels/safe-max-pool';
import { safeRsqrt } from '../../../src/engine/kernels/safe-unary';
import { takeEven } from '../../../src/engine/kernels/stride-two';
import { createRng } from '../../../src/engine/random';
import { withOurKernelsOn } from '../../helpers/stock-vs-ours';

const rand = (shape: number[], label: string) => {
  const rng = createRng(13, label);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape);
};

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0];
  d.dispose();
  return v;
}

describe.each(['cpu', 'wasm'])('the new ops on the differentiated path, on %s', (backend) => {
  withOurKernelsOn(backend);

  it.each([
    [8, 8, 3],
    [7, 5, 3],
    [7, 6, 1],
  ])('stride 2 as a subsampled stride-1 convolution equals tfjs conv2d at stride 2 (%ix%i, k=%i)', async (h, w, k) => {
    const x = rand([2, h, w, 3], `x${h}${w}`);
    const f = rand([k, k, 3, 4], `f${k}`);
    // PyTorch padding (k-1)/2 at stride 2: explicit, since tfjs's 'same' at stride 2 pads differently.
    const p = (k - 1) / 2;
    const ref = tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, [[0, 0], [p, p], [p, p], [0, 0]]);
    const ours = takeEven(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'));
    expect(ours.shape).toEqual(ref.shape);
    expect(await maxAbsDiff(ours, ref)).toBeLessThan(1e-5);
    tf.dispose([x, f, ref, ours]);
  });

  it.each([
    [8, 8],
    [7, 5],
  ])('safeMaxPool equals tf.maxPool in value; its gradient routes dy to each window maximum (%ix%i)', async (h, w) => {
    const x = rand([2, h, w, 3], `m${h}${w}`);
    const [oh, ow] = [Math.floor(h / 2), Math.floor(w / 2)];
    const r = rand([2, oh, ow, 3], `r${h}${w}`);
    expect(await maxAbsDiff(safeMaxPool(x as tf.Tensor4D), tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'))).toBe(0);
    const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(safeMaxPool(a as tf.Tensor4D), r)))(x);
    // Oracle in plain JS (tfjs 4.22's own maxPool gradient is wrong on wasm for this input: off by up to 2).
    const [xv, rv] = [await x.data(), await r.data()];
    const want = new Float32Array(xv.length);
    const at = (n: number, i: number, j: number, c: number) => ((n * h + i) * w + j) * 3 + c;
    for (let n = 0; n < 2; n++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++)
          for (let c = 0; c < 3; c++) {
            const cells = [at(n, 2 * i, 2 * j, c), at(n, 2 * i, 2 * j + 1, c), at(n, 2 * i + 1, 2 * j, c), at(n, 2 * i + 1, 2 * j + 1, c)];
            const best = cells.reduce((b, k) => (xv[k] > xv[b] ? k : b));
            want[best] = rv[((n * oh + i) * ow + j) * 3 + c];
          }
    expect(await maxAbsDiff(g, tf.tensor(want, x.shape))).toBeLessThan(1e-6);
  });

  it('safeMaxPool is twice differentiable (tfjs maxPool throws): H v of Σ pool(x)² is 2·Pᵀ(P v)', async () => {
    const x = rand([1, 4, 4, 2], 'm2');
    const v = rand([1, 4, 4, 2], 'v2');
    const hvp = (pool: (t: tf.Tensor4D) => tf.Tensor) =>
      tf.grad((a: tf.Tensor) => {
        const g = tf.grad((b: tf.Tensor) => tf.sum(tf.square(pool(b as tf.Tensor4D))))(a);
        return tf.sum(tf.mul(g, v));
      })(x);
    // Independent oracle: P v by central differences of tf.maxPool (exact for a step too small to change an argmax),
    // Pᵀ u by tfjs's own first-order maxPool gradient.
    const t = 1e-3;
    const pool = (a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid');
    const pv = tf.div(tf.sub(pool(tf.add(x, tf.mul(v, t))), pool(tf.sub(x, tf.mul(v, t)))), 2 * t);
    const oracle = tf.mul(2, tf.grad((a: tf.Tensor) => tf.sum(tf.mul(pool(a), pv)))(x));
    expect(await maxAbsDiff(hvp(safeMaxPool), oracle)).toBeLessThan(1e-3);
    expect(() => hvp((u) => tf.maxPool(u, 2, 2, 'valid'))).toThrow();
  });

  it('safeRsqrt: first and second derivatives match x^(-1/2) analytically', async () => {
    const x = tf.tensor1d([0.3, 1, 2.5, 7]);
    const d1 = tf.grad((a: tf.Tensor) => tf.sum(safeRsqrt(a)))(x);
    const d2 = tf.grad((a: tf.Tensor) => tf.sum(tf.grad((b: tf.Tensor) => tf.sum(safeRsqrt(b)))(a)))(x);
    const xs = [0.3, 1, 2.5, 7];
    expect(Array.from(await d1.data()).map((v, i) => v / (-0.5 * xs[i] ** -1.5))).toEqual(xs.map(() => expect.closeTo(1, 5)));
    expect(Array.from(await d2.data()).map((v, i) => v / (0.75 * xs[i] ** -2.5))).toEqual(xs.map(() => expect.closeTo(1, 5)));
  });
});


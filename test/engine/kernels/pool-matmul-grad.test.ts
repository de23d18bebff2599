import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { timesTransposed } from '../../../src/engine/kernels/mat-mul-grad';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { createRng } from '../../../src/engine/random';
import { withOurKernelsOn } from '../../helpers/stock-vs-ours';

const rand = (shape: number[], label: string) => {
  const rng = createRng(11, label);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape);
};

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0];
  d.dispose();
  return v;
}

describe.each(['cpu', 'wasm'])('avgPool gradients on %s', (backend) => {
  withOurKernelsOn(backend);

  it.each([
    [8, 8],
    [7, 5],
  ])('2x2 valid on %ix%i: dy/4 spread over each window, zero where the pool never looked', async (h, w) => {
    const x = rand([2, h, w, 3], `x${h}`);
    const r = rand([2, Math.floor(h / 2), Math.floor(w / 2), 3], `r${h}`);
    const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(a as tf.Tensor4D, 2, 2, 'valid'), r)))(x);
    const gv = await g.data();
    const rv = await r.data();
    const oh = Math.floor(h / 2);
    const ow = Math.floor(w / 2);
    let worst = 0;
    for (let n = 0; n < 2; n++)
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++)
          for (let c = 0; c < 3; c++) {
            const inside = i < 2 * oh && j < 2 * ow;
            const want = inside ? rv[((n * oh + (i >> 1)) * ow + (j >> 1)) * 3 + c] / 4 : 0;
            worst = Math.max(worst, Math.abs(gv[((n * h + i) * w + j) * 3 + c] - want));
          }
    expect(worst).toBeLessThan(1e-6);
    tf.dispose([x, r, g]);
  });

  // The gradient of a pool is linear in dy with the pool as its adjoint: d/dr <∂/∂x Σ pool(x)⊙r, v> = pool(v).
  it.each([
    ['2x2 stride 2 valid (upsampling path)', 2, 2, 'valid' as const],
    ['3x3 stride 3 valid (AvgPoolGrad path)', 3, 3, 'valid' as const],
    ['3x3 stride 1 same (overlapping, AvgPoolGrad path)', 3, 1, 'same' as const],
  ])('is differentiable twice: %s', async (_name, k, s, pad) => {
    const x = rand([2, 9, 7, 2], 'x2');
    const v = rand([2, 9, 7, 2], 'v2');
    const pooledShape = tf.tidy(() => tf.avgPool(x as tf.Tensor4D, k, s, pad).shape);
    const r = rand(pooledShape, 'r2');
    const got = tf.grad((rr: tf.Tensor) => {
      const gx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(a as tf.Tensor4D, k, s, pad), rr)))(x);
      return tf.sum(tf.mul(gx, v));
    })(r);
    const want = tf.avgPool(v as tf.Tensor4D, k, s, pad);
    expect(got.shape).toEqual(want.shape);
    expect(await maxAbsDiff(got, want)).toBeLessThan(1e-5);
    tf.dispose([x, v, r, got, want]);
  });
});

describe('matMul gradient with explicit transposes (wasm) matches the stock one (cpu)', () => {
  it.each([
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ])('transposeA %s, transposeB %s', async (ta, tb) => {
    installKernels();
    const aShape = ta ? [5, 4] : [4, 5];
    const bShape = tb ? [3, 5] : [5, 3];
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const a = rand(aShape, 'a');
      const b = rand(bShape, 'b');
      const r = rand([4, 3], 'r');
      const gs = tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.mul(tf.matMul(p, q, ta, tb), r)))([a, b]);
      const out = [Float32Array.from(await gs[0].data()), Float32Array.from(await gs[1].data())];
      tf.dispose([a, b, r, ...gs]);
      return out;
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    for (let k = 0; k < 2; k++) {
      expect(wasm[k].length).toBe(cpu[k].length);
      for (let i = 0; i < cpu[k].length; i++) expect(Math.abs(wasm[k][i] - cpu[k][i])).toBeLessThan(1e-5);
    }
  });
});

describe("a dense layer's input gradient g·bᵀ as (b·gᵀ)ᵀ when it is wide (wasm)", () => {
  it.each([
    ["the ~100k bench CNN's first dense layer (64×64 by 1568×64)", [64, 64], [1568, 64]],
    ['a narrow one, left as g·bᵀ (64×32 by 64×32)', [64, 32], [64, 32]],
  ])('is the product with b transposed, bit for bit: %s', async (label, gShape, bShape) => {
    installKernels();
    await tf.setBackend('wasm');
    const g = rand(gShape, `${label} g`);
    const b = rand(bShape, `${label} b`);
    const before = tf.memory().numTensors;
    const ours = tf.tidy(() => timesTransposed(g, b));
    const plain = tf.tidy(() => tf.matMul(g, tf.transpose(b)));
    expect(ours.shape).toEqual([gShape[0], bShape[0]]);
    const [x, y] = [await ours.data(), await plain.data()];
    expect(Array.from(x).every((v, i) => Object.is(v, y[i]))).toBe(true);
    tf.dispose([ours, plain]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([g, b]);
  });
});

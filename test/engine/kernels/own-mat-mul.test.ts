import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ownMatMulRuns, ownMatMulTakes, ownMatMulTakesProduct } from '../../../src/engine/kernels/own-mat-mul';
import { useOwnKernels } from '../../../src/engine/kernels/own-kernels';
import { randomTensor, sameAsStock, sameBits, withOurKernelsOn } from '../../helpers/stock-vs-ours';

describe("dense layers' products on our convolution kernel (wasm, one thread)", () => {
  withOurKernelsOn('wasm');

  it.each([
    ["the ~100k bench CNN's first dense layer (64×1568 · 1568×64)", [64, 1568], [1568, 64]],
    ['its filter gradient (1568×64 · 64×64)', [1568, 64], [64, 64]],
    ['its input gradient as g·bᵀ (64×64 · 64×1568)', [64, 64], [64, 1568]],
    ['its second dense layer (64×64 · 64×32)', [64, 64], [64, 32]],
    ['rows of odd count (the last a block of its own), 7×9 · 9×48', [7, 9], [9, 48]],
    ['one row, 1×8 · 8×16', [1, 8], [8, 16]],
    ['a batch of matrices times one, 3×5×11 · 11×16', [3, 5, 11], [11, 16]],
    ['10 columns (the output layer: a vector and 2 lanes)', [64, 32], [32, 10]],
    ['24 columns (16, then 8)', [128, 48], [48, 24]],
    ['one column', [9, 12], [12, 1]],
    ['an inner size of 4 (the output layer\'s input gradient)', [128, 4], [4, 24]],
    ['an inner size of 1', [128, 1], [1, 16]],
  ])("equals XNNPACK's bit for bit: %s", async (label, aShape, bShape) => {
    const a = randomTensor(17, aShape, `a ${label}`);
    const b = randomTensor(17, bShape, `b ${label}`) as tf.Tensor2D;
    expect(ownMatMulRuns() && ownMatMulTakes(bShape[0], bShape[1])).toBe(true);
    const before = tf.memory().numTensors;
    const dataBefore = tf.backend().numDataIds();
    expect(await sameAsStock(() => tf.matMul(a as tf.Tensor2D, b))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.backend().numDataIds()).toBe(dataBefore); // the kernel's zeros freed too
    tf.dispose([a, b]);
  });

  it('is the product it claims: outputs against float64 sums', async () => {
    const a = randomTensor(5, [5, 24], 'a oracle') as tf.Tensor2D;
    const b = randomTensor(5, [24, 32], 'b oracle') as tf.Tensor2D;
    const y = tf.matMul(a, b);
    const [as, bs, ys] = [await a.data(), await b.data(), await y.data()];
    for (const [i, j] of [[0, 0], [4, 31], [3, 17]]) {
      let want = 0;
      for (let k = 0; k < 24; k++) want += as[i * 24 + k] * bs[k * 32 + j];
      expect(ys[i * 32 + j]).toBeCloseTo(want, 5);
    }
    tf.dispose([a, b, y]);
  });

  it('gives the same bits as XNNPACK at zeros, infinities and NaN', async () => {
    const special = [0, -0, 1, -1, Infinity, -Infinity, NaN, 3e38, -3e38, 1e-40];
    const pick = (n: number, salt: number) => Float32Array.from({ length: n }, (_, k) => special[(k * 7 + salt) % special.length] * ((k % 3) + 1));
    const a = tf.tensor2d(pick(9 * 12, 1), [9, 12]);
    const b = tf.tensor2d(pick(12 * 32, 3), [12, 32]);
    expect(await sameAsStock(() => tf.matMul(a, b))).toBe(true);
    tf.dispose([a, b]);
  });

  it.each([
    ['aᵀ·g, a dense layer\'s filter gradient (64×1568 stored, 64×64)', [64, 1568], [64, 64], true, false],
    ['g·Wᵀ, its input gradient (64×64, 1568×64 stored)', [64, 64], [1568, 64], false, true],
    ['both transposed, 10 columns', [12, 7], [10, 12], true, true],
    ['aᵀ of a batch, 2×9×5 stored, 9×20', [2, 9, 5], [9, 20], true, false],
  ] as Array<[string, number[], number[], boolean, boolean]>)(
    "reads transposed operands in place, and equals XNNPACK's on transposed copies bit for bit: %s",
    async (label, aShape, bShape, transposeA, transposeB) => {
      const a = randomTensor(11, aShape, `a ${label}`);
      const b = randomTensor(11, bShape, `b ${label}`);
      const dataBefore = tf.backend().numDataIds();
      const ours = tf.matMul(a, b, transposeA, transposeB);
      expect((await tf.profile(() => tf.dispose(tf.matMul(a, b, transposeA, transposeB)))).kernelNames).toEqual(['BatchMatMul']);
      // XNNPACK's product of explicitly transposed copies: the form mat-mul-grad.ts uses where ours does not run.
      const swap = (t: tf.Tensor) => tf.transpose(t, [...t.shape.keys()].map((i, _, all) => (i < all.length - 2 ? i : 2 * all.length - 3 - i)));
      useOwnKernels(false);
      const stock = tf.tidy(() => tf.matMul(transposeA ? swap(a) : a, transposeB ? swap(b) : b));
      useOwnKernels(true);
      expect(await sameBits(ours, stock)).toBe(true);
      tf.dispose([ours, stock]);
      expect(tf.backend().numDataIds()).toBe(dataBefore);
      tf.dispose([a, b]);
    },
  );

  it.each([
    ['a batch of b matrices', [2, 6, 16], [2, 16, 32]],
    ['a batch of b matrices, one of a', [6, 16], [3, 16, 32]],
  ])('leaves other products to XNNPACK: %s', async (label, aShape, bShape) => {
    const a = randomTensor(3, aShape, `a ${label}`);
    const b = randomTensor(3, bShape, `b ${label}`);
    expect(ownMatMulTakesProduct(a, b, false, false)).toBe(false);
    expect(await sameAsStock(() => tf.matMul(a, b))).toBe(true);
    tf.dispose([a, b]);
  });
});

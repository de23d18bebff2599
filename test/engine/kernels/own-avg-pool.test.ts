import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ownAvgPoolTakes } from '../../../src/engine/kernels/own-avg-pool';
import { randomTensor, sameBits, stockThenOurs, withOurKernelsOn } from '../../helpers/stock-vs-ours';

describe('2×2 average pools as our WebAssembly SIMD kernel (wasm)', () => {
  withOurKernelsOn('wasm');

  it.each([
    ["the ~100k CNN's first pool, 8 images (8×28×28×16)", [8, 28, 28, 16]],
    ['odd sizes: the last row and column left out (2×7×5×8)', [2, 7, 5, 8]],
    ['6 channels: a vector and 2 floats', [3, 4, 6, 6]],
    ['3 channels: no whole vector', [2, 6, 4, 3]],
  ])("equals XNNPACK's pool bit for bit: %s", async (label, shape) => {
    const x = randomTensor(47, shape, label);
    expect(ownAvgPoolTakes(x)).toBe(true);
    const before = tf.memory().numTensors;
    const { stock, ours } = stockThenOurs(() => tf.avgPool(x as tf.Tensor4D, 2, 2, 'valid'));
    expect(await sameBits(ours, stock)).toBe(true);
    // And it is the mean it claims: the last window of the last image, in float64 against float32 rounding.
    const [n, h, w, c] = shape;
    const xs = await x.data();
    const at = (y: number, z: number) => xs[((n - 1) * h + y) * w * c + z * c + c - 1];
    const [y0, z0] = [2 * Math.floor(h / 2) - 2, 2 * Math.floor(w / 2) - 2];
    const mean = (at(y0, z0) + at(y0, z0 + 1) + at(y0 + 1, z0) + at(y0 + 1, z0 + 1)) / 4;
    expect((await ours.data())[ours.size - 1]).toBeCloseTo(mean, 6);
    tf.dispose([stock, ours]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('gives the same bits as XNNPACK at zeros, infinities and NaN, in the vectors and the last floats', async () => {
    const special = [0, -0, 1, -1, Infinity, -Infinity, NaN, 3e38];
    // Every window of four taps from the special values (8⁴ = 4096 windows), 5 channels: a vector and a float, the
    // last channel negated. XNNPACK's x86 clamp turns a NaN into -∞: ours does the same.
    const windows = Float32Array.from({ length: 4096 * 4 * 5 }, (_, t) => {
      const [i, tap, k] = [Math.floor(t / 20), Math.floor(t / 5) % 4, t % 5];
      return special[(i >> (3 * tap)) & 7] * (k === 4 ? -1 : 1);
    });
    // Lay window i's taps out as a 2×2 block: 64 windows a row, 64 rows, 5 channels.
    const x = tf.tidy(() => tf.tensor(windows, [64, 64, 2, 2, 5]).transpose([0, 2, 1, 3, 4]).reshape([1, 128, 128, 5]));
    const { stock, ours } = stockThenOurs(() => tf.avgPool(x as tf.Tensor4D, 2, 2, 'valid'));
    expect(await sameBits(ours, stock)).toBe(true);
    tf.dispose([x, stock, ours]);
  });

  it.each([
    ['3×3 windows', 3, 3, 'valid'],
    ['stride 1', 2, 1, 'valid'],
    ["'same' padding", 2, 2, 'same'],
  ] as Array<[string, number, number, 'valid' | 'same']>)("leaves other pools to XNNPACK: %s", async (label, size, stride, pad) => {
    const x = randomTensor(47, [2, 7, 6, 4], label);
    const { stock, ours } = stockThenOurs(() => tf.avgPool(x as tf.Tensor4D, size, stride, pad));
    expect(await sameBits(ours, stock)).toBe(true);
    tf.dispose([x, stock, ours]);
  });
});

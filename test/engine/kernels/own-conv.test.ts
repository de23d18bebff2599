import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ownConvRuns, ownConvTakes } from '../../../src/engine/kernels/own-conv';
import { randomTensor, sameAsStock, withOurKernelsOn } from '../../helpers/stock-vs-ours';

type Pad = 'same' | 'valid' | tf.backend_util.ExplicitPadding;
const uneven: Pad = [[0, 0], [2, 1], [0, 2], [0, 0]];

describe('stride-1 convolutions as our WebAssembly SIMD kernels (wasm, one thread)', () => {
  withOurKernelsOn('wasm');

  it.each([
    ["the ~100k bench CNN's second layer (16 → 32: two blocks of 16 channels)", [4, 14, 14, 16], [3, 3, 16, 32], 'same'],
    ["its input gradient's convolution (32 → 16)", [3, 14, 14, 32], [3, 3, 32, 16], 'same'],
    ["the default CNN's second layer (8 → 16)", [5, 14, 14, 8], [3, 3, 8, 16], 'same'],
    ['rows of odd width (the last pixel a block of its own), 9 → 48', [2, 7, 7, 9], [3, 3, 9, 48], 'same'],
    ['11 → 16, a 5×3 filter with uneven pads', [2, 6, 7, 11], [5, 3, 11, 16], uneven],
    ['8 → 16, valid (no padding)', [2, 6, 7, 8], [3, 3, 8, 16], 'valid'],
    ['1×1, 17 → 32', [1, 4, 5, 17], [1, 1, 17, 32], 'same'],
    ['2×2 padded below and right, 8 → 16', [3, 5, 6, 8], [2, 2, 8, 16], [[0, 0], [0, 1], [0, 1], [0, 0]]],
    ['one pixel, one image, 64 → 64', [1, 1, 1, 64], [3, 3, 64, 64], 'same'],
    ["narrow: start-here's second layer (6 → 12: three vectors, 2 pixels a block)", [5, 8, 8, 6], [3, 3, 6, 12], 'same'],
    ["narrow: its input gradient's convolution (12 → 6: a vector and 2 lanes of another)", [5, 8, 8, 12], [3, 3, 12, 6], 'same'],
    ['narrow: 16 → 8, rows of 7 (4 pixels, 2, 1)', [2, 7, 7, 16], [3, 3, 16, 8], 'same'],
    ['narrow: 8 → 1 (one lane of one vector, 6 pixels a block), a 5×3 filter with uneven pads', [2, 6, 7, 8], [5, 3, 8, 1], uneven],
    ['narrow: 4 → 3, valid', [2, 6, 9, 4], [3, 3, 4, 3], 'valid'],
    ['narrow: 9 → 5 (a vector and 1 lane)', [2, 5, 13, 9], [3, 3, 9, 5], 'same'],
    ['narrow: 5 → 15 (four vectors, the last of 3 lanes), 1×1', [3, 4, 5, 5], [1, 1, 5, 15], 'same'],
    ['narrow: one pixel, 7 → 13', [1, 1, 1, 7], [3, 3, 7, 13], 'same'],
    ['by columns: 128 → 272, a 1.25 MB filter walked 16 output channels at a time', [2, 4, 5, 128], [3, 3, 128, 272], 'same'],
    ['padded: 8 → 24 (16 channels, then 8)', [2, 7, 6, 8], [3, 3, 8, 24], 'same'],
    ['padded: 9 → 21 (16, then a vector and 1 lane), uneven pads', [2, 6, 7, 9], [5, 3, 9, 21], uneven],
    ['padded: 16 → 40 (32, then 8), valid', [2, 6, 7, 16], [3, 3, 16, 40], 'valid'],
    ["grey: the bench CNN's first layer (→ 16: 4 pixels × 8 channels, twice)", [8, 28, 28, 1], [3, 3, 1, 16], 'same'],
    ["grey: start-here's first layer (→ 6: a vector and the last 2 channels)", [5, 16, 16, 1], [3, 3, 1, 6], 'same'],
    ['grey → 23, a 5×3 filter with uneven pads, rows of 7 (4 pixels, then 1 at a time)', [2, 6, 7, 1], [5, 3, 1, 23], uneven],
    ['grey → 2, valid', [2, 6, 7, 1], [3, 3, 1, 2], 'valid'],
    ['grey → 3, 1×1', [1, 4, 5, 1], [1, 1, 1, 3], 'same'],
  ] as Array<[string, number[], number[], Pad]>)("equals XNNPACK's bit for bit: %s", async (label, xShape, wShape, pad) => {
    const x = randomTensor(31, xShape, `x ${label}`) as tf.Tensor4D;
    const w = randomTensor(31, wShape, `w ${label}`) as tf.Tensor4D;
    expect(ownConvRuns() && ownConvTakes(xShape[3], wShape[3])).toBe(true);
    const before = tf.memory().numTensors;
    const dataBefore = tf.backend().numDataIds();
    expect(await sameAsStock(() => tf.conv2d(x, w, 1, pad))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.backend().numDataIds()).toBe(dataBefore); // the padding's zeros freed too
    tf.dispose([x, w]);
  });

  it('is the convolution it claims: one output against a float64 sum', async () => {
    const x = randomTensor(5, [2, 6, 5, 8], 'x oracle') as tf.Tensor4D;
    const w = randomTensor(5, [3, 3, 8, 16], 'w oracle') as tf.Tensor4D;
    const y = tf.conv2d(x, w, 1, 'same');
    const [xs, ws, ys] = [await x.data(), await w.data(), await y.data()];
    // y[1, 0, 4, 2]: the top-right corner of the second image, where five of the nine taps fall in the padding.
    let want = 0;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        for (let c = 0; c < 8; c++) {
          const [r, s] = [i - 1, 4 + j - 1];
          if (r >= 0 && r < 6 && s >= 0 && s < 5) want += xs[((1 * 6 + r) * 5 + s) * 8 + c] * ws[((i * 3 + j) * 8 + c) * 16 + 2];
        }
    expect(ys[((1 * 6 + 0) * 5 + 4) * 16 + 2]).toBeCloseTo(want, 5);
    tf.dispose([x, w, y]);
  });

  it.each([
    ['8 → 16', 8, 16],
    ['narrow: 8 → 6', 8, 6],
    ['grey → 8', 1, 8],
  ])('gives the same bits as XNNPACK at zeros, infinities and NaN, in the padding too: %s', async (_label, cin, cout) => {
    const special = [0, -0, 1, -1, Infinity, -Infinity, NaN, 3e38, -3e38, 1e-40];
    const pick = (n: number, salt: number) => Float32Array.from({ length: n }, (_, k) => special[(k * 7 + salt) % special.length] * ((k % 3) + 1));
    const x = tf.tensor4d(pick(2 * 5 * 4 * cin, 1), [2, 5, 4, cin]);
    // An infinite weight at a padded tap gives NaN (0·∞) in XNNPACK's sums: ours adds the padding's zeros the same way.
    const w = tf.tensor4d(pick(3 * 3 * cin * cout, 3), [3, 3, cin, cout]);
    expect(await sameAsStock(() => tf.conv2d(x, w, 1, 'same'))).toBe(true);
    tf.dispose([x, w]);
  });

  it.each([
    ['stride 2', 8, 16, 2, 1],
    ['dilation 2', 8, 16, 1, 2],
    ['grey → 1 (XNNPACK sums in another order there)', 1, 1, 1, 1],
    ['RGB → 16', 3, 16, 1, 1],
    ['RGB → 8', 3, 8, 1, 1],
    ['2 → 6', 2, 6, 1, 1],
    ['4 → 24 (17+ output channels from fewer than 8 input channels)', 4, 24, 1, 1],
  ])('leaves other convolutions to XNNPACK: %s', async (label, cin, cout, stride, dilation) => {
    const x = randomTensor(31, [2, 9, 8, cin], label) as tf.Tensor4D;
    const w = randomTensor(31, [3, 3, cin, cout], `w ${label}`) as tf.Tensor4D;
    expect(stride === 1 && dilation === 1 && ownConvTakes(cin, cout)).toBe(false);
    expect(await sameAsStock(() => tf.conv2d(x, w, stride, 'same', 'NHWC', dilation))).toBe(true);
    tf.dispose([x, w]);
  });
});

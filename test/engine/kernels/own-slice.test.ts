import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { takeEven } from '../../../src/engine/kernels/stride-two';
import { randomTensor, sameAsStock, withOurKernelsOn } from '../../helpers/stock-vs-ours';

describe('strided slices moved within the wasm memory (own-slice.ts)', () => {
  withOurKernelsOn('wasm');

  it.each([
    ["a ResNet's stride-2 subsampling (row pairs, the first half of the channels)", [12, 2, 5, 8], [0, 0, 0, 0], [12, 1, 5, 4]],
    ['an inner block of a rank 4, from an offset', [3, 5, 6, 7], [1, 2, 1, 3], [2, 2, 4, 3]],
    ['rank 2, columns 2-4', [6, 9], [0, 2], [6, 3]],
    ['rank 3, one float a run', [4, 5, 6], [1, 0, 5], [2, 5, 1]],
    ['rank 5', [2, 3, 2, 3, 4], [1, 1, 0, 1, 1], [1, 2, 2, 2, 2]],
    ['a contiguous slice (left to tfjs)', [6, 4, 3], [2, 0, 0], [3, 4, 3]],
  ])("equals tfjs's bit for bit, and leaves nothing behind: %s", async (label, shape, begin, size) => {
    const x = randomTensor(4, shape, label);
    const before = tf.memory().numTensors;
    const dataBefore = tf.backend().numDataIds();
    expect(await sameAsStock(() => tf.slice(x, begin, size))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.backend().numDataIds()).toBe(dataBefore);
    tf.dispose(x);
  });

  it('is the slice it claims: x[n, 2y, 2x, c] for the even rows and columns (takeEven)', async () => {
    const x = randomTensor(2, [2, 5, 6, 3], 'even');
    const [even, xs] = [await takeEven(x as tf.Tensor4D).array(), await x.array()];
    for (let n = 0; n < 2; n++) for (let y = 0; y < 3; y++) for (let c = 0; c < 3; c++) for (let i = 0; i < 3; i++) expect(even[n][y][i][c]).toBe((xs as number[][][][])[n][2 * y][2 * i][c]);
    tf.dispose(x);
  });

  it("keeps takeEven's gradient (a pad) and its own (a slice) bit for bit", async () => {
    const x = randomTensor(6, [2, 6, 4, 3], 'x grad');
    const v = randomTensor(6, [2, 3, 2, 3], 'v grad');
    // Second order through the subsampling: the gradient of <takeEven(x)², v>, differentiated again along v.
    const f = () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.grad((u: tf.Tensor) => tf.sum(tf.mul(tf.square(takeEven(u as tf.Tensor4D)), v)))(t), t)))(x);
    expect(await sameAsStock(f)).toBe(true);
    tf.dispose([x, v]);
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { FLIP_FILTER, flipFilter } from '../../../src/engine/kernels/own-flip-filter';
import { randomTensor, sameBits, withOurKernelsOn } from '../../helpers/stock-vs-ours';

describe('a filter flipped for the input gradient, in one pass on wasm (own-flip-filter.ts)', () => {
  withOurKernelsOn('wasm');

  it.each([
    ["start-here's second layer", [3, 3, 6, 12]],
    ['5×3, uneven', [5, 3, 2, 7]],
    ['1×1', [1, 1, 17, 32]],
    ['one channel each way', [2, 4, 1, 1]],
  ])("equals tfjs's reverse and transpose: %s", async (label, shape) => {
    const w = randomTensor(9, shape, label) as tf.Tensor4D;
    // One kernel of ours, not tfjs's Reverse and Transpose.
    expect((await tf.profile(() => tf.dispose(flipFilter(w)))).kernelNames).toEqual([FLIP_FILTER]);
    const before = tf.memory().numTensors;
    const flipped = flipFilter(w);
    const stock = tf.tidy(() => tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]));
    expect(await sameBits(flipped, stock)).toBe(true);
    tf.dispose([flipped, stock]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(w);
  });

  it('puts W[i, j, c, o] at [fh−1−i, fw−1−j, o, c]', async () => {
    const w = tf.tensor4d(Float32Array.from({ length: 2 * 3 * 2 * 4 }, (_, k) => k), [2, 3, 2, 4]);
    const f = await flipFilter(w).array();
    const ws = await w.array();
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let c = 0; c < 2; c++) for (let o = 0; o < 4; o++) expect(f[1 - i][2 - j][o][c]).toBe(ws[i][j][c][o]);
    tf.dispose(w);
  });
});

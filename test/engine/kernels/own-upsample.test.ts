import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ownUpsample } from '../../../src/engine/kernels/own-upsample';
import { createRng } from '../../../src/engine/random';
import { withOurKernelsOn } from '../../helpers/stock-vs-ours';

const rand = (shape: [number, number, number, number], label: string) => {
  const rng = createRng(31, label);
  return tf.tensor4d(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape);
};

describe("an average pool's gradient as our WebAssembly SIMD kernel (wasm)", () => {
  withOurKernelsOn('wasm');

  it.each([
    ['the ~100k CNN\'s first pool (64×14×14×16, 2×2)', [64, 14, 14, 16], 2, 2],
    ['3 channels: no whole vector', [3, 5, 7, 3], 2, 2],
    ['6 channels: a vector and 2', [2, 4, 3, 6], 2, 2],
    ['a 4×2 window', [2, 3, 4, 5], 4, 2],
    ['a 1×1 window: dy · 1', [1, 2, 2, 4], 1, 1],
  ] as Array<[string, [number, number, number, number], number, number]>)(
    "equals tfjs's multiply and nearest-neighbour resize bit for bit: %s",
    async (label, shape, kh, kw) => {
      const dy = rand(shape, label);
      const scale = 1 / (kh * kw);
      const before = tf.memory().numTensors;
      const ours = ownUpsample(dy, kh, kw, scale);
      expect(ours).not.toBeNull(); // the kernel ran
      const want = tf.tidy(() => tf.image.resizeNearestNeighbor(tf.mul(dy, scale) as tf.Tensor4D, [shape[1] * kh, shape[2] * kw]));
      expect((ours as tf.Tensor).shape).toEqual(want.shape);
      const [got, w] = [await (ours as tf.Tensor).data(), await want.data()];
      expect(Array.from(got).every((v, i) => Object.is(v, w[i]))).toBe(true);
      // And it is the copy it claims: the last pixel of the last window is the last dy value times the scale.
      expect(got[got.length - 1]).toBe(Math.fround((await dy.data())[dy.size - 1] * scale));
      tf.dispose([ours as tf.Tensor, want]);
      expect(tf.memory().numTensors).toBe(before);
      dy.dispose();
    },
  );

  it("gives avgPool's gradient (against tfjs's AvgPoolGrad), odd sizes padded with zeros", async () => {
    const x = rand([2, 7, 6, 5], 'pool x');
    const g = rand([2, 3, 3, 5], 'pool g');
    const ours = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(t as tf.Tensor4D, 2, 2, 'valid'), g)))(x);
    const stock = tf.engine().runKernel('AvgPoolGrad', { dy: g, input: x }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor;
    const [a, b] = [await ours.data(), await stock.data()];
    Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
    tf.dispose([x, g, ours, stock]);
  });
});

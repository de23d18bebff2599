import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomTensor, sameAsStock, sameBits, stockThenOurs, withOurKernelsOn } from '../../helpers/stock-vs-ours';

const rand = (shape: number[], label: string) => randomTensor(29, shape, label);

describe('Sum over every axis but the last as our WebAssembly SIMD kernel (wasm)', () => {
  withOurKernelsOn('wasm');

  // Column counts: 32-wide passes, then 16, 8, 4, and the last 1-3 columns.
  it.each([
    ['the ~100k CNN\'s first bias gradient', [64, 28, 28, 16]],
    ['its second', [64, 14, 14, 32]],
    ['a dense layer\'s (64 × 10)', [64, 10]],
    ['37 columns: 32 + 4 + 1', [2, 3, 4, 37]],
    ['7 columns: 4 + 3', [3, 5, 7]],
    ['one column', [10, 1]],
    ['one row', [1, 6]],
  ])('equals tfjs-wasm\'s Sum bit for bit: %s', async (label, shape) => {
    const x = rand(shape, label);
    const axes = shape.slice(0, -1).map((_, i) => i);
    const before = tf.memory().numTensors;
    const { stock, ours } = stockThenOurs(() => tf.sum(x, axes));
    expect(await sameBits(ours, stock)).toBe(true);
    const kept = stockThenOurs(() => tf.sum(x, axes, true));
    expect(kept.ours.shape).toEqual([...axes.map(() => 1), shape[shape.length - 1]]);
    expect(await sameBits(kept.ours, kept.stock)).toBe(true);
    tf.dispose([stock, ours, kept.stock, kept.ours]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('is a real column sum (against a float64 sum), and leaves every other reduction to tfjs', async () => {
    const x = rand([50, 3], 'check');
    const v = await x.data();
    const want = [0, 1, 2].map((c) => Array.from({ length: 50 }, (_, r) => v[r * 3 + c]).reduce((a, b) => a + b, 0));
    const got = await tf.sum(x, 0).data();
    got.forEach((g, c) => expect(g).toBeCloseTo(want[c], 4));
    // Other axes, the leading ones out of order (tfjs's transpose orders the terms otherwise), int32 and a full sum go
    // to tfjs's kernel: the same numbers as with ours switched off.
    const cube = rand([6, 5, 4], 'cube');
    for (const f of [() => tf.sum(x, 1), () => tf.sum(x), () => tf.sum(tf.cast(x, 'int32'), 0), () => tf.sum(cube, [1, 0])]) {
      expect(await sameAsStock(() => tf.tidy(f))).toBe(true);
    }
    tf.dispose([x, cube]);
  });
});

describe('Mean over every axis but the last on the same kernel (wasm)', () => {
  withOurKernelsOn('wasm');

  it.each([
    ["a ResNet's first BatchNorm (64×32×32×16)", [64, 32, 32, 16]],
    ['its third stage (64×8×8×64)', [64, 8, 8, 64]],
    ['7 columns: 4 + 3', [3, 5, 7]],
    ['one column', [10, 1]],
  ])("equals tfjs-wasm's Mean bit for bit, kept dims too: %s", async (label, shape) => {
    // Off zero, so that the sums are large and their rounding shows.
    const x = tf.tidy(() => tf.add(rand(shape, label), 3));
    const axes = shape.slice(0, -1).map((_, i) => i);
    const before = tf.memory().numTensors;
    const { stock, ours } = stockThenOurs(() => tf.mean(x, axes));
    expect(await sameBits(ours, stock)).toBe(true);
    const kept = stockThenOurs(() => tf.mean(x, axes, true));
    expect(kept.ours.shape).toEqual([...axes.map(() => 1), shape[shape.length - 1]]);
    expect(await sameBits(kept.ours, kept.stock)).toBe(true);
    tf.dispose([stock, ours, kept.stock, kept.ours]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('is a real mean (against a float64 mean), and leaves other axes to tfjs', async () => {
    const x = rand([40, 3], 'mean check');
    const v = await x.data();
    const got = await tf.mean(x, 0).data();
    [0, 1, 2].forEach((c) => expect(got[c]).toBeCloseTo(Array.from({ length: 40 }, (_, r) => v[r * 3 + c]).reduce((a, b) => a + b, 0) / 40, 5));
    const cube = rand([6, 5, 4], 'mean cube');
    for (const f of [() => tf.mean(cube, [1, 2]), () => tf.mean(cube), () => tf.mean(cube, [1, 0])]) {
      expect(await sameAsStock(() => tf.tidy(f))).toBe(true);
    }
    tf.dispose([x, cube]);
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ownBiasAddTakes } from '../../../src/engine/kernels/own-bias-add';
import { randomTensor, sameAsStock, withOurKernelsOn } from '../../helpers/stock-vs-ours';

const rand = (shape: number[], label: string) => randomTensor(37, shape, label);

describe('a bias added by our WebAssembly SIMD kernel (wasm)', () => {
  withOurKernelsOn('wasm');

  it.each([
    ["the default CNN's first layer", [64, 28, 28, 8]],
    ['a dense layer', [64, 10]],
    ['7 channels: a vector and 3', [3, 5, 7]],
    ['one channel', [4, 1]],
  ])('equals tfjs-wasm\'s Add bit for bit: %s', async (label, shape) => {
    const x = rand(shape, label);
    const c = shape[shape.length - 1];
    const b = rand([c], `${label} bias`);
    const before = tf.memory().numTensors;
    expect(ownBiasAddTakes(x, b) && ownBiasAddTakes(b, x)).toBe(true); // ours runs, not tfjs's
    expect(await sameAsStock(() => tf.add(x, b))).toBe(true);
    expect(await sameAsStock(() => tf.add(b, x))).toBe(true); // the bias first
    expect(await sameAsStock(() => tf.tidy(() => tf.add(x, tf.reshape(b, [...shape.slice(0, -1).map(() => 1), c]))))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    // It is the sum it claims: the last element is the last x plus the last bias value.
    const sum = tf.add(x, b);
    const out = await sum.data();
    sum.dispose();
    expect(out[out.length - 1]).toBe(Math.fround((await x.data())[x.size - 1] + (await b.data())[c - 1]));
    tf.dispose([x, b]);
  });

  it('leaves every other addition to tfjs (same shapes, other broadcasts, int32): the same numbers', async () => {
    const x = rand([6, 5, 4], 'x');
    const y = rand([6, 5, 4], 'y');
    const col = rand([6, 5, 1], 'column');
    const mid = rand([5, 1], 'middle');
    for (const [u, v] of [[x, y], [x, col], [x, mid]]) expect(ownBiasAddTakes(u, v)).toBe(false);
    for (const f of [() => tf.add(x, y), () => tf.add(x, col), () => tf.add(x, mid), () => tf.add(tf.cast(x, 'int32'), tf.cast(y, 'int32')), () => tf.add(x, 1)]) {
      expect(await sameAsStock(() => tf.tidy(f))).toBe(true);
    }
    tf.dispose([x, y, col, mid]);
  });
});

describe('a per-channel scale multiplied by the same kernel (wasm)', () => {
  withOurKernelsOn('wasm');

  it.each([
    ["a ResNet's first BatchNorm (64×32×32×16)", [64, 32, 32, 16]],
    ['7 channels: a vector and 3', [3, 5, 7]],
    ['one channel', [4, 1]],
  ])("equals tfjs-wasm's Multiply bit for bit, either order, kept dims too: %s", async (label, shape) => {
    const x = rand(shape, `mul ${label}`);
    const c = shape[shape.length - 1];
    const g = rand([c], `${label} scale`);
    const before = tf.memory().numTensors;
    expect(await sameAsStock(() => tf.mul(x, g))).toBe(true);
    expect(await sameAsStock(() => tf.mul(g, x))).toBe(true);
    expect(await sameAsStock(() => tf.tidy(() => tf.mul(x, tf.reshape(g, [...shape.slice(0, -1).map(() => 1), c]))))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    // It is the product it claims: the last element is the last x times the last scale.
    const prod = tf.mul(x, g);
    const out = await prod.data();
    prod.dispose();
    expect(out[out.length - 1]).toBe(Math.fround((await x.data())[x.size - 1] * (await g.data())[c - 1]));
    tf.dispose([x, g]);
  });
});

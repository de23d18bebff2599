import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { createRng } from '../../../src/engine/random';
import { withOurKernelsOn } from '../../helpers/stock-vs-ours';

// Oracle: the convolution and both its gradients written out as float64 loops (independent of tfjs).

interface Case {
  name: string;
  x: [number, number, number, number];
  f: [number, number, number, number];
  pad: 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
}

function pads(c: Case): { t: number; l: number; oh: number; ow: number } {
  const [, h, w] = c.x;
  const [fh, fw] = c.f;
  if (c.pad === 'valid') return { t: 0, l: 0, oh: h - fh + 1, ow: w - fw + 1 };
  if (c.pad === 'same') return { t: Math.floor((fh - 1) / 2), l: Math.floor((fw - 1) / 2), oh: h, ow: w };
  const [, [t, b], [l, r]] = c.pad;
  return { t, l, oh: h + t + b - fh + 1, ow: w + l + r - fw + 1 };
}

/** dL/dx and dL/dW of L = Σ conv(x, W) ⊙ r, in float64. */
function oracle(c: Case, x: Float32Array, w: Float32Array, r: Float32Array): { dx: Float64Array; dw: Float64Array } {
  const [n, h, wd, ci] = c.x;
  const [fh, fw, , co] = c.f;
  const { t, l, oh, ow } = pads(c);
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let o = 0; o < co; o++) {
          const g = r[((b * oh + i) * ow + j) * co + o];
          for (let a = 0; a < fh; a++)
            for (let e = 0; e < fw; e++) {
              const p = i + a - t;
              const q = j + e - l;
              if (p < 0 || p >= h || q < 0 || q >= wd) continue;
              for (let k = 0; k < ci; k++) {
                const xi = ((b * h + p) * wd + q) * ci + k;
                const wi = ((a * fw + e) * ci + k) * co + o;
                dx[xi] += g * w[wi];
                dw[wi] += g * x[xi];
              }
            }
        }
  return { dx, dw };
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
}

const rand = (n: number, label: string) => {
  const rng = createRng(7, label);
  return Float32Array.from({ length: n }, () => rng.normal());
};
const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

const cases: Case[] = [
  { name: '3x3 same (our CNN)', x: [4, 8, 7, 2], f: [3, 3, 2, 5], pad: 'same' },
  { name: '3x3 valid', x: [3, 6, 9, 3], f: [3, 3, 3, 2], pad: 'valid' },
  { name: '2x4 same (even filter: uneven pads)', x: [2, 7, 8, 2], f: [2, 4, 2, 3], pad: 'same' },
  { name: 'explicit pads', x: [2, 6, 6, 1], f: [3, 3, 1, 4], pad: [[0, 0], [2, 0], [1, 2], [0, 0]] },
];

describe.each(['cpu', 'wasm'])('Conv2D gradient replacement on %s', (backend) => {
  withOurKernelsOn(backend);

  it.each(cases)('matches the float64 oracle: $name', async (c) => {
    const x = rand(size(c.x), `x${c.name}`);
    const w = rand(size(c.f), `w${c.name}`);
    const { oh, ow } = pads(c);
    const r = rand(c.x[0] * oh * ow * c.f[3], `r${c.name}`);
    const [gx, gw] = tf.tidy(() => {
      const rt = tf.tensor4d(r, [c.x[0], oh, ow, c.f[3]]);
      return tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, c.pad), rt)))([
        tf.tensor4d(x, c.x),
        tf.tensor4d(w, c.f),
      ]);
    });
    const ref = oracle(c, x, w, r);
    expect(gx.shape).toEqual(c.x);
    expect(gw.shape).toEqual(c.f);
    expect(relErr(await gx.data(), ref.dx)).toBeLessThan(1e-5);
    expect(relErr(await gw.data(), ref.dw)).toBeLessThan(1e-5);
    tf.dispose([gx, gw]);
  });

  it('trains: the filter gradient works where the backend has no Conv2DBackpropFilter kernel', async () => {
    const before = tf.memory().numTensors;
    const w0 = tf.tensor4d(rand(18, 'train-w'), [3, 3, 1, 2]);
    const w = tf.variable(w0);
    const x = tf.tensor4d(rand(2 * 25, 'train-x'), [2, 5, 5, 1]);
    const target = tf.zeros([2, 5, 5, 2]);
    const lossOf = () => tf.mean(tf.square(tf.sub(tf.conv2d(x, w as tf.Tensor4D, 1, 'same'), target))) as tf.Scalar;
    const read = async () => {
      const t = tf.tidy(lossOf);
      const v = (await t.data())[0];
      t.dispose();
      return v;
    };
    const l0 = await read();
    const opt = tf.train.sgd(0.1);
    opt.minimize(lossOf);
    expect(await read()).toBeLessThan(l0);
    opt.dispose();
    tf.dispose([w0, w, x, target]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is differentiable again: a second derivative through conv matches the oracle of its (linear) gradient', async () => {
    // d/dx <∂L/∂W, V> with L = Σ conv(x, W) ⊙ r is the input gradient of conv with filter V: the oracle's dx for V.
    const c = cases[0];
    const x = rand(size(c.x), 'so-x');
    const w = rand(size(c.f), 'so-w');
    const v = rand(size(c.f), 'so-v');
    const r = rand(c.x[0] * c.x[1] * c.x[2] * c.f[3], 'so-r');
    const g = tf.tidy(() => {
      const rt = tf.tensor4d(r, [c.x[0], c.x[1], c.x[2], c.f[3]]);
      const vt = tf.tensor4d(v, c.f);
      const inner = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'), rt));
      return tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.grads(inner)([a, tf.tensor4d(w, c.f)])[1], vt)))(tf.tensor4d(x, c.x));
    });
    expect(relErr(await g.data(), oracle(c, x, v, r).dx)).toBeLessThan(1e-5);
    g.dispose();
  });
});

describe('fallback to the stock gradient (cpu)', () => {
  it('keeps strided convolutions on tfjs’s own gradient', async () => {
    installKernels();
    await tf.setBackend('cpu');
    const x = tf.tensor4d(rand(2 * 6 * 6, 'st-x'), [2, 6, 6, 1]);
    const w = tf.tensor4d(rand(9 * 2, 'st-w'), [3, 3, 1, 2]);
    // Reference by central differences in the filter (the loss is linear in W, so they are exact up to rounding).
    const lossAt = (wv: Float32Array) => tf.tidy(() => tf.sum(tf.square(tf.conv2d(x, tf.tensor4d(wv, [3, 3, 1, 2]), 2, 'valid'))).dataSync()[0]);
    const g = tf.grad((b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, b as tf.Tensor4D, 2, 'valid'))))(w);
    const gv = await g.data();
    const wv = (await w.data()) as Float32Array;
    for (const i of [0, 5, 17]) {
      const eps = 1e-2;
      const p = Float32Array.from(wv);
      p[i] += eps;
      const m = Float32Array.from(wv);
      m[i] -= eps;
      expect(Math.abs((lossAt(p) - lossAt(m)) / (2 * eps) - gv[i])).toBeLessThan(1e-2 * Math.max(1, Math.abs(gv[i])));
    }
    tf.dispose([x, w, g]);
  });
});

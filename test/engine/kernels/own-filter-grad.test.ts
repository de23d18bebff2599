import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { filterGrad, filterGradConv } from '../../../src/engine/kernels/conv-bilinear';
import type { ConvPads } from '../../../src/engine/kernels/conv-geometry';
import { ownFilterGrad } from '../../../src/engine/kernels/own-filter-grad';
import { createRng } from '../../../src/engine/random';
import { withOurKernelsOn } from '../../helpers/stock-vs-ours';

const rand = (shape: number[], label: string) => {
  const rng = createRng(23, label);
  return tf.tensor4d(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape as [number, number, number, number]);
};

const same: ConvPads = { top: 1, bottom: 1, left: 1, right: 1 };
const cases: { label: string; x: number[]; cout: number; f: [number, number]; pads: ConvPads }[] = [
  { label: "the bench CNN's first layer (64×28×28×1 → 16)", x: [64, 28, 28, 1], cout: 16, f: [3, 3], pads: same },
  { label: 'the default CNN’s first layer (→ 8: one pass of 2 vectors)', x: [16, 28, 28, 1], cout: 8, f: [3, 3], pads: same },
  { label: 'RGB, 20 output channels (input channels 2 + 1, HWNC copies; output passes 16 + 4)', x: [5, 9, 7, 3], cout: 20, f: [3, 3], pads: same },
  { label: '4 channels, valid, one image', x: [1, 6, 5, 4], cout: 4, f: [3, 3], pads: { top: 0, bottom: 0, left: 0, right: 0 } },
  { label: '2×2 with pads below and right only', x: [3, 5, 6, 2], cout: 12, f: [2, 2], pads: { top: 0, bottom: 1, left: 0, right: 1 } },
  { label: '5×3 with uneven pads', x: [2, 8, 7, 1], cout: 32, f: [5, 3], pads: { top: 2, bottom: 1, left: 0, right: 2 } },
  { label: "start-here's first layer (→ 6: a 4-wide pass, then the last 2)", x: [64, 16, 16, 1], cout: 6, f: [3, 3], pads: same },
  { label: '→ 1 output channel', x: [4, 7, 6, 2], cout: 1, f: [3, 3], pads: same },
  { label: '→ 3 output channels, RGB', x: [4, 7, 6, 3], cout: 3, f: [3, 3], pads: same },
  { label: '→ 23 output channels (8 + 8 + 4 + 3)', x: [3, 6, 5, 1], cout: 23, f: [3, 3], pads: same },
  { label: "start-here's second layer (6 → 12: 2 input channels a pass)", x: [128, 8, 8, 6], cout: 12, f: [3, 3], pads: same },
  { label: "the ~100k bench CNN's second layer (16 → 32)", x: [8, 14, 14, 16], cout: 32, f: [3, 3], pads: same },
  { label: '7 → 23 (input channels 2 + 2 + 2 + 1; output passes 16 + 4 + 3)', x: [3, 6, 5, 7], cout: 23, f: [3, 3], pads: same },
  { label: '6 → 9, 5×3 with uneven pads', x: [2, 9, 7, 6], cout: 9, f: [5, 3], pads: { top: 2, bottom: 1, left: 0, right: 2 } },
  // dy goes in tiles of about 32768 floats' worth of pixels (n·cout floats each), each output's sum carried over from
  // one tile to the next.
  { label: 'a ResNet third stage (64 → 64, tiles of 32 pixels: 4 whole rows)', x: [16, 8, 8, 64], cout: 64, f: [3, 3], pads: same },
  { label: 'two tiles, the last one short (3 → 20, 5×3, uneven pads: 102 pixels, then 18)', x: [16, 12, 10, 3], cout: 20, f: [5, 3], pads: { top: 2, bottom: 1, left: 0, right: 2 } },
  { label: 'tiles of 8 pixels that split rows of 10 (64 → 64)', x: [64, 10, 10, 64], cout: 64, f: [3, 3], pads: same },
  { label: 'tiles of one pixel (2 → 256, 130 images)', x: [130, 3, 3, 2], cout: 256, f: [3, 3], pads: same },
];

describe('the filter gradient as our WebAssembly SIMD kernel (wasm)', () => {
  withOurKernelsOn('wasm');

  it.each(cases)('equals the conv2d form bit for bit: $label', async ({ x: xs, cout, f: [fh, fw], pads }) => {
    const [n, h, w] = xs;
    const x = rand(xs, `x${xs}`);
    const dy = rand([n, h + pads.top + pads.bottom - fh + 1, w + pads.left + pads.right - fw + 1, cout], `dy${xs}`);
    const before = tf.memory().numTensors;
    const dataBefore = tf.backend().numDataIds();
    const ours = ownFilterGrad(x, dy, fh, fw, pads);
    expect(ours).not.toBeNull(); // the kernel ran, not the fallback
    const got = await (ours as tf.Tensor).data();
    const conv = filterGradConv(x, dy, pads);
    const want = await conv.data();
    expect(got.length).toBe(fh * fw * xs[3] * cout);
    let differing = 0;
    for (let k = 0; k < want.length; k++) if (!Object.is(got[k], want[k])) differing++;
    expect(differing).toBe(0);
    // filterGrad (the training path) takes it too.
    const viaGrad = filterGrad(x, dy, pads);
    expect(Array.from(await viaGrad.data())).toEqual(Array.from(got));
    tf.dispose([ours as tf.Tensor, conv, viaGrad]);
    expect(tf.memory().numTensors).toBe(before); // nothing left behind
    expect(tf.backend().numDataIds()).toBe(dataBefore); // the HWNC scratch freed too
    tf.dispose([x, dy]);
  });

  it('leaves layers with more input channels (past 256 on one thread) to the conv2d form', () => {
    const x = rand([2, 5, 5, 260], 'wide x');
    const dy = rand([2, 5, 5, 8], 'wide dy');
    expect(ownFilterGrad(x, dy, 3, 3, same)).toBeNull();
    tf.dispose([x, dy]);
  });
});

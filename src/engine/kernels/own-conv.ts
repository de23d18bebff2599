import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its Conv2D is registered first: ours hands it every convolution it does not take
import { disposeWasmData, wasmOutputsAndOffsets } from './backend-memory';
import { stride1Pads, type ConvAttrs } from './conv-geometry';
import { overStockKernel, ownFunctionIn, ownKernelRuns, wasmThreads } from './own-module';
import { CONV_WASM } from './simd/conv-wasm';
import { CONV_GREY_WASM } from './simd/conv-grey-wasm';

// Stride-1 convolutions on wasm as WebAssembly SIMD kernels of our own, when tfjs-wasm runs on one thread: a CNN's
// forward pass and, through conv-bilinear.ts, its input gradient (a convolution with the flipped filter).
// - Layers of 8+ input and a multiple of 16 output channels (simd/conv.wat.mjs): XNNPACK's igemm runs the ~100k bench
//   CNN's 16 → 32 layer at 34-35 GFLOP/s here, ours at 40-42.
// - Layers of 4+ input and 1-15 output channels, or 8+ and 17+ that are no multiple of 16 (the same module's convPadded,
//   its filter copied to whole vectors first): start-here's 6 → 12 and 12 → 6, which XNNPACK runs at 18-26 GFLOP/s,
//   1.1-1.3x.
// - Grey first layers, one input channel (simd/conv-grey.wat.mjs): XNNPACK's igemm does one multiply-add per tap there
//   (10-17 GFLOP/s), ours four pixels' worth (13-28: 1.26-1.76x).
// All measured with a filter fresh each call, as in training (`npm run bench -- --only=conv`). Same numbers bit for
// bit: each sums in XNNPACK's order (own-conv.test.ts).

type ConvFn = (...args: number[]) => void;

const convIn = (backend: unknown) => ownFunctionIn<ConvFn>(backend, CONV_WASM, 'conv', 'own convolution kernel');
const convByColumnsIn = (backend: unknown) => ownFunctionIn<ConvFn>(backend, CONV_WASM, 'convByColumns', 'own convolution kernel (by columns)');
const convPaddedIn = (backend: unknown) => ownFunctionIn<ConvFn>(backend, CONV_WASM, 'convPadded', 'own convolution kernel (any width)');
const convGreyIn = (backend: unknown) => ownFunctionIn<ConvFn>(backend, CONV_GREY_WASM, 'convGrey', 'own first-layer convolution kernel');

/**
 * The most threads at which ours takes a convolution: XNNPACK splits one over its threads, ours runs on one. Measured
 * on one thread only.
 */
const MAX_THREADS = 1;

/** Whether tfjs-wasm runs on a thread count at which our convolutions take a layer (MAX_THREADS). */
export function onOwnConvThreads(): boolean {
  const threads = wasmThreads();
  return threads >= 1 && threads <= MAX_THREADS;
}

/**
 * Whether ours takes a layer of `cin` → `cout` channels. The wide kernel works 16 output channels at a time, and is
 * 1.07-1.25x XNNPACK's speed from 8 input channels on (default CNN 8 → 16, ~100k CNN 16 → 32 and back, ResNet and VGG
 * stages); RGB → 16 stays XNNPACK's (1.02x). The grey one takes 2+ output channels: for one, XNNPACK sums in another
 * order.
 */
export const ownConvTakes = (cin: number, cout: number): boolean => (cin === 1 && cout >= 2) || wide(cin, cout) || padded(cin, cout);

/** Whether the wide kernel takes a layer as it is: 8+ input channels, a multiple of 16 output channels. */
const wide = (cin: number, cout: number): boolean => cin >= 8 && cout >= 16 && cout % 16 === 0;

/**
 * Whether the kernel takes a layer with its filter copied to whole vectors first: 1-15 output channels from 4 input
 * channels on (1.01-1.45x XNNPACK's speed; start-here's 6 → 12 1.3x, 12 → 6 1.1x; 0.82-0.88x for 2 or 3 input
 * channels, left to XNNPACK), or 17+ that are no multiple of 16 from 8 on (groups of 16, then the rest).
 */
const padded = (cin: number, cout: number): boolean => (cin >= 4 && cout >= 1 && cout <= 15) || (cin >= 8 && cout > 16 && cout % 16 !== 0);

/**
 * Filters of more bytes than this (this VM's L2 cache) are walked 16 output channels at a time over every pixel
 * (convByColumns), so that those columns of W stay in the cache; smaller ones every channel per block of pixels (conv).
 * VGG ×1's fifth block (a 2.4 MB filter) took ours 42-44 ms the one way (0.75x XNNPACK) and 32-33 the other
 * (1.05-1.17x); its fourth (0.6 MB) 29 ms the first way and 30-32 the second.
 */
const BY_COLUMNS_BYTES = 1024 * 1024;

/** W's floats in the padded copy: its rows (taps · cin) of cout rounded up to whole vectors. */
export const paddedFloats = (rows: number, cout: number): number => rows * ((cout & ~15) + 4 * Math.ceil((cout & 15) / 4));

/**
 * tfjs-wasm's Conv2D, with the float32 stride-1 NHWC convolutions ownConvTakes on one thread done by our kernels; any
 * other by tfjs's.
 */
export const convKernel: tf.KernelConfig = overStockKernel('Conv2D', (args) => {
  const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
  if (x.dtype !== 'float32' || filter.dtype !== 'float32' || x.shape.length !== 4 || x.shape[0] < 1) return null;
  if (!ownConvTakes(x.shape[3], filter.shape[3])) return null;
  if (!onOwnConvThreads()) return null;
  const a = args.attrs as unknown as ConvAttrs;
  const pads = stride1Pads(x.shape, filter.shape, a.strides, a.dilations, a.pad, a.dataFormat, a.dimRoundingMode);
  const [n, h, w, cin] = x.shape;
  const [fh, fw, , cout] = filter.shape;
  const grey = cin === 1;
  const slim = !grey && !wide(cin, cout);
  const byColumns = !grey && !slim && fh * fw * cin * cout * 4 > BY_COLUMNS_BYTES;
  const fn =
    pads === null ? null : grey ? convGreyIn(args.backend) : slim ? convPaddedIn(args.backend) : byColumns ? convByColumnsIn(args.backend) : convIn(args.backend);
  if (pads === null || fn === null) return null;
  const oh = h + pads.top + pads.bottom - fh + 1;
  const ow = w + pads.left + pads.right - fw + 1;
  if (oh < 1 || ow < 1) return null;
  // Scratch freed when the kernel returns: the grey kernel's zero-padded copy of x; the others' cin zeros that the
  // taps in the padding read, and for the padded layout a copy of W in rows of whole vectors (each kernel writes its own).
  const scratch = grey ? [n * (oh + fh - 1) * (ow + fw - 1)] : slim ? [cin + paddedFloats(fh * fw * cin, cout)] : [cin];
  const { outs, offsets } = wasmOutputsAndOffsets(args.backend, [[n, oh, ow, cout], scratch], [x, filter]);
  try {
    if (grey) fn(offsets[0], offsets[1], offsets[2], n, h, w, oh, ow, cout, fh, fw, pads.top, pads.left, offsets[3]);
    else fn(offsets[0], offsets[1], offsets[2], n, h, w, cin, oh, ow, cout, fh, fw, pads.top, pads.left, offsets[3], offsets[3] + 4 * cin);
  } finally {
    disposeWasmData(args.backend, outs[1]);
  }
  return outs[0];
});

/**
 * Whether a float32 stride-1 NHWC tf.conv2d of a layer ownConvTakes runs on our kernels now (wasm on one thread, ours
 * registered, their modules up).
 */
export function ownConvRuns(): boolean {
  return onOwnConvThreads() && ownKernelRuns(convKernel, convIn) && [convGreyIn, convPaddedIn, convByColumnsIn].every((f) => f(tf.backend()) !== null);
}

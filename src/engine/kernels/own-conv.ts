import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its Conv2D is registered first: ours hands it every convolution it does not take
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { disposeWasmData, wasmOutputsAndOffsets } from './backend-memory';
import { stride1Pads } from './conv-geometry';
import { overStockKernel, ownFunctionIn, ownKernelRuns } from './own-module';
import { CONV_WASM } from './simd/conv-wasm';

// Stride-1 convolutions on wasm as a WebAssembly SIMD kernel of our own (simd/conv.wat.mjs): a CNN's forward pass and,
// through conv-bilinear.ts, its input gradient (a convolution with the flipped filter), for layers of 8+ input and a
// multiple of 16 output channels when tfjs-wasm runs on one thread. XNNPACK's igemm runs the ~100k bench CNN's
// 16 → 32 layer at 35-36 GFLOP/s here, ours at 42, a filter fresh each call as in training (`npm run bench --
// --only=conv`). Same numbers bit for bit: the kernel sums in XNNPACK's order (own-conv.test.ts).

type ConvFn = (...args: number[]) => void;

const convIn = (backend: unknown) => ownFunctionIn<ConvFn>(backend, CONV_WASM, 'conv', 'own convolution kernel');

/**
 * The most threads at which ours takes a convolution: XNNPACK splits one over its threads, ours runs on one. Measured
 * on one thread only.
 */
const MAX_THREADS = 1;

/**
 * Whether ours takes a layer of `cin` → `cout` channels: it works 16 output channels at a time, and is 1.07-1.2x
 * XNNPACK's speed from 8 input channels on (default CNN 8 → 16, ~100k CNN 16 → 32 and back, ResNet and VGG stages),
 * but 0.4-0.98x on grey or RGB first layers and 0.8-0.94x for 6 → 12 or 16 → 8, left to XNNPACK.
 */
export const ownConvTakes = (cin: number, cout: number): boolean => cin >= 8 && cout % 16 === 0;

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: string;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** tfjs-wasm's thread count (1 in Node), or 0 when it cannot say. */
function wasmThreads(): number {
  try {
    return getThreadsCount();
  } catch {
    return 0;
  }
}

/**
 * tfjs-wasm's Conv2D, with the float32 stride-1 NHWC convolutions ownConvTakes on one thread done by our kernel; any
 * other by tfjs's.
 */
export const convKernel: tf.KernelConfig = overStockKernel('Conv2D', (args) => {
  const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
  if (x.dtype !== 'float32' || filter.dtype !== 'float32' || x.shape.length !== 4 || x.shape[0] < 1) return null;
  if (!ownConvTakes(x.shape[3], filter.shape[3])) return null;
  const threads = wasmThreads();
  if (threads < 1 || threads > MAX_THREADS) return null;
  const a = args.attrs as unknown as ConvAttrs;
  const pads = stride1Pads(x.shape, filter.shape, a.strides, a.dilations, a.pad, a.dataFormat, a.dimRoundingMode);
  const fn = pads === null ? null : convIn(args.backend);
  if (pads === null || fn === null) return null;
  const [n, h, w, cin] = x.shape;
  const [fh, fw, , cout] = filter.shape;
  const oh = h + pads.top + pads.bottom - fh + 1;
  const ow = w + pads.left + pads.right - fw + 1;
  // The output, and cin floats of zeros for the taps in the padding (the kernel clears them), freed when it returns.
  const { outs, offsets } = wasmOutputsAndOffsets(args.backend, [[n, oh, ow, cout], [cin]], [x, filter]);
  try {
    fn(offsets[0], offsets[1], offsets[2], n, h, w, cin, oh, ow, cout, fh, fw, pads.top, pads.left, offsets[3]);
  } finally {
    disposeWasmData(args.backend, outs[1]);
  }
  return outs[0];
});

/**
 * Whether a float32 stride-1 NHWC tf.conv2d of a layer ownConvTakes runs on our kernel now (wasm on one thread, ours
 * registered, its module up).
 */
export function ownConvRuns(): boolean {
  const threads = wasmThreads();
  return threads >= 1 && threads <= MAX_THREADS && ownKernelRuns(convKernel, convIn);
}

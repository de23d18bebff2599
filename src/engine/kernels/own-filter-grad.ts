import * as tf from '@tensorflow/tfjs';
import { disposeWasmData, wasmOutputsAndOffsets } from './backend-memory';
import type { ConvPads } from './conv-geometry';
import { ownFunctionIn, ownKernelRuns, wasmThreads } from './own-module';
import { FILTER_GRAD_WASM } from './simd/filter-grad-wasm';

// The filter gradient of a stride-1 convolution as a WebAssembly SIMD kernel of our own (simd/filter-grad.wat.mjs),
// working in tfjs-backend-wasm's own memory: for first layers (grey or RGB images) always, for layers of up to 256
// input channels when wasm runs on one or two threads. tfjs runs it as a conv2d whose "filter" is the whole output
// gradient, a shape XNNPACK is slow at (2.8 GFLOP/s for the bench CNN's first layer). Same numbers bit for bit: the
// kernel sums in XNNPACK's order (own-filter-grad.test.ts).

/** Kernel name (registered for wasm by own-kernels.ts). */
export const FILTER_GRAD = 'PfpFilterGrad';

/**
 * Input channels our kernel takes on any thread count: first layers, where tfjs's conv2d form is slow however many
 * threads XNNPACK splits it over.
 */
const ANY_THREADS_CHANNELS = 4;
/**
 * Up to this many when tfjs-wasm runs on one or two threads (Node; the page's automatic count on a 2- or 3-core
 * machine): walking HWNC copies of x and dy in tiles that stay in the cache, it is 1.5-2.8x faster than the conv2d
 * form on one thread from 8 to 256 input channels, the most measured (`npm run bench -- --only=filter-grad`;
 * 0.92-0.98x at 64 before the tiles, 1.2-1.7x before the copies). XNNPACK splits the conv2d form over its threads and
 * our kernel runs on one: at two threads ours still trained the bench CNNs 10-17% faster (`npm run bench:browser --
 * --backends=wasm --set=cnn --threads=2`, two pairs); more threads are not measured, and get the conv2d form.
 */
const FEW_THREADS_CHANNELS = 256;
/** The most threads at which our kernel takes layers of up to FEW_THREADS_CHANNELS. */
const FEW_THREADS = 2;

/**
 * From this many input channels the kernel walks HWNC copies of x and dy (simd/filter-grad.wat.mjs): 1.3-1.9x faster
 * for 6-256 channels, copies included; grey first layers are faster as they are.
 */
const HWNC_CHANNELS = 2;

interface FilterGradAttrs {
  fh: number;
  fw: number;
  top: number;
  left: number;
}

type FilterGradFn = (...args: number[]) => void;

/** Our kernel on the backend's memory, or null if it cannot run there. */
const filterGradIn = (backend: unknown) => ownFunctionIn<FilterGradFn>(backend, FILTER_GRAD_WASM, 'filterGrad', 'own filter-gradient kernel');

export const filterGradKernel: tf.KernelConfig = {
  kernelName: FILTER_GRAD,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as FilterGradAttrs;
    const fn = filterGradIn(backend);
    if (fn === null) throw new Error('own filter-gradient kernel unavailable');
    const [n, h, w, cin] = x.shape;
    const [, oh, ow, cout] = dy.shape;
    // Scratch for the kernel's HWNC copies of x and dy, freed when it returns.
    const hwnc = cin >= HWNC_CHANNELS;
    const shapes = hwnc ? [[a.fh, a.fw, cin, cout], [n * (h * w * cin + oh * ow * cout)]] : [[a.fh, a.fw, cin, cout]];
    const { outs, offsets } = wasmOutputsAndOffsets(backend, shapes, [x, dy]);
    try {
      fn(offsets[0], offsets[1], offsets[2], n, h, w, cin, oh, ow, cout, a.fh, a.fw, a.top, a.left, hwnc ? offsets[3] : 0);
    } finally {
      if (hwnc) disposeWasmData(backend, outs[1]);
    }
    return outs[0];
  },
};

/** Whether our kernel runs on the backend in use (wasm, its module instantiated on tfjs's memory). */
export function ownFilterGradReady(): boolean {
  return ownKernelRuns(filterGradKernel, filterGradIn);
}

/**
 * dW by our kernel where it applies (wasm, float32, ≤ 4 input channels or ≤ 256 on one or two threads, a batch),
 * else null and the caller uses tfjs's conv2d.
 */
export function ownFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, fh: number, fw: number, pads: ConvPads): tf.Tensor4D | null {
  if (x.dtype !== 'float32' || dy.dtype !== 'float32' || x.shape[0] < 1) return null;
  const threads = wasmThreads();
  if (x.shape[3] > (threads >= 1 && threads <= FEW_THREADS ? FEW_THREADS_CHANNELS : ANY_THREADS_CHANNELS)) return null;
  if (!ownFilterGradReady()) return null;
  return tf.engine().runKernel(FILTER_GRAD, { x, dy }, { fh, fw, top: pads.top, left: pads.left }) as tf.Tensor4D;
}

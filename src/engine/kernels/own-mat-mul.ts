import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its BatchMatMul is registered first: ours hands it every product it does not take
import { disposeWasmData, wasmOutputsAndOffsets } from './backend-memory';
import { convIn, onOwnConvThreads } from './own-conv';
import { overStockKernel, ownKernelRuns } from './own-module';

// A dense layer's products on wasm as our convolution kernel (simd/conv.wat.mjs) with a 1×1 filter: a·b, a [rows, k]
// and b [k, n], is the 1×1 convolution of `rows` pixels of k channels with the filter b. tfjs-wasm's BatchMatMul
// (XNNPACK's GEMM) packs b into its own layout on every call, since b is a new tensor each step; the ~100k bench CNN's
// first dense layer, 64×1568 · 1568×64, took it 0.69 ms and takes ours 0.40, and its gradients' 1568×64 · 64×64
// 0.37 and 0.32 (scripts measured in docs/benchmarks.md). Each output is the same float32 sum over k, from +0 in k's
// order, as XNNPACK's, so the same bits (own-mat-mul.test.ts).

/**
 * Whether ours takes a product with inner size k and n columns: the convolution kernel's channel rule (8+ inputs,
 * a multiple of 16 outputs).
 */
export const ownMatMulTakes = (k: number, n: number): boolean => k >= 8 && n >= 16 && n % 16 === 0;

/**
 * tfjs-wasm's BatchMatMul, with float32 products a·b of no transposes, b one matrix (rank 2) and a one or a batch of
 * them, done by our convolution kernel on one thread where ownMatMulTakes; any other by tfjs's.
 */
export const matMulKernel: tf.KernelConfig = overStockKernel('BatchMatMul', (args) => {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
  if (transposeA || transposeB || a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  if (a.shape.length < 2 || b.shape.length !== 2 || !onOwnConvThreads()) return null;
  const [rows, k] = a.shape.slice(-2);
  const [kb, n] = b.shape;
  const batch = a.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  if (kb !== k || !ownMatMulTakes(k, n) || rows < 1 || batch < 1) return null;
  const fn = convIn(args.backend);
  if (fn === null) return null;
  // The kernel reads k zeros where a tap falls in the padding; a 1×1 filter has none, but it is passed one all the same.
  const { outs, offsets } = wasmOutputsAndOffsets(args.backend, [[...a.shape.slice(0, -2), rows, n], [k]], [a, b]);
  try {
    // batch images of 1 × rows pixels, k channels in, n out; a 1×1 filter, no padding.
    fn(offsets[0], offsets[1], offsets[2], batch, 1, rows, k, 1, rows, n, 1, 1, 0, 0, offsets[3]);
  } finally {
    disposeWasmData(args.backend, outs[1]);
  }
  return outs[0];
});

/** Whether a float32 tf.matMul of a product ownMatMulTakes runs on our kernel now (wasm on one thread, ours registered). */
export function ownMatMulRuns(): boolean {
  return onOwnConvThreads() && ownKernelRuns(matMulKernel, convIn);
}

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its BatchMatMul is registered first: ours hands it every product it does not take
import { disposeWasmData, wasmOutputsAndOffsets } from './backend-memory';
import { onOwnConvThreads, paddedFloats } from './own-conv';
import { overStockKernel, ownFunctionIn, ownKernelRuns } from './own-module';
import { CONV_WASM } from './simd/conv-wasm';

// A dense layer's products on wasm on our convolution kernel (simd/conv.wat.mjs's matmul): a·b, a [rows, k] and
// b [k, n], is the 1×1 convolution of `rows` pixels of k channels with the filter b. tfjs-wasm's BatchMatMul
// (XNNPACK's GEMM) packs b into its own layout for each new b, as each training step's weights are: the ~100k bench
// CNN's first dense layer, 64×1568 · 1568×64, took it 0.88-0.90 ms and takes ours 0.42-0.43; its gradients'
// 1568×64 · 64×64 0.42-0.43 and 0.36 (`npm run bench -- --only=dense`). With a transposed operand XNNPACK took 3-4x longer (mat-mul-grad.ts
// transposes first), ours reads aᵀ in place and copies bᵀ to its padded filter, as it copies any b. Each output is the
// same float32 sum over k, from +0 in k's order, as XNNPACK's, so the same bits (own-mat-mul.test.ts).

type MatMulFn = (a: number, b: number, out: number, batch: number, rows: number, k: number, n: number, ta: number, tb: number, zero: number, wpad: number) => void;

const matMulIn = (backend: unknown) => ownFunctionIn<MatMulFn>(backend, CONV_WASM, 'matmul', 'own matrix product kernel');

/**
 * Whether ours takes a product of inner size k and n columns: any (for small ones both kernels take a few µs, and ours
 * spares the transposes of a flagged product).
 */
export const ownMatMulTakes = (k: number, n: number): boolean => k >= 1 && n >= 1;

/**
 * tfjs-wasm's BatchMatMul, with float32 products a·b, either transposed, b one matrix (rank 2) and a one or a batch of
 * them, done by our kernel on one thread where ownMatMulTakes; any other by tfjs's.
 */
export const matMulKernel: tf.KernelConfig = overStockKernel('BatchMatMul', (args) => {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length !== 2 || !onOwnConvThreads()) return null;
  const [a0, a1] = a.shape.slice(-2);
  const [rows, k] = transposeA ? [a1, a0] : [a0, a1];
  const [kb, n] = transposeB ? [b.shape[1], b.shape[0]] : b.shape;
  const batch = a.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  if (kb !== k || !ownMatMulTakes(k, n) || rows < 1 || batch < 1) return null;
  const fn = matMulIn(args.backend);
  if (fn === null) return null;
  // Scratch: k zeros (the convolution's padding buffer: a 1×1 filter has no padding, but the kernel clears one), and b
  // copied to rows of n rounded up to whole vectors.
  const { outs, offsets } = wasmOutputsAndOffsets(args.backend, [[...a.shape.slice(0, -2), rows, n], [k + paddedFloats(k, n)]], [a, b]);
  try {
    fn(offsets[0], offsets[1], offsets[2], batch, rows, k, n, transposeA ? 1 : 0, transposeB ? 1 : 0, offsets[3], offsets[3] + 4 * k);
  } finally {
    disposeWasmData(args.backend, outs[1]);
  }
  return outs[0];
});

/** Whether tf.matMul(x, y, tx, ty) runs on our kernel now (wasm on one thread, ours registered, a product it takes). */
export function ownMatMulTakesProduct(x: tf.Tensor, y: tf.Tensor, tx: boolean, ty: boolean): boolean {
  if (x.dtype !== 'float32' || y.dtype !== 'float32' || x.rank < 2 || y.rank !== 2) return false;
  const [xs, ys] = [x.shape as number[], y.shape as number[]];
  const k = tx ? xs[x.rank - 2] : xs[x.rank - 1];
  return ownMatMulTakes(k, ty ? ys[0] : ys[1]) && ownMatMulRuns();
}

/** Whether a float32 tf.matMul of a product ownMatMulTakes runs on our kernel now (wasm on one thread, ours registered). */
export function ownMatMulRuns(): boolean {
  return onOwnConvThreads() && ownKernelRuns(matMulKernel, matMulIn);
}

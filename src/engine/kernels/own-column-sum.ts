import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its Sum is registered first: ours hands it every other reduction
import { wasmFloats, wasmOutputAndOffsets } from './backend-memory';
import { overStockKernel, ownFunctionIn } from './own-module';
import { COLUMN_SUM_WASM } from './simd/column-sum-wasm';

// tfjs-wasm's Sum over every axis but the last (a bias's gradient: the output gradient summed over images and
// positions) transposes the tensor first, so each channel's terms lie in a row, then adds each row up: 1.3 ms of the
// ~100k bench CNN's 26 ms training step for its first layer's bias alone. Ours sums the columns in place
// (simd/column-sum.wat.mjs), each in the same order from +0: the same numbers bit for bit (own-column-sum.test.ts).

type ColumnSumFn = (x: number, out: number, rows: number, cols: number) => void;

const columnSumIn = (backend: unknown) => ownFunctionIn<ColumnSumFn>(backend, COLUMN_SUM_WASM, 'columnSum', 'own column-sum kernel');

/**
 * Whether `axes` are every axis of a rank-`rank` tensor but the last, in order (as a gradient reduces a broadcast
 * bias). In another order tfjs's transpose puts each column's terms in another order, so its sums differ in the last
 * bits: those stay tfjs's.
 */
function leadingAxes(axes: number[], rank: number): boolean {
  return rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
}

type KernelArgs = Parameters<tf.KernelConfig['kernelFunc']>[0];

/**
 * x's float32 column sums over every axis but the last by our kernel (a new tensor, dims kept as asked), and the
 * number of rows summed; null for any other reduction (tfjs's kernel then runs).
 */
function columnSums(args: KernelArgs): { out: tf.TensorInfo; rows: number } | null {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
  const rank = x.shape.length;
  const fn = x.dtype === 'float32' && leadingAxes(tf.util.parseAxisParam(axis, x.shape), rank) ? columnSumIn(args.backend) : null;
  if (fn === null) return null;
  const cols = x.shape[rank - 1];
  const rows = tf.util.sizeFromShape(x.shape) / cols;
  const { out, offsets } = wasmOutputAndOffsets(args.backend, keepDims ? [...x.shape.slice(0, -1).map(() => 1), cols] : [cols], [x]);
  fn(offsets[0], offsets[1], rows, cols);
  return { out, rows };
}

/** tfjs-wasm's Sum, with float32 sums over every axis but the last done by our kernel; any other by tfjs's. */
export const columnSumKernel: tf.KernelConfig = overStockKernel('Sum', (args) => columnSums(args)?.out ?? null);

/**
 * tfjs-wasm's Mean over every axis but the last (BatchNorm's batch statistics) transposes first too: 1.1-1.7 ms a call
 * on a ResNet-20's activations, 44 calls a training step. Ours sums the columns in place, then divides each sum by the
 * count as tfjs's does (one float32 division: Math.fround of the double quotient of two float32 values is that).
 */
export const columnMeanKernel: tf.KernelConfig = overStockKernel('Mean', (args) => {
  const sums = columnSums(args);
  if (sums === null) return null;
  const values = wasmFloats(args.backend, sums.out);
  for (let c = 0; c < values.length; c++) values[c] = Math.fround(values[c] / sums.rows);
  return sums.out;
});

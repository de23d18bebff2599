import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its Slice is registered first: ours hands it every slice it does not take
import { wasmMemoryOf, wasmOutputAndOffsets } from './backend-memory';
import { overStockKernel } from './own-module';

// tfjs-wasm's Slice copies a strided slice one run of the last axis at a time through a fresh subarray view each: for
// the ResNets' stride-2 subsampling (kernels/stride-two.ts, 1024×2×16×64 → 1024×1×16×32) that is 16,384 views and
// 24 ms, up to a tenth of a ResNet-20 training step. Ours moves each run with copyWithin inside the wasm memory, both tensors
// being there: no view made, the same floats.

/** tfjs-wasm's Slice, with float32 slices that are no one contiguous run done here; any other by tfjs's. */
export const sliceKernel: tf.KernelConfig = overStockKernel('Slice', (args) => {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { begin, size } = args.attrs as unknown as { begin: number[]; size: number[] };
  if (x.dtype !== 'float32' || x.shape.length < 2) return null;
  const [b, s] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
  if (tf.slice_util.isSliceContinous(x.shape, b, s) || s.some((d) => d === 0)) return null;
  const memory = wasmMemoryOf(args.backend);
  if (memory === null) return null;
  const { out, offsets } = wasmOutputAndOffsets(args.backend, s, [x]);
  const strides = tf.util.computeStrides(x.shape);
  const rank = x.shape.length;
  const run = s[rank - 1];
  const from = offsets[0] / 4;
  let to = offsets[1] / 4;
  // Every index of the axes but the last, in row-major order, and the run of the last axis from there.
  const index = new Array<number>(rank - 1).fill(0);
  const runs = s.slice(0, -1).reduce((p, d) => p * d, 1);
  // A view made after the output: making it may have grown the memory (a new buffer).
  const mem = new Float32Array(memory.buffer);
  for (let r = 0; r < runs; r++) {
    let at = from + b[rank - 1];
    for (let a = 0; a < rank - 1; a++) at += (b[a] + index[a]) * strides[a];
    mem.copyWithin(to, at, at + run);
    to += run;
    for (let a = rank - 2; a >= 0 && ++index[a] === s[a]; a--) index[a] = 0;
  }
  return out;
});

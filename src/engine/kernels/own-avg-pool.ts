import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its AvgPool is registered first: ours hands it every other pool
import { wasmOutputAndOffsets } from './backend-memory';
import { overStockKernel, ownFunctionIn, ownKernelRuns } from './own-module';
import { poolAttrs } from './pool-attrs';
import { AVG_POOL_WASM } from './simd/avg-pool-wasm';

// The CNN's 2×2 average pools (and VGG's max pools, which safe-max-pool.ts builds from them) on wasm in one pass
// (simd/avg-pool.wat.mjs). tfjs-wasm's XNNPACK pooling rebuilds a table of pointers to every window on each call:
// 0.84 ms of the ~100k bench CNN's training step. Same bits (own-avg-pool.test.ts).

type AvgPoolFn = (x: number, out: number, n: number, h: number, w: number, c: number, scale: number) => void;

const avgPoolIn = (backend: unknown) => ownFunctionIn<AvgPoolFn>(backend, AVG_POOL_WASM, 'avgPool2', 'own average-pool kernel');

const isTwo = (v: number | [number, number]): boolean => (Array.isArray(v) ? v[0] === 2 && v[1] === 2 : v === 2);

/** tfjs-wasm's AvgPool, with float32 2×2 'valid' pools of stride 2 done by our kernel; any other by tfjs's. */
export const avgPoolKernel: tf.KernelConfig = overStockKernel('AvgPool', (args) => {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const a = poolAttrs(args.attrs as tf.NamedAttrMap);
  const takes = x.dtype === 'float32' && x.shape.length === 4 && isTwo(a.filterSize) && isTwo(a.strides) && (a.pad === 'valid' || a.pad === 0);
  const fn = takes ? avgPoolIn(args.backend) : null;
  if (fn === null) return null;
  const [n, h, w, c] = x.shape;
  const { out, offsets } = wasmOutputAndOffsets(args.backend, [n, Math.floor(h / 2), Math.floor(w / 2), c], [x]);
  fn(offsets[0], offsets[1], n, h, w, c, 0.25);
  return out;
});

/** Whether tf.avgPool(x, 2, 2, 'valid') runs on our kernel now (wasm, ours registered, its module up, float32). */
export function ownAvgPoolTakes(x: tf.Tensor): boolean {
  return x.dtype === 'float32' && x.rank === 4 && ownKernelRuns(avgPoolKernel, avgPoolIn);
}

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its Add is registered first: ours hands it every other addition
import { wasmOutputAndOffsets } from './backend-memory';
import { overStockKernel, ownFunctionIn, ownKernelRuns } from './own-module';
import { BIAS_ADD_WASM } from './simd/bias-add-wasm';

// A layer's bias added on wasm (simd/bias-add.wat.mjs): tfjs-wasm's Add broadcasts a [C] bias over an [N, H, W, C]
// tensor by a general path, 1.2 ms of the default bench CNN's ~10 ms training step for its first layer. One float32
// addition per element in both, so the same bits (own-bias-add.test.ts).

type BiasAddFn = (x: number, b: number, out: number, rows: number, cols: number) => void;

const biasAddIn = (backend: unknown) => ownFunctionIn<BiasAddFn>(backend, BIAS_ADD_WASM, 'biasAdd', 'own bias-add kernel');
const biasMulIn = (backend: unknown) => ownFunctionIn<BiasAddFn>(backend, BIAS_ADD_WASM, 'biasMul', 'own per-channel multiply kernel');

/** Whether `b` is a bias of `x`: its values along x's last axis only (shape [C], or 1s then C), x of rank ≥ 2. */
function isBiasOf(x: tf.TensorInfo, b: tf.TensorInfo): boolean {
  const c = x.shape[x.shape.length - 1];
  return x.shape.length >= 2 && b.shape.length <= x.shape.length && b.shape[b.shape.length - 1] === c && b.shape.slice(0, -1).every((d) => d === 1);
}

/** The tensor and its bias when our kernel takes a + b (float32, one a bias of the other), else null. */
function biasPair(a: tf.TensorInfo, b: tf.TensorInfo): [tf.TensorInfo, tf.TensorInfo] | null {
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  // Addition and multiplication commute bit for bit, so the bias may come first.
  return isBiasOf(a, b) ? [a, b] : isBiasOf(b, a) ? [b, a] : null;
}

/** Whether tf.add(a, b) runs on our kernel now (wasm, ours registered, its module up, a bias added). */
export function ownBiasAddTakes(a: tf.Tensor, b: tf.Tensor): boolean {
  return biasPair(a, b) !== null && ownKernelRuns(biasAddKernel, biasAddIn);
}

/** tfjs-wasm's `kernelName`, with a float32 tensor and a vector along its last axis done by `functionIn`; any other by tfjs's. */
const rowBroadcastKernel = (kernelName: string, functionIn: (backend: unknown) => BiasAddFn | null): tf.KernelConfig =>
  overStockKernel(kernelName, (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const pair = biasPair(a, b);
    const fn = pair ? functionIn(args.backend) : null;
    if (fn === null || pair === null) return null;
    const [x, bias] = pair;
    const cols = x.shape[x.shape.length - 1];
    const rows = tf.util.sizeFromShape(x.shape) / cols;
    const { out, offsets } = wasmOutputAndOffsets(args.backend, x.shape, [x, bias]);
    fn(offsets[0], offsets[1], offsets[2], rows, cols);
    return out;
  });

/** tfjs-wasm's Add, with a float32 tensor plus a bias along its last axis done by our kernel; any other by tfjs's. */
export const biasAddKernel: tf.KernelConfig = rowBroadcastKernel('Add', biasAddIn);

/**
 * tfjs-wasm's Multiply, with a float32 tensor times a vector along its last axis (BatchNorm's scale, its gradient's
 * per-channel factors) done by our kernel: 0.9 ms a call on a ResNet's first stage, 14 a training step.
 */
export const biasMulKernel: tf.KernelConfig = rowBroadcastKernel('Multiply', biasMulIn);

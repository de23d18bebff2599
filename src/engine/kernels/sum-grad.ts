import * as tf from '@tensorflow/tfjs';
import { makeFloatOutputs } from './backend-memory';
import { ownKernelRuns } from './own-module';

// tfjs's Sum gradient is mul(dy, ones(x.shape)): a ones array of x's size filled in JavaScript, uploaded, and a
// broadcasting Multiply over it. In a Hessian-vector product every bias gradient (a Sum over images and positions) is
// differentiated again that way: for start-here's CNN about 300,000 ones built and multiplied per product, ~2 ms of a
// 16-22 ms product (scripts in docs/benchmarks.md). On wasm ours copies dy out to x's shape instead (dy·1 = dy: the same
// bits), and its own gradient sums back over the copied axes, as Multiply's gradient did over the broadcast ones.

/** Kernel name (registered for wasm by own-kernels.ts): x, 1 along some axes, repeated along them to `shape`. */
export const BROADCAST_COPY = 'PfpBroadcastCopy';

/** The axes along which a tensor of `inShape` is repeated to `outShape` (as tfjs's getReductionAxes finds them). */
function repeatedAxes(inShape: number[], outShape: number[]): number[] {
  return outShape.map((_, i) => i).filter((i) => outShape[i] > 1 && inShape[i] === 1);
}

/** Writes src (of inShape) repeated to outShape into out: rows are copied, repeated blocks doubled by copyWithin. */
function copyOut(out: Float32Array, src: Float32Array, inShape: number[], outShape: number[]): void {
  const rank = outShape.length;
  if (rank === 0) {
    out[0] = src[0];
    return;
  }
  const outStride = (axis: number) => outShape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const inStride = (axis: number) => inShape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const fill = (o: number, s: number, axis: number): void => {
    const n = outShape[axis];
    if (axis === rank - 1) {
      if (inShape[axis] === 1) out.fill(src[s], o, o + n);
      else out.set(src.subarray(s, s + n), o);
      return;
    }
    const block = outStride(axis);
    if (inShape[axis] === 1) {
      fill(o, s, axis + 1);
      for (let done = 1; done < n; done *= 2) out.copyWithin(o + done * block, o, o + Math.min(done, n - done) * block);
    } else {
      const step = inStride(axis);
      for (let i = 0; i < n; i++) fill(o + i * block, s + i * step, axis + 1);
    }
  };
  fill(0, 0, 0);
}

export const broadcastCopyKernel: tf.KernelConfig = {
  kernelName: BROADCAST_COPY,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x } = inputs as { x: tf.TensorInfo };
    const { shape } = attrs as unknown as { shape: number[] };
    const [out] = makeFloatOutputs('wasm', backend, [shape], [x], ([o], [s]) => copyOut(o, s, x.shape, shape));
    return out;
  },
};

/** The copy's gradient: dy summed over the repeated axes, in x's shape (Multiply's gradient with a ones factor). */
export const broadcastCopyGradConfig: tf.GradConfig = {
  kernelName: BROADCAST_COPY,
  gradFunc: (dy, _saved, attrs) => {
    const { inShape, shape } = attrs as unknown as { inShape: number[]; shape: number[] };
    const axes = repeatedAxes(inShape, shape);
    return { x: () => tf.reshape(axes.length > 0 ? tf.sum(dy as tf.Tensor, axes) : (dy as tf.Tensor), inShape) };
  },
};

/**
 * Sum's gradient: dy, reshaped with 1 on the summed axes, repeated to x's shape. On wasm with ours registered, our
 * copy; elsewhere tfjs's own (mul by ones).
 */
export function sumGradConfig(stock: tf.GradConfig | undefined): tf.GradConfig {
  return {
    kernelName: 'Sum',
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as tf.Tensor[];
      const g = dy as tf.Tensor;
      if (stock === undefined || !(g.dtype === 'float32' && ownKernelRuns(broadcastCopyKernel, () => true))) {
        if (stock === undefined) throw new Error("tfjs's Sum gradient is not registered");
        return stock.gradFunc(dy, saved, attrs);
      }
      const { axis } = attrs as unknown as { axis: number | number[] };
      const inShape = x.shape.slice();
      for (const a of tf.util.parseAxisParam(axis, x.shape)) inShape[a] = 1;
      return {
        x: () => tf.engine().runKernel(BROADCAST_COPY, { x: tf.reshape(g, inShape) }, { inShape, shape: x.shape } as unknown as tf.NamedAttrMap) as tf.Tensor,
      };
    },
  };
}

import * as tf from '@tensorflow/tfjs';
import { makeFloatOutputs } from './backend-memory';
import { ownKernelRuns } from './own-module';

// tfjs's Sum gradient is mul(dy, ones(x.shape)): a ones array of x's size filled in JavaScript, uploaded, and a
// broadcasting Multiply over it. In a Hessian-vector product every bias gradient (a Sum over images and positions) is
// differentiated again that way: for start-here's CNN about 300,000 ones built and multiplied per product, ~2 ms of a
// 16-22 ms product (`npm run bench -- --only=hvp`, docs/benchmarks.md). On wasm ours copies dy out to x's shape
// instead (dy·1 = dy: the same bits), and its own gradient sums back over the copied axes, as Multiply's gradient did
// over the broadcast ones.

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
  // Floats from one index of an axis to the next, for every axis but the last (whose stride is 1).
  const [outStrides, inStrides] = [tf.util.computeStrides(outShape), tf.util.computeStrides(inShape)];
  const fill = (o: number, s: number, axis: number): void => {
    const n = outShape[axis];
    if (axis === rank - 1) {
      if (inShape[axis] === 1) out.fill(src[s], o, o + n);
      else out.set(src.subarray(s, s + n), o);
      return;
    }
    const block = outStrides[axis];
    if (inShape[axis] === 1) {
      fill(o, s, axis + 1);
      for (let done = 1; done < n; done *= 2) out.copyWithin(o + done * block, o, o + Math.min(done, n - done) * block);
    } else {
      const step = inStrides[axis];
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

/** dy of a reduction of x over `axis`, reshaped with 1 on the reduced axes and copied out to x's shape. */
function copiedOut(dy: tf.Tensor, x: tf.Tensor, axis: number | number[]): tf.Tensor {
  const inShape = x.shape.slice();
  for (const a of tf.util.parseAxisParam(axis, x.shape)) inShape[a] = 1;
  return tf.engine().runKernel(BROADCAST_COPY, { x: tf.reshape(dy, inShape) }, { inShape, shape: x.shape } as unknown as tf.NamedAttrMap) as tf.Tensor;
}

/**
 * A reduction's gradient on wasm with ours registered (`ours`, from dy, x and the axes); elsewhere tfjs's own (mul by
 * ones).
 */
function reductionGradConfig(kernelName: string, stock: tf.GradConfig | undefined, ours: (dy: tf.Tensor, x: tf.Tensor, axis: number | number[]) => tf.Tensor): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as tf.Tensor[];
      const g = dy as tf.Tensor;
      if (stock === undefined || !(g.dtype === 'float32' && ownKernelRuns(broadcastCopyKernel, () => true))) {
        if (stock === undefined) throw new Error(`tfjs's ${kernelName} gradient is not registered`);
        return stock.gradFunc(dy, saved, attrs);
      }
      const { axis } = attrs as unknown as { axis: number | number[] };
      return { x: () => ours(g, x, axis) };
    },
  };
}

/** Sum's gradient: dy, reshaped with 1 on the summed axes, repeated to x's shape. */
export const sumGradConfig = (stock: tf.GradConfig | undefined): tf.GradConfig => reductionGradConfig('Sum', stock, copiedOut);

/**
 * Mean's gradient: Sum's divided by the count, as tfjs's div(mul(dy, ones), count) after the copy, so its own
 * gradient divides before it sums as tfjs's did (the same bits to any order). BatchNorm's statistics are means: a
 * ResNet-20 training step built 14 ones arrays of 1M floats for them and multiplied each (1.1-1.6 ms a multiply).
 */
export const meanGradConfig = (stock: tf.GradConfig | undefined): tf.GradConfig =>
  reductionGradConfig('Mean', stock, (dy, x, axis) => {
    const count = tf.util.sizeFromShape(x.shape) / tf.util.sizeFromShape(dy.shape);
    return tf.div(copiedOut(dy, x, axis), count);
  });

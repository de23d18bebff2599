import * as tf from '@tensorflow/tfjs';
import { makeFloatOutputs } from './backend-memory';
import { ownKernelRuns } from './own-module';

// The input gradient of a convolution convolves dy with the filter flipped in space, its channels swapped
// (conv-bilinear.ts). tfjs-wasm does that as a Reverse and a Transpose: 75 and 24 µs for start-here's 3×3×6×12
// filter, three times in each Hessian-vector product, where one pass over its 648 floats takes a few µs. Ours is
// that pass (a permutation: the same floats).

/** Kernel name (registered for wasm by own-kernels.ts). */
export const FLIP_FILTER = 'PfpFlipFilter';

export const flipFilterKernel: tf.KernelConfig = {
  kernelName: FLIP_FILTER,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const { w } = inputs as { w: tf.TensorInfo };
    const [fh, fw, cin, cout] = w.shape;
    const [out] = makeFloatOutputs('wasm', backend, [[fh, fw, cout, cin]], [w], ([o], [s]) => {
      for (let i = 0; i < fh; i++)
        for (let j = 0; j < fw; j++) {
          const from = ((fh - 1 - i) * fw + (fw - 1 - j)) * cin * cout;
          const to = (i * fw + j) * cout * cin;
          for (let c = 0; c < cin; c++) for (let k = 0; k < cout; k++) o[to + k * cin + c] = s[from + c * cout + k];
        }
    });
    return out;
  },
};

/**
 * W [fh, fw, Cin, Cout] flipped in space with its channels swapped, [fh, fw, Cout, Cin]: our kernel on wasm, tfjs's
 * reverse and transpose elsewhere. Used inside a custom gradient only, so it needs no gradient of its own.
 */
export function flipFilter(w: tf.Tensor4D): tf.Tensor4D {
  if (w.dtype === 'float32' && ownKernelRuns(flipFilterKernel, () => true)) return tf.engine().runKernel(FLIP_FILTER, { w }) as tf.Tensor4D;
  return tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]);
}

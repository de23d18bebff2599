import * as tf from '@tensorflow/tfjs';
import { wasmOutputAndOffsets } from './backend-memory';
import { ownFunctionIn, ownKernelRuns } from './own-module';
import { RELU_GRAD_WASM } from './simd/relu-grad-wasm';

// ReLU's gradient dy·step(x) in one pass on wasm (simd/relu-grad.wat.mjs), where tfjs's took three kernels (Step,
// Cast, Multiply), each a pass over the layer's activations: 1.1 ms of the ~100k bench CNN's training step, more in
// a Hessian-vector product, which runs it twice per ReLU. Same bits (own-relu-grad.test.ts).

/** Kernel name (registered for wasm by own-kernels.ts). */
export const RELU_GRAD = 'PfpReluGrad';

type ReluGradFn = (dy: number, x: number, out: number, n: number) => void;

const reluGradIn = (backend: unknown) => ownFunctionIn<ReluGradFn>(backend, RELU_GRAD_WASM, 'reluGrad', 'own ReLU-gradient kernel');

export const reluGradKernel: tf.KernelConfig = {
  kernelName: RELU_GRAD,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const { dy, x } = inputs as { dy: tf.TensorInfo; x: tf.TensorInfo };
    const fn = reluGradIn(backend);
    if (fn === null) throw new Error('own ReLU-gradient kernel unavailable');
    const { out, offsets } = wasmOutputAndOffsets(backend, x.shape, [dy, x]);
    fn(offsets[0], offsets[1], offsets[2], tf.util.sizeFromShape(x.shape));
    return out;
  },
};

/** Whether reluGrad runs on our kernel now (wasm, ours registered, its module up, float32 tensors). */
export function ownReluGradTakes(dy: tf.Tensor, x: tf.Tensor): boolean {
  return dy.dtype === 'float32' && x.dtype === 'float32' && ownKernelRuns(reluGradKernel, reluGradIn);
}

/** dy · step(x): our kernel where it runs, tfjs's mul(dy, cast(step(x))) elsewhere. */
export function reluGrad(dy: tf.Tensor, x: tf.Tensor): tf.Tensor {
  if (ownReluGradTakes(dy, x)) return tf.engine().runKernel(RELU_GRAD, { dy, x }) as tf.Tensor;
  return tf.mul(dy, tf.cast(tf.step(x), 'float32'));
}

/** ReLU's gradient (registered by install-kernels.ts in place of tfjs's, which is the fallback above). */
export const reluGradConfig: tf.GradConfig = {
  kernelName: 'Relu',
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => ({ x: () => reluGrad(dy as tf.Tensor, (saved as tf.Tensor[])[0]) }),
};

/**
 * Our kernel's own gradient, for the Hessian-vector products: linear in dy with the same mask, so reluGrad again; x
 * only picks the mask, a step whose gradient is 0 (as tfjs's Step gradient says). These are the values tfjs's
 * Multiply and Step gradients give for its three kernels, so second order keeps the same bits too.
 */
export const reluGradGradConfig: tf.GradConfig = {
  kernelName: RELU_GRAD,
  inputsToSave: ['x'],
  gradFunc: (ddy, saved) => {
    const [x] = saved as tf.Tensor[];
    return { dy: () => reluGrad(ddy as tf.Tensor, x), x: () => tf.zerosLike(x) };
  },
};

import * as tf from '@tensorflow/tfjs';
import { wasmOutputAndOffsets } from './backend-memory';
import { ownFunctionIn, ownKernelRuns } from './own-module';
import { UPSAMPLE_WASM } from './simd/upsample-wasm';

// A non-overlapping average pool's gradient on wasm in one pass (simd/upsample.wat.mjs): dy times 1/window, copied
// over each window. tfjs took two, a multiply and a nearest-neighbour resize, 2 ms of the ~100k bench CNN's training
// step. Same bits (own-upsample.test.ts).

/** Kernel name (registered for wasm by own-kernels.ts). */
export const UPSAMPLE = 'PfpUpsample';

type UpsampleFn = (dy: number, out: number, n: number, oh: number, ow: number, c: number, kh: number, kw: number, scale: number) => void;

const upsampleIn = (backend: unknown) => ownFunctionIn<UpsampleFn>(backend, UPSAMPLE_WASM, 'upsample', 'own upsampling kernel');

export const upsampleKernel: tf.KernelConfig = {
  kernelName: UPSAMPLE,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { dy } = inputs as { dy: tf.TensorInfo };
    const { kh, kw, scale } = attrs as unknown as { kh: number; kw: number; scale: number };
    const fn = upsampleIn(backend);
    if (fn === null) throw new Error('own upsampling kernel unavailable');
    const [n, oh, ow, c] = dy.shape;
    const { out, offsets } = wasmOutputAndOffsets(backend, [n, oh * kh, ow * kw, c], [dy]);
    fn(offsets[0], offsets[1], n, oh, ow, c, kh, kw, scale);
    return out;
  },
};

/** dy · scale copied over kh × kw windows by our kernel (wasm, float32), or null where it does not run. */
export function ownUpsample(dy: tf.Tensor4D, kh: number, kw: number, scale: number): tf.Tensor4D | null {
  if (dy.dtype !== 'float32' || !ownKernelRuns(upsampleKernel, upsampleIn)) return null;
  return tf.engine().runKernel(UPSAMPLE, { dy }, { kh, kw, scale }) as tf.Tensor4D;
}

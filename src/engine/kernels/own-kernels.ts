import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // its kernels are registered first, so ours replace them
import { adamStepKernel } from './adam-step';
import { shareData } from './backend-memory';
import { overStockKernel } from './own-module';
import { avgPoolKernel } from './own-avg-pool';
import { biasAddKernel, biasMulKernel } from './own-bias-add';
import { columnMeanKernel, columnSumKernel } from './own-column-sum';
import { convKernel } from './own-conv';
import { filterGradKernel } from './own-filter-grad';
import { sliceKernel } from './own-slice';
import { flipFilterKernel } from './own-flip-filter';
import { broadcastCopyKernel } from './sum-grad';
import { matMulKernel } from './own-mat-mul';
import { reluGradKernel } from './own-relu-grad';
import { upsampleKernel } from './own-upsample';

/** tfjs-wasm's Cast, sharing the data where the dtype stays the same (its own copies every time). */
const castKernel = overStockKernel('Cast', ({ inputs, attrs, backend }) => {
  const { x } = inputs as { x: tf.TensorInfo };
  const { dtype } = attrs as unknown as { dtype: tf.DataType };
  return x.dtype === dtype && (dtype === 'float32' || dtype === 'int32' || dtype === 'bool') ? shareData(backend, x) : null;
});

/**
 * Kernels of our own on the CPU backends, where tfjs's own cost the training loop most (issue 11's profile):
 * - one Adam update per variable in one pass (adam-step.ts, in WebAssembly SIMD on wasm; train/fused-adam.ts uses it);
 * - the filter gradient of stride-1 convolutions as a WebAssembly SIMD kernel (own-filter-grad.ts says where it runs);
 * - stride-1 convolutions of grey images, or of 4+ input channels, on one wasm thread (the forward pass and the input
 *   gradient) as WebAssembly SIMD kernels, 1.06-1.78x XNNPACK's speed on those they take (own-conv.ts);
 * - a dense layer's products, either operand transposed, as the same convolution kernel with a 1×1 filter
 *   (own-mat-mul.ts);
 * - Sum over every axis but the last on wasm (a bias's gradient) in place, without tfjs's transpose, and Mean so
 *   (BatchNorm's batch statistics) (own-column-sum.ts);
 * - an average pool's gradient on wasm in one pass, not a multiply and a resize (own-upsample.ts);
 * - a layer's bias added on wasm without tfjs's general broadcasting, and per-channel scales so multiplied (own-bias-add.ts);
 * - ReLU's gradient on wasm in one pass, not a step, a cast and a multiply (own-relu-grad.ts);
 * - 2×2 average pools on wasm without XNNPACK's per-call table of window pointers (own-avg-pool.ts);
 * - a filter flipped for the input gradient on wasm in one pass, not a Reverse and a Transpose (own-flip-filter.ts);
 * - strided slices on wasm moved within its memory, not through a view per run (own-slice.ts: the ResNets' stride 2);
 * - Sum's and Mean's gradients on wasm as a copy of dy, not a multiply by ones built in JavaScript (sum-grad.ts: a
 *   Hessian-vector product differentiates every bias gradient's Sum, a ResNet step every BatchNorm mean's);
 * - Identity on wasm shares the input's memory instead of copying it, as the cpu backend's does. tfjs clones every
 *   tensor a gradient saves (one Identity per op on the tape); tensors are immutable, so a copy buys nothing.
 * - Cast to the tensor's own dtype on wasm shares its memory too: the gradient of each of those clones is such a Cast
 *   (30 copies in a Hessian-vector product of start-here's CNN, up to 0.8 MB each).
 * Code that finds one of ours missing (FusedAdam, ownFilterGrad, ownUpsample, reluGrad, the Sum and Mean gradients,
 * flipFilter) takes tfjs's way, and ours that replace a tfjs kernel (Sum, Mean, Add, Multiply, AvgPool, Conv2D,
 * BatchMatMul, Slice, Cast) hand it what they do not take, so switching them off (the bench's --kernels=stock) gives
 * the stock engine back. Each of ours keeps tfjs's float32 rounding and order of additions,
 * so the numbers are the same bit for bit either way (fused-adam and the own-* kernel tests).
 */
const ours: tf.KernelConfig[] = [
  ...(['wasm', 'cpu'] as const).map((name) => adamStepKernel(name)),
  filterGradKernel,
  convKernel,
  matMulKernel,
  columnSumKernel,
  columnMeanKernel,
  upsampleKernel,
  biasAddKernel,
  biasMulKernel,
  reluGradKernel,
  broadcastCopyKernel,
  flipFilterKernel,
  sliceKernel,
  avgPoolKernel,
  {
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => shareData(backend, (inputs as { x: tf.TensorInfo }).x),
  },
  castKernel,
];

/** tfjs's own kernels that ours replaced, to put back when ours are switched off. */
const stock = new Map<string, tf.KernelConfig>();

export function useOwnKernels(on: boolean): void {
  for (const config of ours) {
    const key = `${config.backendName}/${config.kernelName}`;
    const current = tf.getKernel(config.kernelName, config.backendName);
    if (current !== undefined && current !== config && !stock.has(key)) stock.set(key, current);
    if (current !== undefined) tf.unregisterKernel(config.kernelName, config.backendName);
    const next = on ? config : stock.get(key);
    if (next !== undefined) tf.registerKernel(next);
  }
}

/** Whether our kernels are the ones registered now. */
export function ownKernelsInUse(): boolean {
  return ours.every((config) => tf.getKernel(config.kernelName, config.backendName) === config);
}

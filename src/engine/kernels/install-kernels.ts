import * as tf from '@tensorflow/tfjs';
import { avgPoolGradConfig } from './avg-pool-grad';
import { avgPoolGradGradConfig } from './avg-pool-grad-grad';
import { conv2dBackpropInputGradConfig, conv2dGradConfig } from './conv2d-grad';
import { batchMatMulGradConfig } from './mat-mul-grad';
import { useOwnKernels } from './own-kernels';
import { reluGradConfig, reluGradGradConfig } from './own-relu-grad';
import { broadcastCopyGradConfig, meanGradConfig, sumGradConfig } from './sum-grad';

let installed = false;

/**
 * Registers the gradients tfjs lacks or gets wrong for us, and our own CPU kernels (own-kernels.ts), once per JS
 * realm (main thread, worker, Node process).
 * Gradients are global to tfjs (not per backend), so this can run before or after choosing a backend.
 */
export function installKernels(): void {
  if (installed) return;
  installed = true;
  tf.registerGradient(conv2dGradConfig(tf.getGradient('Conv2D')));
  tf.registerGradient(conv2dBackpropInputGradConfig(tf.getGradient('Conv2DBackpropInput')));
  tf.registerGradient(avgPoolGradConfig(tf.getGradient('AvgPool')));
  tf.registerGradient(avgPoolGradGradConfig);
  tf.registerGradient(batchMatMulGradConfig(tf.getGradient('BatchMatMul')));
  tf.registerGradient(reluGradConfig);
  tf.registerGradient(reluGradGradConfig);
  tf.registerGradient(sumGradConfig(tf.getGradient('Sum')));
  tf.registerGradient(meanGradConfig(tf.getGradient('Mean')));
  tf.registerGradient(broadcastCopyGradConfig);
  useOwnKernels(true);
}

import * as tf from '@tensorflow/tfjs';
import { avgPoolGradGradConfig } from './avg-pool-grad-grad';
import { conv2dBackpropInputGradConfig, conv2dGradConfig } from './conv2d-grad';

let installed = false;

/**
 * Registers the gradients tfjs lacks or gets wrong for us, once per JS realm (main thread, worker, Node process).
 * Gradients are global to tfjs (not per backend), so this can run before or after choosing a backend.
 */
export function installKernels(): void {
  if (installed) return;
  installed = true;
  const stockConv = tf.getGradient('Conv2D');
  const stockConvInput = tf.getGradient('Conv2DBackpropInput');
  tf.registerGradient(conv2dGradConfig(stockConv));
  tf.registerGradient(conv2dBackpropInputGradConfig(stockConvInput));
  tf.registerGradient(avgPoolGradGradConfig);
}

/** Whether installKernels has run in this realm (for diagnostics and tests). */
export function kernelsInstalled(): boolean {
  return installed;
}

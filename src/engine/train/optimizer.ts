import * as tf from '@tensorflow/tfjs';

export interface OptimizerSettings {
  optimizer: 'adam' | 'sgd';
  learningRate: number;
  momentum: number;
}

/** A fresh optimizer per phase: fine-tuning never inherits stale moments from dense training. */
export function createOptimizer(s: OptimizerSettings): tf.Optimizer {
  return s.optimizer === 'adam' ? tf.train.adam(s.learningRate) : tf.train.momentum(s.learningRate, s.momentum);
}

/**
 * Frees an optimizer's state. tfjs 4.22's MomentumOptimizer.dispose() does not call SGDOptimizer's, so its
 * learning-rate scalar `c` leaks one tensor per optimizer; free it here.
 */
export function disposeOptimizer(o: tf.Optimizer): void {
  o.dispose();
  if (o instanceof tf.MomentumOptimizer) (o as unknown as { c?: tf.Tensor }).c?.dispose();
}

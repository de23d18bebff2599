import * as tf from '@tensorflow/tfjs';
import type { LrSchedule } from '../contract/config';
import { FusedAdam } from './fused-adam';

export interface OptimizerSettings {
  optimizer: 'adam' | 'sgd';
  learningRate: number;
  momentum: number;
  /** L2 weight decay added to each gradient (0 or absent: none). */
  weightDecay?: number;
  /** Per-epoch learning-rate schedule (absent: constant). */
  lrSchedule?: LrSchedule;
}

/** A fresh optimizer per phase: fine-tuning never inherits stale moments from dense training. */
export function createOptimizer(s: OptimizerSettings): tf.Optimizer {
  return s.optimizer === 'adam' ? new FusedAdam(s.learningRate) : tf.train.momentum(s.learningRate, s.momentum);
}

/**
 * Frees an optimizer's state. tfjs 4.22's MomentumOptimizer.dispose() does not call SGDOptimizer's, so its
 * learning-rate scalar `c` leaks one tensor per optimizer; free it here.
 */
export function disposeOptimizer(o: tf.Optimizer): void {
  o.dispose();
  if (o.getClassName() === 'Momentum') (o as unknown as { c?: tf.Tensor }).c?.dispose();
}

/**
 * Changes an optimizer's learning rate between steps, keeping its moments. SGD and momentum read it from `c`, which
 * setLearningRate replaces; tfjs 4.22's Adam reads its `learningRate` field at every step (pinned by
 * test/engine/train/schedule-decay-augment.test.ts: a scheduled epoch moves SGD and Adam by exactly the rate's ratio).
 */
export function setLearningRate(o: tf.Optimizer, rate: number): void {
  // By class name: tfjs's Optimizer[Symbol.hasInstance] is duck-typed, so every optimizer is `instanceof` every other.
  const kind = o.getClassName();
  if (kind === 'SGD' || kind === 'Momentum') (o as tf.SGDOptimizer).setLearningRate(rate);
  else if (kind === 'Adam') (o as unknown as { learningRate: number }).learningRate = rate;
  else throw new Error(`no learning-rate schedule for ${kind}`);
}

import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import { evaluateSamples } from '../metrics/evaluate';
import { initWeights, toTensors } from '../model/params';
import { paramCount, type ModelSpec } from '../model/spec';
import { train } from '../train/train-loop';
import type { OptimizerSettings } from '../train/optimizer';

/** Throughput of the engine's own training loop and forward pass for one model on the current backend. */
export interface SpeedSample {
  parameters: number;
  /** Training samples per second (the engine's loop: batches, optimizer step, masks none). */
  train: number;
  /** Forward (evaluation-mode) samples per second, batches of 256. */
  forward: number;
}

/**
 * One warm-up epoch (kernels compiled, wasm memory grown, shaders built), then `epochs` timed epochs of training and a
 * timed forward pass over the same samples. What the benches print in Node and in the browser, measured the same way.
 */
export async function measureSpeed(spec: ModelSpec, data: Dataset, optimizer: OptimizerSettings, epochs = 1, batchSize = 64): Promise<SpeedSample> {
  const opts = { spec, data, batchSize, seed: 1, ...optimizer, phase: 'bench' };
  const warm = await train({ ...opts, epochs: 1, weights: initWeights(spec, 1) });
  const t0 = performance.now();
  await train({ ...opts, epochs, weights: warm.weights });
  const trainRate = (epochs * data.labels.length) / ((performance.now() - t0) / 1000);
  const params = toTensors(warm.weights);
  try {
    await evaluateSamples(spec, params, data, 256);
    const t1 = performance.now();
    await evaluateSamples(spec, params, data, 256);
    return { parameters: paramCount(warm.weights.specs), train: trainRate, forward: data.labels.length / ((performance.now() - t1) / 1000) };
  } finally {
    tf.dispose(params);
  }
}

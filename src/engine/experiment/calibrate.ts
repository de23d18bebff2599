import * as tf from '@tensorflow/tfjs';
import type { Config } from '../contract/config';
import { throwIfAborted } from '../contract/events';
import type { Calibration } from '../contract/run-estimate';
import { gatherBatch } from '../data/batch-tensors';
import { groupSizes, selectSamples, type DatasetSplit } from '../data/dataset';
import { evaluateSamples } from '../metrics/evaluate';
import { gradNorms } from '../metrics/grad-norm';
import { createHvp } from '../metrics/hvp';
import { createMitigationObjective } from '../mitigate/create-objective';
import { initWeights, toTensors } from '../model/params';
import type { ModelSpec } from '../model/spec';
import { deriveSeed } from '../random';
import { train } from '../train/train-loop';
import { configVersions, plannedModes } from './sweep-plan';

/** Seconds per sample of `fn` over `samples` samples, after one untimed call (kernels compiled, shaders built). */
async function perSample(samples: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000 / samples;
}

/**
 * Times each kind of work a run does on a few batches of the configured model and data, on the backend in use: an
 * optimizer step (plain and under each mitigation version the config trains with), a forward pass, a gradient and,
 * when λ(H_a) is computed, a Hessian-vector product. Each is run once untimed first, so the first call's kernel
 * compilation is not counted. Seconds, not minutes: a few batches of each (the full version's constraints are
 * evaluated every fullEvery steps, so its step is timed over fullEvery + 1 steps to include one evaluation).
 */
export async function calibrate(config: Config, spec: ModelSpec, split: DatasetSplit, backend: string, signal?: AbortSignal): Promise<Omit<Calibration, 'ms'>> {
  const n = split.train.labels.length;
  const { batchSize } = config.train;
  const versions = plannedModes(config).some((m) => m.mode !== 'none') ? configVersions(config) : [];
  const steps = versions.includes('full') ? config.mitigation.fullEvery + 1 : 2;
  const subset = selectSamples(split.train, Array.from({ length: Math.min(n, steps * batchSize) }, (_, i) => i));
  const size = subset.labels.length;
  const weights = initWeights(spec, deriveSeed(config.seed, 'init'));
  const step = (objective?: ReturnType<typeof createMitigationObjective>) => () =>
    train({ ...config.train, spec, weights, data: subset, epochs: 1, seed: config.seed, phase: 'calibration', objective, signal });

  const trainSample = await perSample(size, step());
  const mitigatedSample: Calibration['mitigatedSample'] = {};
  for (const version of versions) {
    throwIfAborted(signal);
    // A fresh objective for each timed training, as a run makes one per phase: an objective keeps state from the
    // training it served (the full version's constraint tensors), which a second training must not reuse.
    mitigatedSample[version] = await perSample(size, async () => {
      const objective = createMitigationObjective({ settings: config.mitigation, spec, data: subset, seed: config.seed, version });
      try {
        await step(objective)();
      } finally {
        objective.dispose();
      }
    });
  }
  const params = toTensors(weights);
  try {
    const forwardSample = await perSample(size, () => evaluateSamples(spec, params, subset));
    const gradSample = await perSample(size, () => gradNorms(spec, params, subset));
    let hvpSample: number | null = null;
    if (config.hessian.when !== 'off') {
      throwIfAborted(signal);
      const hvp = createHvp(spec, params, gatherBatch(subset, Int32Array.from({ length: size }, (_, i) => i)));
      const v = params.map((p) => tf.randomNormal(p.shape, 0, 1, 'float32', 1));
      try {
        hvpSample = await perSample(size, async () => {
          const hv = hvp.apply(v);
          await Promise.all(hv.map((t) => t.data()));
          tf.dispose(hv);
        });
      } finally {
        tf.dispose(v);
        hvp.dispose();
      }
    }
    return { backend, trainSample, mitigatedSample, forwardSample, gradSample, hvpSample, trainSizes: groupSizes(split.train), testSize: split.test.labels.length };
  } finally {
    tf.dispose(params);
  }
}

/** What a calibration depends on: the settings that change a step's cost, not the amount of work (epochs, rates, seeds). */
export function calibrationKey(config: Config, backend: string): string {
  const versions = plannedModes(config).some((m) => m.mode !== 'none') ? configVersions(config) : [];
  const { modes: _modes, ...mitigation } = config.mitigation;
  return JSON.stringify({ backend, data: config.data, testFraction: config.testFraction, seed: config.seed, model: config.model, train: { ...config.train, epochs: 0 }, versions, mitigation: versions.length ? mitigation : null, hvp: config.hessian.when !== 'off' });
}

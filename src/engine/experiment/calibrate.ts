import * as tf from '@tensorflow/tfjs';
import type { Config } from '../contract/config';
import { throwIfAborted } from '../contract/events';
import type { Calibration } from '../contract/run-estimate';
import { gatherBatch } from '../data/batch-tensors';
import { groupSizes, selectSamples, type Dataset, type DatasetSplit } from '../data/dataset';
import { evaluateSamples } from '../metrics/evaluate';
import { gradNorms } from '../metrics/grad-norm';
import { createHvp } from '../metrics/hvp';
import { createMitigationObjective } from '../mitigate/create-objective';
import { initWeights, toTensors } from '../model/params';
import type { ModelSpec } from '../model/spec';
import { deriveSeed } from '../random';
import { train } from '../train/train-loop';
import { maybeYield } from '../train/yield';
import { configVersions, plannedModes } from './sweep-plan';

/** A timed call shorter than this is dominated by what a call costs whatever its size: the window grows past it. */
const MIN_TIMED_MS = 100;
/** Samples per Hessian-vector product, createHvp's batch: what λ(H_a) multiplies at a time. */
const HVP_BATCH = 128;

/**
 * Seconds per sample of `fn(size)`: one untimed call at `start` samples (kernels compiled), then timed calls on twice
 * as many samples each time until one takes MIN_TIMED_MS or covers `max`, then that size once more, the faster of the
 * two counted: its first call may have built shaders for new batch shapes (WebGPU), and other work on the machine only
 * ever adds time (the page calibrates as it loads). Timed on a few batches only, as it was, a call's fixed cost (the
 * optimizer's variables, the loss read back, each group's last partial batch) made the training step 1.7x and the
 * gradient 4x their per-sample cost in a run, which spreads that cost over whole epochs (synthetic-minority, wasm).
 */
async function perSample(start: number, max: number, fn: (size: number) => Promise<unknown>, signal?: AbortSignal): Promise<number> {
  const timed = async (size: number) => {
    throwIfAborted(signal);
    const t0 = performance.now();
    await fn(size);
    return performance.now() - t0;
  };
  throwIfAborted(signal);
  await fn(Math.min(start, max));
  for (let size = Math.min(start, max); ; size = Math.min(max, size * 2)) {
    const ms = await timed(size);
    if (ms >= MIN_TIMED_MS || size >= max) return Math.min(ms, await timed(size)) / 1000 / size;
  }
}

/**
 * Times each kind of work a run does on the configured model and data, on the backend in use: an optimizer step (plain
 * and under each mitigation version the config trains with), a forward pass, a gradient and, when λ(H_a) is computed,
 * a Hessian-vector product. Each is run once untimed first, so the first call's kernel compilation is not counted.
 * Seconds, not minutes: each is timed on a few batches, more when those take under MIN_TIMED_MS (the full version's
 * constraints are evaluated every fullEvery steps, so its steps come in runs of fullEvery + 1, one evaluation each).
 * An abort through `signal` stops it between two batches (the page's estimate gives way to a Run that way).
 */
export async function calibrate(config: Config, spec: ModelSpec, split: DatasetSplit, backend: string, signal?: AbortSignal): Promise<Omit<Calibration, 'ms'>> {
  const n = split.train.labels.length;
  const { batchSize } = config.train;
  const versions = plannedModes(config).some((m) => m.mode !== 'none') ? configVersions(config) : [];
  const steps = versions.includes('full') ? config.mitigation.fullEvery + 1 : 2;
  const subset = (size: number) => selectSamples(split.train, Array.from({ length: Math.min(n, size) }, (_, i) => i));
  const start = Math.min(n, steps * batchSize);
  const weights = initWeights(spec, deriveSeed(config.seed, 'init'));
  const step = (data: Dataset, objective?: ReturnType<typeof createMitigationObjective>) =>
    train({ ...config.train, spec, weights, data, epochs: 1, seed: config.seed, phase: 'calibration', objective, signal });

  const trainSample = await perSample(start, n, (size) => step(subset(size)), signal);
  const mitigatedSample: Calibration['mitigatedSample'] = {};
  for (const version of versions) {
    throwIfAborted(signal);
    // A fresh objective for each timed training, as a run makes one per phase: an objective keeps state from the
    // training it served (the full version's constraint tensors), which a second training must not reuse.
    mitigatedSample[version] = await perSample(start, n, async (size) => {
      const data = subset(size);
      const objective = createMitigationObjective({ settings: config.mitigation, spec, data, seed: config.seed, version });
      try {
        await step(data, objective);
      } finally {
        objective.dispose();
      }
    }, signal);
  }
  const params = toTensors(weights);
  try {
    const forwardSample = await perSample(start, n, (size) => evaluateSamples(spec, params, subset(size), undefined, signal), signal);
    const gradSample = await perSample(start, n, (size) => gradNorms(spec, params, subset(size), undefined, null, signal), signal);
    let hvpSample: number | null = null;
    if (config.hessian.when !== 'off') {
      throwIfAborted(signal);
      const v = params.map((p) => tf.randomNormal(p.shape, 0, 1, 'float32', 1));
      try {
        hvpSample = await perSample(start, n, async (size) => {
          // A batch of HVP_BATCH at a time, as λ(H_a)'s products go, each its own synchronous call: a request queued
          // behind the page's estimate stops it between two (signal).
          for (let from = 0; from < Math.min(n, size); from += HVP_BATCH) {
            const rows = Int32Array.from({ length: Math.min(n, size, from + HVP_BATCH) - from }, (_, i) => from + i);
            const hvp = createHvp(spec, params, gatherBatch(split.train, rows));
            try {
              const hv = hvp.apply(v);
              await Promise.all(hv.map((t) => t.data()));
              tf.dispose(hv);
            } finally {
              hvp.dispose();
            }
            await maybeYield();
            throwIfAborted(signal);
          }
        }, signal);
      } finally {
        tf.dispose(v);
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

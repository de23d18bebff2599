import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema } from '../../../src/engine/contract/config';
import { DivergedError } from '../../../src/engine/contract/events';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { tinyConfig } from '../../helpers/tiny-config';

// A real loss blow-up is backend- and seed-dependent; what matters here is what the runner does with one, so the
// training loop is made to diverge on its first fine-tuning (a genuine DivergedError from the real loop's type).
vi.mock('../../../src/engine/train/train-loop', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/engine/train/train-loop')>();
  return {
    ...real,
    train: (o: Parameters<typeof real.train>[0]) => (o.masks ? Promise.reject(new DivergedError(o.phase)) : real.train(o)),
  };
});

beforeAll(async () => {
  await initBackend('wasm');
});

describe('runExperiment with a diverging fine-tune', () => {
  it('resolves as failed with a clear message, keeps the dense run and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const r = await runExperiment(configSchema.parse(tinyConfig), { loadAsset: async () => new ArrayBuffer(0), backend: { name: 'wasm', fallbackReason: null } });
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/diverged .*fine-tuning at 50%.*smaller learning rate/);
    expect(r.runs.map((run) => run.rate)).toEqual([0]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/engine/contract/config';
import { createEngineHost } from '../../src/worker/engine-host';
import type { HelperOffload } from '../../src/worker/hessian-helper-client';
import type { WorkerResponse } from '../../src/worker/protocol';

// The worker's logic with the real engine, in Node on the cpu backend: a tiny sweep in well under a second.
const tiny: ConfigInput = {
  data: { kind: 'synthetic', numClasses: 2, numGroups: 2, groupShares: [1, 0.3], groupDifficulty: [0.1, 0.6], samples: 200, imageSize: 8 },
  model: { convFilters: [2, 3], dense: [6, 4] },
  train: { epochs: 2, batchSize: 32 },
  prune: { rates: [0.5, 0.9], fineTuneEpochs: 0 },
  hessian: { when: 'off' },
  backend: 'cpu',
};

function host() {
  const posted: WorkerResponse[] = [];
  const h = createEngineHost({ post: (m) => posted.push(m), loadAsset: async (name) => Promise.reject(new Error(`no asset ${name} in this test`)), estimateResumeMs: 20 });
  return { h, posted };
}

const of = <T extends WorkerResponse['type']>(posted: WorkerResponse[], type: T) => posted.filter((m): m is Extract<WorkerResponse, { type: T }> => m.type === type);

describe('engine host', () => {
  it('runs a sweep, streams events, then serves a quick evaluation from the kept dense models (in request order)', async () => {
    const { h, posted } = host();
    h.handle({ type: 'start', id: 1, config: tiny });
    h.handle({ type: 'quick-evaluate', id: 2, rate: 0.7, seeds: [1] });
    await h.idle();
    const results = of(posted, 'results')[0].results;
    expect(results.status).toBe('complete');
    expect(results.runs.map((r) => r.rate)).toEqual([0, 0.5, 0.9]);
    expect(of(posted, 'backend')[0].backend.name).toBe('cpu');
    const events = of(posted, 'event').map((m) => m.event.type);
    expect(events).toContain('epoch');
    expect(events).toContain('partial');
    const quick = of(posted, 'quick-result')[0];
    expect(quick.id).toBe(2);
    expect(quick.runs[0]).toMatchObject({ rate: 0.7, seed: 1, mode: 'none' });
    expect(quick.runs[0].sparsity).toBeGreaterThan(0.6);
    // Served in order: the quick answer comes after the run it depends on.
    expect(posted.findIndex((m) => m.type === 'quick-result')).toBeGreaterThan(posted.findIndex((m) => m.type === 'results'));
  });

  it('starts the λ(H_a) helper with the wasm backend only, once, and says so in the backend it reports', async () => {
    let starts = 0;
    const offload: HelperOffload = { usableWith: (b) => b === 'wasm', forBackend: () => ({ available: () => false, run: () => Promise.reject(new Error('unused')) }), settled: Promise.resolve(), dispose: () => {} };
    const posted: WorkerResponse[] = [];
    const h = createEngineHost({ post: (m) => posted.push(m), loadAsset: () => Promise.reject(new Error('no assets')), startHessianHelper: () => (starts++, offload) });
    h.handle({ type: 'init-backend', id: 1, backend: 'cpu' });
    await h.idle();
    // No second tfjs for a backend that never uses it (WebGPU and WebGL alike).
    expect(starts).toBe(0);
    expect(of(posted, 'backend')[0].backend.hessianHelper).toBeUndefined();
    h.handle({ type: 'init-backend', id: 2, backend: 'wasm' });
    h.handle({ type: 'init-backend', id: 3, backend: 'cpu' });
    h.handle({ type: 'init-backend', id: 4, backend: 'wasm' });
    await h.idle();
    expect(starts).toBe(1);
    expect(of(posted, 'backend').map((m) => [m.backend.name, m.backend.hessianHelper])).toEqual([
      ['cpu', undefined],
      ['wasm', true],
      ['cpu', false],
      ['wasm', true],
    ]);
  });

  it('sizes a config\'s model on a data shape beside a running sweep; a bad config fails clearly', async () => {
    const { h, posted } = host();
    h.handle({ type: 'start', id: 1, config: { ...tiny, train: { epochs: 6, batchSize: 32 } } });
    const shape = { imageShape: [32, 32, 3] as [number, number, number], classNames: Array.from({ length: 10 }, (_, i) => `${i}`) };
    h.handle({ type: 'describe-model', id: 2, config: { model: { kind: 'resnet', resnetLayout: 'resnet8', widthMultiplier: 1 } }, shape });
    h.handle({ type: 'describe-model', id: 3, config: { model: { kind: 'resnet', widthMultiplier: 5 } }, shape });
    await h.idle();
    // PyTorch's count for a CIFAR ResNet-8 (test/engine/model/param-count.test.ts pins it).
    expect(of(posted, 'model-size')[0].size.parameters).toBe(78042);
    expect(posted.findIndex((m) => m.type === 'model-size')).toBeLessThan(posted.findIndex((m) => m.type === 'results'));
    expect(of(posted, 'failure').find((m) => m.id === 3)?.message).toMatch(/invalid config/);
  });

  it('summarises a config\'s data beside a running sweep (answered before the run ends); a bad config fails clearly', async () => {
    const { h, posted } = host();
    h.handle({ type: 'start', id: 1, config: { ...tiny, train: { epochs: 6, batchSize: 32 } } });
    h.handle({ type: 'summarize-data', id: 2, config: tiny });
    h.handle({ type: 'summarize-data', id: 3, config: { data: { kind: 'mnist' } } });
    await h.idle();
    const summary = of(posted, 'data-summary')[0].summary;
    expect(summary.groupNames).toHaveLength(2);
    // Same config, same seed: the counts are the run's split sizes.
    const results = of(posted, 'results')[0].results;
    expect(summary.train.map((row) => row.reduce((s, x) => s + x, 0))).toEqual(results.dataset.trainSizes);
    expect(summary.samples[1][0].pixels).toHaveLength(64);
    expect(posted.findIndex((m) => m.type === 'data-summary')).toBeLessThan(posted.findIndex((m) => m.type === 'results'));
    expect(of(posted, 'failure').find((m) => m.id === 3)?.message).toMatch(/no asset mnist-10k\.bin/);
  });

  it('serves test images by row: from the kept split after a run, and the same pixels rebuilt from the config elsewhere', async () => {
    const { h, posted } = host();
    h.handle({ type: 'start', id: 1, config: tiny });
    await h.idle();
    const results = of(posted, 'results')[0].results;
    const flips = results.runs.flatMap((r) => r.flips);
    expect(flips.length).toBeGreaterThan(0);
    const rows = [...new Set(flips.map((f) => f.index))].slice(0, 5);
    h.handle({ type: 'test-images', id: 2, config: results.config, indices: rows });
    await h.idle();
    const kept = of(posted, 'test-images')[0];
    expect(kept.imageShape).toEqual([8, 8, 1]);
    // Each image is the flip's: its label is the one the run recorded for that row.
    expect(kept.images.map((img) => img.label)).toEqual(rows.map((i) => flips.find((f) => f.index === i)?.label));
    const fresh = host();
    fresh.h.handle({ type: 'test-images', id: 1, config: results.config, indices: rows });
    fresh.h.handle({ type: 'test-images', id: 2, config: results.config, indices: [10_000] });
    await fresh.h.idle();
    expect(of(fresh.posted, 'test-images')[0].images).toEqual(kept.images);
    expect(of(fresh.posted, 'failure')[0].message).toMatch(/no sample 10000 in a split of \d+/);
  });

  it('cancels a run at once, keeps the finished points and frees its tensors', async () => {
    const { h, posted } = host();
    h.handle({ type: 'init-backend', id: 1, backend: 'cpu' });
    await h.idle();
    const before = tf.memory().numTensors;
    const config = { ...tiny, train: { epochs: 50, batchSize: 32 } };
    h.handle({ type: 'start', id: 2, config });
    // Cancel once the first epoch has streamed (the sweep would take 50 epochs).
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (posted.some((m) => m.type === 'event' && m.event.type === 'epoch')) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    h.handle({ type: 'cancel', id: 3, runId: 2 });
    await h.idle();
    const results = of(posted, 'results')[0].results;
    expect(results.status).toBe('cancelled');
    expect(results.training[0].epochs.length).toBeLessThan(50);
    expect(tf.memory().numTensors).toBe(before);
    // A cancelled run leaves no dense models for the slider.
    h.handle({ type: 'quick-evaluate', id: 4, rate: 0.5, seeds: [1] });
    await h.idle();
    expect(of(posted, 'failure')[0]).toMatchObject({ id: 4, kind: 'error' });
  });

  it('ends a run cancelled while it waited in the queue as cancelled, not failed (Cancel right after Run)', async () => {
    const { h, posted } = host();
    // The run waits behind a backend start, as the page's first Run waits behind its backend probe.
    h.handle({ type: 'init-backend', id: 1, backend: 'cpu' });
    h.handle({ type: 'start', id: 2, config: tiny });
    h.handle({ type: 'cancel', id: 3, runId: 2 });
    await h.idle();
    expect(of(posted, 'failure')).toEqual([]);
    const results = of(posted, 'results')[0];
    expect(results.id).toBe(2);
    expect(results.results).toMatchObject({ status: 'cancelled', error: 'the run was cancelled before it started', runs: [] });
    // It never trained: no event of the run was streamed.
    expect(of(posted, 'event')).toEqual([]);
  });

  /** How long an estimate of `config` takes alone in a fresh host (a calibration, as at page load), in ms. */
  async function estimateMs(config: ConfigInput): Promise<number> {
    const { h } = host();
    const t0 = performance.now();
    h.handle({ type: 'estimate', id: 1, config });
    await h.idle();
    return performance.now() - t0;
  }

  it.each([
    ['queued before the estimate began', 0],
    ['in the middle of its calibration', 0.5],
  ])('lets an estimate give way to a run %s: the results first, then the estimate, calibrated whole', async (_, at) => {
    const config: ConfigInput = { ...tiny, data: { ...tiny.data, samples: 800 } as ConfigInput['data'] };
    const delayMs = at > 0 ? at * (await estimateMs(config)) : 0;
    const { h, posted } = host();
    h.handle({ type: 'estimate', id: 1, config });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    h.handle({ type: 'start', id: 2, config });
    await h.idle();
    expect(of(posted, 'results')[0].results.status).toBe('complete');
    expect(of(posted, 'failure')).toEqual([]);
    const estimates = of(posted, 'estimate');
    expect(estimates.map((m) => m.id)).toEqual([1]);
    expect(estimates[0].estimate.seconds).toBeGreaterThan(0);
    expect(posted.findIndex((m) => m.type === 'estimate')).toBeGreaterThan(posted.findIndex((m) => m.type === 'results'));
  });

  it('answers a bad request with a failure and keeps serving', async () => {
    const { h, posted } = host();
    h.handle({ type: 'start', id: 1, config: { train: { epochs: 'many' } } as unknown as ConfigInput });
    h.handle({ type: 'init-backend', id: 2, backend: 'cpu' });
    await h.idle();
    expect(of(posted, 'failure')[0]).toMatchObject({ id: 1, kind: 'error' });
    expect(of(posted, 'backend')[0]).toMatchObject({ id: 2, backend: { name: 'cpu' } });
  });
});

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { configSchema } from '../../../src/engine/contract/config';
import { CancelledError } from '../../../src/engine/contract/events';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { runHessianJob, runHessianJobs, type HessianContext, type HessianJob, type HessianOffload } from '../../../src/engine/metrics/hessian-jobs';
import { initWeights } from '../../../src/engine/model/params';
import type { CnnSpec } from '../../../src/engine/model/spec';
import { randomDataset } from './hessian-test-utils';

// λ jobs run anywhere give the same numbers: here, on an offload (another worker in the page), or here after the
// offload failed. The offloads below are this process running the same function, which is what the helper worker does.

const spec: CnnSpec = { kind: 'cnn', inputShape: [8, 8, 1], numClasses: 3, convFilters: [2, 3], dense: [6, 4], activation: 'relu' };
const ctx: HessianContext = {
  spec,
  weights: initWeights(spec, 5),
  // Three groups of 14, 13 and 13 samples (randomDataset deals them round-robin).
  train: randomDataset(40, [8, 8, 1], 3, 3),
  options: configSchema.parse({}).hessian,
  seed: 9,
};
const jobs: HessianJob[] = [{ group: 0, warm: null }, { group: 1, warm: null }, { group: 2, warm: null }, { group: null, warm: null }];
const fields = (h: { value: number; iterations: number; samples: number; indices: Int32Array; vector: Float32Array[] }) => ({
  value: h.value,
  iterations: h.iterations,
  samples: h.samples,
  indices: Array.from(h.indices),
  vector: h.vector.map((v) => Array.from(v)),
});

describe('λ jobs', () => {
  let serial: ReturnType<typeof fields>[];
  beforeAll(async () => {
    installKernels();
    await tf.setBackend('wasm');
    serial = [];
    for (const job of jobs) serial.push(fields(await runHessianJob(ctx, job)));
  });

  it('run here alone, they give each job’s own numbers, in the jobs’ order, and leave no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const got = await runHessianJobs(ctx, jobs);
    expect(got.map(fields)).toEqual(serial);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('shared with an offload, largest first, they give the same numbers bit for bit, in the jobs’ order', async () => {
    const taken: (number | null)[] = [];
    const offload: HessianOffload = {
      available: () => true,
      run: async (c, job, signal) => {
        taken.push(job.group);
        await new Promise((r) => setTimeout(r, 5));
        return runHessianJob(c, job, signal);
      },
    };
    const got = await runHessianJobs(ctx, jobs, undefined, offload);
    expect(got.map(fields)).toEqual(serial);
    // Here takes the largest (the overall λ, all 40 samples) first; the offload the next one, a group.
    expect(taken[0]).not.toBeNull();
    expect(taken.length).toBeGreaterThanOrEqual(1);
    expect(taken.length).toBeLessThan(jobs.length);
  });

  it('compute here what a failing offload could not, and ask it for nothing more', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let calls = 0;
    const offload: HessianOffload = {
      available: () => true,
      run: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 1));
        throw new Error('helper lost');
      },
    };
    const got = await runHessianJobs(ctx, jobs, undefined, offload);
    expect(got.map(fields)).toEqual(serial);
    expect(calls).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('helper lost'));
    warn.mockRestore();
  });

  it('still finish when the offload fails after here has emptied the queue', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const offload: HessianOffload = {
      available: () => true,
      run: async () => {
        await new Promise((r) => setTimeout(r, 300));
        throw new Error('helper lost late');
      },
    };
    const got = await runHessianJobs(ctx, jobs, undefined, offload);
    expect(got.map(fields)).toEqual(serial);
    warn.mockRestore();
  });

  it('leave an offload that is not available (a helper still starting) alone', async () => {
    let calls = 0;
    const offload: HessianOffload = {
      available: () => false,
      run: async (c, job, signal) => {
        calls++;
        return runHessianJob(c, job, signal);
      },
    };
    expect((await runHessianJobs(ctx, jobs, undefined, offload)).map(fields)).toEqual(serial);
    expect(calls).toBe(0);
  });

  it('cancel: reject with CancelledError, and the offload’s job is told to stop', async () => {
    const abort = new AbortController();
    let offloadSignal: AbortSignal | undefined;
    const offload: HessianOffload = {
      available: () => true,
      run: (_c, _job, signal) =>
        new Promise((_, reject) => {
          offloadSignal = signal;
          signal?.addEventListener('abort', () => reject(new CancelledError()));
        }),
    };
    setTimeout(() => abort.abort(), 20);
    await expect(runHessianJobs(ctx, jobs, abort.signal, offload)).rejects.toBeInstanceOf(CancelledError);
    expect(offloadSignal?.aborted).toBe(true);
  });
});

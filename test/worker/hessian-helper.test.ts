import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/engine/contract/config';
import { CancelledError } from '../../src/engine/contract/events';
import { installKernels } from '../../src/engine/kernels/install-kernels';
import { runHessianJob, type HessianContext } from '../../src/engine/metrics/hessian-jobs';
import { initWeights } from '../../src/engine/model/params';
import type { CnnSpec } from '../../src/engine/model/spec';
import { createHelperOffload } from '../../src/worker/hessian-helper-client';
import { createHelperHost } from '../../src/worker/hessian-helper-host';
import type { HelperRequest, HelperResponse, HelperWorkerLike } from '../../src/worker/hessian-helper-protocol';
import { randomDataset } from '../engine/metrics/hessian-test-utils';

// The engine's end of the λ(H_a) helper (client) against the helper's own logic (host), joined by a fake worker that
// copies every message as postMessage does. Both ends share this process's tfjs, which is what a helper on the same
// backend amounts to.

const spec: CnnSpec = { kind: 'cnn', inputShape: [8, 8, 1], numClasses: 3, convFilters: [2, 3], dense: [6, 4], activation: 'relu' };
const context = (seed: number): HessianContext => ({
  spec,
  weights: initWeights(spec, seed),
  train: randomDataset(30, [8, 8, 1], 3, 2),
  options: configSchema.parse({}).hessian,
  seed: 3,
});

function pair(init: () => Promise<string> = async () => 'wasm') {
  const toClient: Array<(e: MessageEvent<HelperResponse>) => void> = [];
  const onError: Array<(e: Event) => void> = [];
  const sent: HelperRequest[] = [];
  let terminated = false;
  const host = createHelperHost((m) => setTimeout(() => toClient.forEach((l) => l({ data: structuredClone(m) } as MessageEvent<HelperResponse>))), init);
  const worker: HelperWorkerLike = {
    postMessage: (m) => {
      sent.push(m);
      if (!terminated) setTimeout(() => host.handle(structuredClone(m)));
    },
    terminate: () => {
      terminated = true;
    },
    addEventListener: (type: string, l: (e: never) => void) => {
      if (type === 'message') toClient.push(l as (e: MessageEvent<HelperResponse>) => void);
      else onError.push(l as (e: Event) => void);
    },
  };
  const offload = createHelperOffload(worker);
  worker.postMessage({ type: 'init', wasmPaths: undefined });
  return { offload, sent, crash: () => onError.forEach((l) => l(new Event('error'))), isTerminated: () => terminated };
}

describe('the λ(H_a) helper', () => {
  beforeAll(async () => {
    installKernels();
    await tf.setBackend('wasm');
  });

  it('computes a job as the engine would, bit for bit, and sends each model’s context once', async () => {
    const { offload, sent } = pair();
    expect(offload.usableWith('wasm')).toBe(false); // not before it says it is ready
    await offload.settled;
    expect(offload.usableWith('wasm')).toBe(true);
    expect(offload.usableWith('webgpu')).toBe(false); // another backend would give other numbers
    expect(offload.forBackend('webgpu').available()).toBe(false);
    expect(offload.forBackend('wasm').available()).toBe(true);
    const ctx = context(1);
    const [a, b] = await Promise.all([offload.forBackend('wasm').run(ctx, { group: 0, warm: null }), offload.forBackend('wasm').run(ctx, { group: null, warm: null })]);
    const want = await runHessianJob(ctx, { group: 0, warm: null });
    expect(a.value).toBe(want.value);
    expect(Array.from(a.vector[0])).toEqual(Array.from(want.vector[0]));
    expect(b.samples).toBe(30);
    expect(sent.filter((m) => m.type === 'context')).toHaveLength(1);
    // Another model: a new context, and its jobs answer for it.
    const other = context(2);
    const c = await offload.forBackend('wasm').run(other, { group: 1, warm: null });
    expect(c.value).toBe((await runHessianJob(other, { group: 1, warm: null })).value);
    expect(sent.filter((m) => m.type === 'context')).toHaveLength(2);
  });

  it('rejects what it holds when it crashes, and takes nothing more', async () => {
    const { offload, crash, isTerminated } = pair();
    await offload.settled;
    const job = offload.forBackend('wasm').run(context(1), { group: 0, warm: null });
    crash();
    await expect(job).rejects.toThrow(/crashed/);
    expect(offload.usableWith('wasm')).toBe(false);
    expect(isTerminated()).toBe(true);
    await expect(offload.forBackend('wasm').run(context(1), { group: 0, warm: null })).rejects.toThrow(/not ready/);
  });

  it('is unusable when its backend cannot start, and says why', async () => {
    const { offload, isTerminated } = pair(async () => Promise.reject(new Error('no wasm here')));
    await offload.settled;
    expect(offload.usableWith('wasm')).toBe(false);
    expect(isTerminated()).toBe(true);
  });

  it('stops a cancelled job between products and rejects it as cancelled', async () => {
    const { offload, sent } = pair();
    await offload.settled;
    const abort = new AbortController();
    const job = offload.forBackend('wasm').run({ ...context(1), options: { ...configSchema.parse({}).hessian, tolerance: 0, maxIterations: 500 } }, { group: null, warm: null }, abort.signal);
    setTimeout(() => abort.abort(), 30);
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(sent.some((m) => m.type === 'cancel')).toBe(true);
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend';
import { installKernels } from '../../src/engine/kernels/install-kernels';
import { forward } from '../../src/engine/model/architecture';
import { initWeights, toVariables } from '../../src/engine/model/params';
import type { CnnSpec } from '../../src/engine/model/spec';
import { createRng } from '../../src/engine/random';
import { crossEntropy } from '../../src/engine/train/cross-entropy';

describe('initBackend in Node', () => {
  it("'auto' picks wasm and trains a conv step on it", async () => {
    const chosen = await initBackend('auto');
    expect(chosen).toEqual({ name: 'wasm', fallbackReason: null, threads: 1 }); // wasm in Node is single-threaded
    expect(tf.getBackend()).toBe('wasm');
    const spec: CnnSpec = { kind: 'cnn', inputShape: [12, 12, 1], numClasses: 3, convFilters: [4, 4], dense: [8, 6], activation: 'relu' };
    const vars = toVariables(initWeights(spec, 1));
    const rng = createRng(1, 'backend-test');
    const x = tf.tensor4d(Float32Array.from({ length: 16 * 144 }, () => rng.next()), [16, 12, 12, 1]);
    const y = tf.tensor1d(Int32Array.from({ length: 16 }, () => rng.int(3)), 'int32');
    const before = tf.memory().numTensors;
    const opt = tf.train.sgd(0.2);
    const losses: number[] = [];
    for (let step = 0; step < 5; step++) {
      const loss = opt.minimize(() => crossEntropy(forward(spec, vars, x), y), true, vars);
      losses.push((await loss!.data())[0]);
      loss!.dispose();
    }
    opt.dispose();
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[4]).toBeLessThan(losses[0]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...vars, x, y]);
  });

  it('an explicit cpu is honoured; GPU backends fall back with a reason', async () => {
    expect(await initBackend('cpu')).toEqual({ name: 'cpu', fallbackReason: null });
    const webgl = await initBackend('webgl');
    expect(webgl.name).toBe('wasm');
    expect(webgl.fallbackReason).toMatch(/webgl: not available in Node/);
    const webgpu = await initBackend('webgpu');
    expect(webgpu.name).toBe('wasm');
    expect(webgpu.fallbackReason).toMatch(/webgpu/);
  });

  it('installKernels is idempotent', () => {
    installKernels();
    const conv = tf.getGradient('Conv2D');
    const pool = tf.getGradient('AvgPool');
    installKernels();
    expect(tf.getGradient('Conv2D')).toBe(conv);
    expect(tf.getGradient('AvgPool')).toBe(pool);
  });
});

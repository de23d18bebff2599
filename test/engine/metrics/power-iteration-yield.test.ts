import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { lanczos } from '../../../src/engine/metrics/lanczos';
import { powerIteration } from '../../../src/engine/metrics/power-iteration';

beforeAll(async () => {
  await initBackend('cpu');
});

/** A diagonal operator whose every product blocks the thread for `ms`, like one HVP over a large group. */
const slowDiagonal = (ms: number) => (v: tf.Tensor[]) => {
  const end = Date.now() + ms;
  while (Date.now() < end);
  return tf.tidy(() => [tf.mul(v[0], tf.tensor1d([4, 2, 1, 0.5]))]);
};

/** Runs `work` and says whether a timer set before it fired before it ended. */
async function timerFiredDuring(work: () => Promise<unknown>): Promise<boolean> {
  let fired = false;
  setTimeout(() => (fired = true), 0);
  await work();
  return fired;
}

// The worker's heartbeat and Cancel are macrotasks: a λ(H_a) of a minute without one got the worker declared lost.
describe('the eigen-solvers give the event loop a turn', () => {
  const opts = { tolerance: 1e-12, maxIterations: 6, seed: 1 };
  it('power iteration yields between products', async () => {
    expect(await timerFiredDuring(() => powerIteration(slowDiagonal(40), [[4]], opts))).toBe(true);
  });
  it('Lanczos yields between products', async () => {
    expect(await timerFiredDuring(() => lanczos(slowDiagonal(40), [[4]], [Float32Array.from([1, 1, 1, 1])], { ...opts, maxIterations: 3 }))).toBe(true);
  });
});

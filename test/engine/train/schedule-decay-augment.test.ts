import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { cropFlip } from '../../../src/engine/data/augment';
import { initWeights } from '../../../src/engine/model/params';
import { createRng } from '../../../src/engine/random';
import { scheduledRate } from '../../../src/engine/train/lr-schedule';
import { train } from '../../../src/engine/train/train-loop';
import { tinyCnn, tinyDataset } from '../../helpers/tiny';

// Issue 10's training pieces for the paper's networks: learning-rate schedules, weight decay and CIFAR augmentation.

beforeAll(async () => {
  await initBackend('wasm');
});

describe('learning-rate schedules', () => {
  it('cosine: PyTorch CosineAnnealingLR(T_max=4) over 4 epochs gives 1, .8536, .5, .1464 of the base rate', () => {
    const got = [0, 1, 2, 3].map((e) => scheduledRate(0.1, 'cosine', e, 4) / 0.1);
    [1, 0.853553, 0.5, 0.146447].forEach((want, i) => expect(got[i]).toBeCloseTo(want, 5));
  });

  it('step: ×0.1 at 50% and at 75% of the epochs (MultiStepLR [4, 6] over 8); a 1-epoch phase keeps the base rate', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((e) => scheduledRate(1, 'step', e, 8))).toEqual([1, 1, 1, 1, 0.1, 0.1, 0.1 ** 2, 0.1 ** 2]);
    expect(scheduledRate(0.3, 'step', 0, 1)).toBe(0.3);
    // 2 epochs: both milestones fall on epoch 1 and count once.
    expect([0, 1].map((e) => scheduledRate(1, 'step', e, 2))).toEqual([1, 0.1]);
    expect(scheduledRate(0.3, 'constant', 5, 8)).toBe(0.3);
  });
});

describe('training with a schedule and weight decay', () => {
  const data = tinyDataset(64, 3);
  const spec = tinyCnn();
  // One batch holding every sample: one epoch is exactly one step, from the same start, on the same batch.
  const one = { spec, data, epochs: 1, batchSize: 64, seed: 5, momentum: 0, phase: 'test' };

  it('weight decay λ moves every parameter by exactly −lr·λ·θ more than plain SGD (g + λθ, PyTorch\'s weight_decay)', async () => {
    const w0 = initWeights(spec, 1);
    const lr = 0.1;
    const lambda = 0.05;
    const plain = await train({ ...one, optimizer: 'sgd', learningRate: lr, weights: w0 });
    const decayed = await train({ ...one, optimizer: 'sgd', learningRate: lr, weightDecay: lambda, weights: w0 });
    let worst = 0;
    w0.values.forEach((theta, k) =>
      theta.forEach((t, j) => {
        worst = Math.max(worst, Math.abs(decayed.weights.values[k][j] - plain.weights.values[k][j] - -lr * lambda * t));
      }),
    );
    expect(worst).toBeLessThan(1e-6);
    expect(Math.max(...w0.values[0].map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('the schedule reaches the optimizer: with step decay the 2nd epoch of 2 moves SGD and Adam 10× less than at a constant rate', async () => {
    for (const optimizer of ['sgd', 'adam'] as const) {
      const w0 = initWeights(spec, 2);
      const first = await train({ ...one, optimizer, learningRate: 0.1, weights: w0 });
      const constant = await train({ ...one, optimizer, learningRate: 0.1, epochs: 2, weights: w0 });
      const stepped = await train({ ...one, optimizer, learningRate: 0.1, epochs: 2, lrSchedule: 'step', weights: w0 });
      // Epoch 1 is the same step in all three; epoch 2's move is lr·(update), and the update is the same (same state).
      const move = (w: typeof w0) => w.values[0].map((v, j) => v - first.weights.values[0][j]);
      const c = move(constant.weights);
      const s = move(stepped.weights);
      const largest = Math.max(...c.map(Math.abs));
      expect(largest).toBeGreaterThan(1e-3);
      // Float32 weights near 1 resolve about 1e-7: the tolerance is that noise, not a loose ratio.
      c.forEach((cj, j) => expect(Math.abs(s[j] - cj / 10)).toBeLessThan(1e-3 * largest + 3e-7));
    }
  });
});

describe('crop-and-flip augmentation', () => {
  const side = 8;
  const c = 3;
  const shape = [side, side, c] as const;
  const n = 200;
  // Every pixel of every image distinct and non-zero, so where each output value came from is unambiguous.
  const x = Float32Array.from({ length: n * side * side * c }, (_, i) => i + 1);
  const batch = { x, labels: new Int32Array(n), n };

  it('each image is a shifted copy (by at most side/8 px, zeros outside), mirrored about half of the time', () => {
    const out = cropFlip(batch, shape, createRng(1, 'aug'));
    expect(batch.x).toEqual(x);
    let flips = 0;
    let shifted = 0;
    for (let m = 0; m < n; m++) {
      const img = out.x.subarray(m * side * side * c, (m + 1) * side * side * c);
      // Find the (dy, dx, flip) that explains the image: out(i, j) = in(i + dy, (flip ? w−1−j : j) + dx), 0 outside.
      const fits: Array<[number, number, boolean]> = [];
      for (const flip of [false, true])
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            let ok = true;
            for (let i = 0; i < side && ok; i++)
              for (let j = 0; j < side && ok; j++)
                for (let k = 0; k < c && ok; k++) {
                  const si = i + dy;
                  const sj = (flip ? side - 1 - j : j) + dx;
                  const want = si < 0 || si >= side || sj < 0 || sj >= side ? 0 : x[m * side * side * c + (si * side + sj) * c + k];
                  ok = img[(i * side + j) * c + k] === want;
                }
            if (ok) fits.push([dy, dx, flip]);
          }
      expect(fits).toHaveLength(1);
      if (fits[0][2]) flips++;
      if (fits[0][0] !== 0 || fits[0][1] !== 0) shifted++;
    }
    expect(flips).toBeGreaterThan(70);
    expect(flips).toBeLessThan(130);
    expect(shifted).toBeGreaterThan(n / 2);
  });

  it('is seeded: the same stream gives the same images, another stream others', () => {
    expect(cropFlip(batch, shape, createRng(1, 'aug')).x).toEqual(cropFlip(batch, shape, createRng(1, 'aug')).x);
    expect(cropFlip(batch, shape, createRng(2, 'aug')).x).not.toEqual(cropFlip(batch, shape, createRng(1, 'aug')).x);
  });

  it('in training: the same seed trains the same weights; augmented training differs from plain', async () => {
    const data = tinyDataset(64, 4);
    const spec = tinyCnn();
    const o = { spec, data, epochs: 1, batchSize: 32, seed: 5, optimizer: 'adam' as const, learningRate: 0.01, momentum: 0.9, phase: 'test' };
    const a = await train({ ...o, augment: 'crop-flip', weights: initWeights(spec, 1) });
    const b = await train({ ...o, augment: 'crop-flip', weights: initWeights(spec, 1) });
    const plain = await train({ ...o, weights: initWeights(spec, 1) });
    expect(a.weights.values.map((v) => Array.from(v))).toEqual(b.weights.values.map((v) => Array.from(v)));
    expect(Array.from(a.weights.values[0])).not.toEqual(Array.from(plain.weights.values[0]));
  });
});

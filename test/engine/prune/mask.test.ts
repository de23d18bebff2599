import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toVariables } from '../../../src/engine/model/params';
import { applyMasks, applyMaskToVariables, maskSparsity, maskTensors } from '../../../src/engine/prune/mask';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { convSpecs, countZeros, denseSpecs, randomWeights } from './fixtures';

const specs = [...convSpecs('conv1', 1, 3), ...denseSpecs('dense1', 12, 5)];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('masks', () => {
  it('applyMasks zeroes masked entries only, leaves the input intact, skips null masks', () => {
    const w = randomWeights(specs, 1);
    const masks = [new Uint8Array(27).map((_, j) => j % 3), null, new Uint8Array(60).fill(1), new Uint8Array(5)];
    const out = applyMasks(w, masks);
    expect(countZeros(out.values[0])).toBe(9);
    expect(out.values[1]).toEqual(w.values[1]);
    expect(out.values[2]).toEqual(w.values[2]);
    expect(countZeros(out.values[3])).toBe(5);
    expect(countZeros(w.values[0])).toBe(0);
    expect(maskSparsity(masks, specs, false)).toBeCloseTo(9 / 87, 12);
    expect(maskSparsity(masks, specs, true)).toBeCloseTo(14 / 95, 12);
  });

  it('pruned entries stay exactly 0 through Adam steps, and nothing leaks', async () => {
    const w = randomWeights(specs, 2);
    const { weights, masks } = pruneWeights(w, 0.6, 'global-magnitude', { pruneBiases: true, seed: 1 });
    const vars = toVariables(weights);
    const m = maskTensors(masks, specs);
    const target = specs.map((p) => tf.fill(p.shape, 3));
    const opt = tf.train.adam(0.1);
    const step = (mask: boolean) => {
      opt.minimize(() => tf.addN(vars.map((v, i) => tf.sum(tf.square(tf.sub(v, target[i]))))) as tf.Scalar, false, vars);
      if (mask) applyMaskToVariables(vars, m);
    };
    step(true); // Adam creates its moment variables on the first step
    const before = tf.memory().numTensors;
    for (let s = 0; s < 5; s++) step(true);
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < vars.length; i++) {
      const v = await vars[i].data();
      masks[i]?.forEach((k, j) => {
        if (k === 0) expect(v[j]).toBe(0);
        else expect(v[j]).not.toBe(0);
      });
    }
    // Without the mask, Adam's momentum regrows the pruned weights: the test above can fail.
    step(false);
    const regrown = await vars[0].data();
    expect(masks[0]?.some((k, j) => k === 0 && regrown[j] !== 0)).toBe(true);
    tf.dispose([...vars, ...target, ...m.filter((t): t is tf.Tensor => t !== null)]);
    opt.dispose();
  });
});

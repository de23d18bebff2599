import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { adamStepIn } from '../../../src/engine/kernels/adam-step';
import { createRng } from '../../../src/engine/random';
import { FusedAdam } from '../../../src/engine/train/fused-adam';
import { disposeOptimizer, setLearningRate } from '../../../src/engine/train/optimizer';
import { withOurKernelsOn } from '../../helpers/stock-vs-ours';

const values = (n: number, label: string) => {
  const rng = createRng(3, label);
  return Float32Array.from({ length: n }, () => rng.normal());
};

/** Eight steps of a least-squares fit with `make`'s optimizer (the rate halves after four); the weights after. */
async function fit(make: () => tf.Optimizer, tag: string): Promise<Float32Array[]> {
  const a = tf.tensor2d(values(40 * 6, 'a'), [40, 6]);
  const b = tf.tensor2d(values(40 * 3, 'b'), [40, 3]);
  const [w, c] = [tf.tensor2d(values(6 * 3, 'w'), [6, 3]), tf.tensor1d(values(3, 'c'))].map((t, i) => {
    const v = tf.variable(t, true, `${i}-${tag}`);
    t.dispose(); // the variable keeps its own reference to the data
    return v;
  });
  const opt = make();
  for (let step = 0; step < 8; step++) {
    if (step === 4) setLearningRate(opt, 0.005);
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(a, w), c), b))) as tf.Scalar, [w, c]);
      opt.applyGradients(grads);
    });
  }
  const out = [await w.data(), await c.data()] as Float32Array[];
  disposeOptimizer(opt);
  tf.dispose([a, b, w, c]);
  return out;
}

describe.each(['cpu', 'wasm'])('FusedAdam on %s', (backend) => {
  withOurKernelsOn(backend);

  it('takes exactly the steps of tf.train.adam, bit for bit, a scheduled rate included, and leaves no tensor behind', async () => {
    // On wasm the update is our SIMD module's (w: 18 weights, four vectors and two floats; c: 3, floats only).
    if (backend === 'wasm') expect(adamStepIn(tf.backend())).not.toBeNull();
    const before = tf.memory().numTensors;
    const ours = await fit(() => new FusedAdam(0.01), 'ours');
    expect(tf.memory().numTensors).toBe(before);
    const stock = await fit(() => tf.train.adam(0.01), 'stock');
    const start = values(6 * 3, 'w');
    let moved = 0;
    for (let k = 0; k < ours.length; k++)
      for (let i = 0; i < ours[k].length; i++) {
        expect(ours[k][i]).toBe(stock[k][i]);
        if (k === 0) moved = Math.max(moved, Math.abs(ours[0][i] - start[i]));
      }
    expect(moved).toBeGreaterThan(0.02); // eight steps of ~0.01 each really moved the weights
  });

  it('is still an Adam to the rest of the engine', () => {
    const o = new FusedAdam(0.1);
    expect(o.getClassName()).toBe('Adam');
    o.dispose();
  });
});

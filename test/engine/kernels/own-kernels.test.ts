import * as tf from '@tensorflow/tfjs';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { ADAM_STEP } from '../../../src/engine/kernels/adam-step';
import { ownKernelsInUse, useOwnKernels } from '../../../src/engine/kernels/own-kernels';
import { withOurKernelsOn } from '../../helpers/stock-vs-ours';

describe.each(['cpu', 'wasm'])('our kernels on %s', (backend) => {
  withOurKernelsOn(backend);

  it('runs on the tfjs version its memory access was written for (a newer tfjs must re-check backend-memory.ts)', () => {
    expect(tf.version_core).toBe('4.22.0');
    expect(version_wasm).toBe('4.22.0');
    expect(ownKernelsInUse()).toBe(true);
    expect(tf.getKernel(ADAM_STEP, backend)).toBeDefined();
  });

  it('clones without copying, and frees the memory only when the last holder is disposed', async () => {
    const t = tf.tensor1d([1, 2, 3]);
    const c = tf.clone(t);
    expect(c.dataId).toBe(t.dataId); // the same memory (stock tfjs-wasm copied it)
    t.dispose();
    expect(Array.from(await c.data())).toEqual([1, 2, 3]);
    const d = tf.add(c, 1);
    c.dispose();
    expect(Array.from(await d.data())).toEqual([2, 3, 4]);
    d.dispose();
  });

  it('casts to the same dtype without copying, and to another dtype as tfjs does', async () => {
    const t = tf.tensor1d([1.5, -2.5, 3]);
    const same = tf.cast(t, 'float32');
    expect(same.dataId).toBe(t.dataId); // the gradient of a saved clone is this Cast: stock tfjs-wasm copied it
    t.dispose();
    expect(Array.from(await same.data())).toEqual([1.5, -2.5, 3]);
    const ints = tf.cast(same, 'int32');
    expect(ints.dataId).not.toBe(same.dataId);
    expect(ints.dtype).toBe('int32');
    expect(Array.from(await ints.data())).toEqual([1, -2, 3]);
    const back = tf.cast(ints, 'float32');
    expect(Array.from(await back.data())).toEqual([1, -2, 3]);
    tf.dispose([same, ints, back]);
  });

  it('can be switched off and on again (the bench compares both)', () => {
    useOwnKernels(false);
    expect(ownKernelsInUse()).toBe(false);
    expect(tf.getKernel(ADAM_STEP, backend)).toBeUndefined();
    const t = tf.tensor1d([1]);
    const c = tf.clone(t);
    if (backend === 'wasm') expect(c.dataId).not.toBe(t.dataId); // tfjs-wasm's own Identity is back
    tf.dispose([t, c]);
    useOwnKernels(true);
    expect(ownKernelsInUse()).toBe(true);
  });
});

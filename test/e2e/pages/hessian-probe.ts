import * as tf from '@tensorflow/tfjs';
import { imageBatch } from '../../../src/engine/data/dataset';
import { generateSynthetic } from '../../../src/engine/data/synthetic';
import { syntheticDataSchema } from '../../../src/engine/contract/config';
import { hessianSubset, topHessianEigen } from '../../../src/engine/metrics/hessian';
import { randomUnitVector } from '../../../src/engine/metrics/power-iteration';
import { createHvp } from '../../../src/engine/metrics/hvp';
import { fromArrays, toArrays } from '../../../src/engine/metrics/param-vectors';
import { initWeights } from '../../../src/engine/model/params';
import type { CnnSpec } from '../../../src/engine/model/spec';

// The fixed problem every backend is measured on: seeded data, seeded weights (never trained: trained weights drift
// across backends), a smooth (softplus) CNN so the Hessian is well defined everywhere.

const SEED = 11;
const GROUP = 0;
const MAX_SAMPLES = 64;
/** Half of MAX_SAMPLES: H v is then the weighted sum over two batches, of one shape (fewer GPU shaders to compile). */
const BATCH_SIZE = 32;
export const TOLERANCE = 1e-6;
export const MAX_ITERATIONS = 100;

export interface HessianProbe {
  /** H v for the seeded unit vector v, flattened in paramSpecs order. */
  hv: number[];
  /** λ(H_a) of group a = GROUP by power iteration. */
  lambda: number;
  iterations: number;
  converged: boolean;
  samples: number;
  /** tf.memory().numTensors before and after both measurements. */
  tensorsBefore: number;
  tensorsAfter: number;
}

/** Runs both measurements on whatever tfjs backend is active. */
export async function probeHessian(): Promise<HessianProbe> {
  const data = generateSynthetic(syntheticDataSchema.parse({ kind: 'synthetic', numClasses: 3, numGroups: 2, groupShares: [1, 1], samples: 200, imageSize: 8 }), SEED);
  const spec: CnnSpec = { kind: 'cnn', inputShape: data.imageShape, numClasses: 3, convFilters: [2, 4], dense: [8, 4], activation: 'softplus' };
  const weights = initWeights(spec, SEED);
  const shapes = weights.specs.map((p) => p.shape);
  const indices = hessianSubset(data, GROUP, MAX_SAMPLES, SEED);
  const labels = Int32Array.from(indices, (i) => data.labels[i]);

  const tensorsBefore = tf.memory().numTensors;
  const params = fromArrays(weights.values, shapes);
  const v = fromArrays(randomUnitVector(shapes, SEED), shapes);
  const hvp = createHvp(spec, params, { x: imageBatch(data, indices), labels, n: indices.length }, BATCH_SIZE);
  let hv: Float32Array[];
  try {
    const out = hvp.apply(v);
    hv = await toArrays(out);
    tf.dispose(out);
  } finally {
    hvp.dispose();
    tf.dispose([...params, ...v]);
  }
  const eig = await topHessianEigen(spec, weights, data, {
    group: GROUP,
    tolerance: TOLERANCE,
    maxIterations: MAX_ITERATIONS,
    maxSamples: MAX_SAMPLES,
    seed: SEED,
    batchSize: BATCH_SIZE,
    method: 'power',
  });
  return {
    hv: hv.flatMap((a) => Array.from(a)),
    lambda: eig.value,
    iterations: eig.iterations,
    converged: eig.converged,
    samples: eig.samples,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
  };
}

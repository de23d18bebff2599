import * as tf from '@tensorflow/tfjs';

/**
 * Sums signed constraint gaps on the device between dual updates, so a step never waits for a read-back: only the
 * end of an interval reads (one small tensor), which matters on GPU backends where every read is a sync.
 */
export interface GapAccumulator {
  /** Adds one measurement of the gaps [C]; measured[c] = 0 leaves constraint c out (its gap must still be finite). */
  add(gaps: tf.Tensor1D, measured: ArrayLike<number>): void;
  /** Mean gap of each constraint since the last take (NaN where none was measured), then starts over. */
  takeMean(): Promise<number[]>;
  dispose(): void;
}

export function createGapAccumulator(numConstraints: number): GapAccumulator {
  let sum: tf.Tensor1D = tf.zeros([numConstraints]);
  const counts = new Array<number>(numConstraints).fill(0);
  return {
    add(gaps, measured) {
      const mask = Float32Array.from({ length: numConstraints }, (_, c) => (measured[c] ? 1 : 0));
      const next = tf.tidy(() => tf.add(sum, tf.mul(gaps, tf.tensor1d(mask))) as tf.Tensor1D);
      sum.dispose();
      sum = next;
      mask.forEach((m, c) => (counts[c] += m));
    },
    async takeMean() {
      const total = await sum.data();
      const mean = counts.map((n, c) => (n > 0 ? total[c] / n : NaN));
      sum.dispose();
      sum = tf.zeros([numConstraints]);
      counts.fill(0);
      return mean;
    },
    dispose() {
      sum.dispose();
    },
  };
}

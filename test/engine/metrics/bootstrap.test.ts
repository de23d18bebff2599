import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, percentileInterval } from '../../../src/engine/metrics/bootstrap';
import { createRng } from '../../../src/engine/random';

/** One synthetic test split: two groups of Bernoulli(p_a) outcomes, loss = 1 − correct, dense loss 0. */
function binomialCase(n: number, p: [number, number], seed: number) {
  const rng = createRng(seed, 'binomial-case');
  const groups = new Int32Array(2 * n).map((_, i) => (i < n ? 0 : 1));
  const correct = Array.from(groups, (a) => (rng.next() < p[a] ? 1 : 0));
  return { correct, loss: correct.map((c) => 1 - c), denseLoss: new Array<number>(2 * n).fill(0), groups, numGroups: 2 };
}

describe('bootstrap intervals', () => {
  it('percentile interval: the 2.5% and 97.5% quantiles of 0..100 are 2.5 and 97.5', () => {
    const i = percentileInterval(Array.from({ length: 101 }, (_, k) => 100 - k), 0.95);
    expect(i.low).toBeCloseTo(2.5, 12);
    expect(i.high).toBeCloseTo(97.5, 12);
  });

  it('covers the true accuracy, loss and R(a) at about the nominal rate on a binomial case', () => {
    // The oracle is the binomial itself: the true group accuracy is p_a, the true loss 1 − p_a, the true R(a) 1 − p_a.
    const p: [number, number] = [0.7, 0.9];
    const reps = 300;
    let covered = 0;
    let coveredExcess = 0;
    for (let r = 0; r < reps; r++) {
      const b = bootstrapIntervals(binomialCase(150, p, r + 1), { draws: 200, level: 0.9, seed: r + 1 });
      const g = b!.groups[0]!;
      if (g.accuracy.low <= p[0] && p[0] <= g.accuracy.high) covered++;
      if (g.excessLoss.low <= 1 - p[0] && 1 - p[0] <= g.excessLoss.high) coveredExcess++;
      expect(g.loss.low).toBeCloseTo(1 - g.accuracy.high, 12);
    }
    // Nominal 90%; a binomial over 300 repetitions has sd 1.7 points, and the percentile bootstrap runs a little short.
    expect(covered / reps).toBeGreaterThan(0.84);
    expect(covered / reps).toBeLessThan(0.96);
    // R(a) = mean(loss − 0) = 1 − accuracy: the same intervals mirrored (up to float ties on the lattice of means).
    expect(Math.abs(coveredExcess - covered)).toBeLessThanOrEqual(reps * 0.03);
  });

  it('covers the true fairness violation p_1 − p_0 (groups far apart) at about the nominal rate', () => {
    const p: [number, number] = [0.6, 0.9];
    const reps = 200;
    let covered = 0;
    for (let r = 0; r < reps; r++) {
      const v = bootstrapIntervals(binomialCase(150, p, 1000 + r), { draws: 200, level: 0.9, seed: r })!.fairnessViolation;
      if (v.low <= 0.3 && 0.3 <= v.high) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.82);
    expect(covered / reps).toBeLessThan(0.97);
  });

  it('is seeded, and off with 0 draws', () => {
    const c = binomialCase(50, [0.5, 0.5], 3);
    expect(bootstrapIntervals(c, { draws: 50, level: 0.95, seed: 9 })).toEqual(bootstrapIntervals(c, { draws: 50, level: 0.95, seed: 9 }));
    expect(bootstrapIntervals(c, { draws: 0, level: 0.95, seed: 9 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { createDualAscent, dualStep, intervalViolation } from '../../../src/engine/mitigate/dual-ascent';

const schedule = { dualStep: 0.5, dualEvery: 10, warmup: 20, lambdaCap: 2 };

describe('dual ascent', () => {
  it('raises λ in proportion to the violation, never lowers it, and respects the cap', () => {
    expect(dualStep([0, 1, 1.9], [0.4, 0, 3], 0.5, 2)).toEqual([0.2, 1, 2]);
    expect(dualStep([1], [0], 0.5, 2)).toEqual([1]);
  });

  it('measures an interval by |mean signed gap|, so noise around 0 is not a violation', () => {
    expect(intervalViolation([-0.3, 0.2, NaN])).toEqual([0.3, 0.2, 0]);
  });

  it('rises while a constraint is violated and stops rising once it is met', () => {
    const d = createDualAscent(2, schedule);
    // Group 0 violated by 0.4 for five intervals, then met; group 1 met throughout.
    for (let k = 1; k <= 8; k++) d.close(10 * k, k <= 5 ? [0.4, 0] : [0, 0]);
    const lambda0 = d.records().map((r) => r.lambda[0]);
    // Warm-up: intervals ending at steps 10 and 20 only record.
    expect(lambda0.slice(0, 2)).toEqual([0, 0]);
    // Rising: +0.5·0.4 per interval after the warm-up.
    for (let k = 2; k < 5; k++) expect(lambda0[k] - lambda0[k - 1]).toBeCloseTo(0.2, 12);
    // Met from step 60 on: flat.
    expect(lambda0[5]).toBe(lambda0[4]);
    expect(lambda0[7]).toBe(lambda0[4]);
    expect(lambda0[4]).toBeCloseTo(0.6, 12);
    expect(d.records().every((r) => r.lambda[1] === 0)).toBe(true);
    expect(d.lambda()).toEqual([lambda0[7], 0]);
  });

  it('stops at the cap however long the violation lasts', () => {
    const d = createDualAscent(1, { ...schedule, warmup: 0 });
    for (let k = 1; k <= 50; k++) d.close(10 * k, [1]);
    expect(d.lambda()).toEqual([2]);
  });

  it('ends intervals every dualEvery steps and returns copies', () => {
    const d = createDualAscent(1, schedule);
    expect([0, 9, 10, 15, 20].map((s) => d.isIntervalEnd(s))).toEqual([false, false, true, false, true]);
    d.close(30, [1]);
    d.records()[0].lambda[0] = 99;
    expect(d.records()[0].lambda[0]).toBe(0.5);
  });
});

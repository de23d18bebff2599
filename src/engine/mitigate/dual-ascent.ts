// The dual half of the Lagrangian dual method (Fioretto et al. 2020, the paper's ref. [12]): one multiplier per
// equality constraint, starting at 0, raised in proportion to how violated the constraint was over the last interval.

export interface DualSchedule {
  /** Dual step size s in λ ← λ + s·violation. */
  dualStep: number;
  /** Steps per interval: one dual update (and one recorded point) at the end of each. */
  dualEvery: number;
  /** Steps before the first dual update; intervals ending at or before it only record. */
  warmup: number;
  /** Upper bound on every λ, so one bad interval cannot blow up the primal objective. */
  lambdaCap: number;
}

/** One recorded point of a trajectory: λ after the update at `step`, and the violation that drove it. */
export interface DualRecord {
  step: number;
  lambda: number[];
  violation: number[];
}

/**
 * λ_c ← min(cap, λ_c + s·ν_c). ν_c ≥ 0 for an equality constraint, so λ never falls: it rises while the constraint
 * is violated and stays where it is once it is met (ν_c = 0).
 */
export function dualStep(lambda: readonly number[], violation: readonly number[], stepSize: number, cap: number): number[] {
  return lambda.map((l, c) => Math.min(cap, Math.max(0, l + stepSize * violation[c])));
}

/**
 * Violation of each constraint over an interval, from the mean signed gap (value − target) of its measurements:
 * ν_c = |mean gap|. Averaging the signed gap first keeps mini-batch noise from looking like a violation (|·| of
 * each noisy gap would never reach 0 even when the constraint holds on average). Unmeasured constraints (NaN)
 * count as met for this interval.
 */
export function intervalViolation(meanGap: readonly number[]): number[] {
  return meanGap.map((g) => (Number.isFinite(g) ? Math.abs(g) : 0));
}

export interface DualAscent {
  /** Current multipliers (a copy). */
  lambda(): number[];
  /** Whether an interval ends after `step` steps (step counts completed steps, from 1). */
  isIntervalEnd(step: number): boolean;
  /**
   * Closes the interval ending after `step` steps with the mean signed gap of each constraint over it (NaN where
   * nothing was measured). Past the warm-up this applies the dual step. Records and returns the point.
   */
  close(step: number, meanGap: readonly number[]): DualRecord;
  /** Every recorded point so far, in order. */
  records(): DualRecord[];
}

export function createDualAscent(numConstraints: number, schedule: DualSchedule): DualAscent {
  let lambda = new Array<number>(numConstraints).fill(0);
  const recorded: DualRecord[] = [];
  return {
    lambda: () => lambda.slice(),
    isIntervalEnd: (step) => step > 0 && step % schedule.dualEvery === 0,
    close(step, meanGap) {
      const violation = intervalViolation(meanGap);
      if (step > schedule.warmup) lambda = dualStep(lambda, violation, schedule.dualStep, schedule.lambdaCap);
      const record = { step, lambda: lambda.slice(), violation };
      recorded.push(record);
      return record;
    },
    records: () => recorded.map((r) => ({ step: r.step, lambda: r.lambda.slice(), violation: r.violation.slice() })),
  };
}

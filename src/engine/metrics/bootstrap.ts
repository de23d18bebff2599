import type { Interval } from '../contract/results';
import { createRng } from '../random';

// Seeded percentile bootstrap over the test samples: how much a group number would move on another test draw of
// the same size. Resampling is within each group (the group sizes are fixed by the stratified split), and paired:
// R(a) and the accuracy change resample the same indices in the pruned and the dense outcomes, so the dense model's
// own sampling noise cancels the way it does in the point estimate.

export interface BootstrapInput {
  /** Per-sample loss and 0/1 correctness of the measured model on the test split. */
  loss: ArrayLike<number>;
  correct: ArrayLike<number>;
  /** The dense model's per-sample loss on the same samples (R(a) = mean of the difference). */
  denseLoss: ArrayLike<number>;
  groups: Int32Array;
  numGroups: number;
}

export interface BootstrapOptions {
  draws: number;
  /** Central coverage of the interval, e.g. 0.95. */
  level: number;
  seed: number;
}

export interface GroupIntervals {
  accuracy: Interval;
  loss: Interval;
  excessLoss: Interval;
}

export interface BootstrapIntervals {
  groups: Array<GroupIntervals | null>;
  /** max − min group accuracy, recomputed on each draw (all groups resampled together). */
  fairnessViolation: Interval;
}

/** The (1−level)/2 and (1+level)/2 empirical quantiles (linear interpolation between order statistics). */
export function percentileInterval(values: number[], level: number): Interval {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
  };
  return { low: q((1 - level) / 2), high: q((1 + level) / 2) };
}

/** Bootstrap intervals per group for accuracy, loss and R(a), and for the fairness violation; null with draws = 0. */
export function bootstrapIntervals(x: BootstrapInput, o: BootstrapOptions): BootstrapIntervals | null {
  if (o.draws < 1) return null;
  const members: number[][] = Array.from({ length: x.numGroups }, () => []);
  for (let i = 0; i < x.groups.length; i++) members[x.groups[i]].push(i);
  const rng = createRng(o.seed, 'bootstrap');
  const acc: number[][] = members.map(() => []);
  const loss: number[][] = members.map(() => []);
  const excess: number[][] = members.map(() => []);
  const violation: number[] = [];
  for (let d = 0; d < o.draws; d++) {
    const drawAcc: number[] = [];
    members.forEach((idx, a) => {
      if (idx.length === 0) return;
      let c = 0;
      let l = 0;
      let e = 0;
      for (let k = 0; k < idx.length; k++) {
        const i = idx[rng.int(idx.length)];
        c += x.correct[i];
        l += x.loss[i];
        e += x.loss[i] - x.denseLoss[i];
      }
      acc[a].push(c / idx.length);
      loss[a].push(l / idx.length);
      excess[a].push(e / idx.length);
      drawAcc.push(c / idx.length);
    });
    if (drawAcc.length) violation.push(Math.max(...drawAcc) - Math.min(...drawAcc));
  }
  return {
    groups: members.map((idx, a) =>
      idx.length === 0 ? null : { accuracy: percentileInterval(acc[a], o.level), loss: percentileInterval(loss[a], o.level), excessLoss: percentileInterval(excess[a], o.level) },
    ),
    fairnessViolation: violation.length ? percentileInterval(violation, o.level) : { low: 0, high: 0 },
  };
}

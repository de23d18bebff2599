import type { Config } from './config';
import type { HessianEstimate, Results } from './results';

// λ(H_a) is computed on at most hessian.maxSamplesPerGroup samples of a group (a seeded subsample past the cap). On
// a subsample it can differ from the whole group's by tens of percent (issue 15), so every place that shows it says
// when it is subsampled: the CLI's table heading, the CSV's hessian_samples column, the page's λ(H_a) chart.

/** Whether an estimate was computed on fewer samples than its group has (`groupSize`: the training-split size). */
export const isSubsampled = (h: Pick<HessianEstimate, 'samples'> | null, groupSize: number): boolean => h !== null && h.samples > 0 && h.samples < groupSize;

/**
 * Samples λ(H_a) of a group of `groupSize` runs its products over: the whole group, or past the cap the capped
 * subsample once per draw. The run estimate's measure of the Hessian's work, and the λ jobs' order (largest first).
 */
export const hessianWorkSamples = (groupSize: number, hessian: Pick<Config['hessian'], 'maxSamplesPerGroup' | 'sampleDraws'>): number =>
  groupSize > hessian.maxSamplesPerGroup ? hessian.maxSamplesPerGroup * hessian.sampleDraws : groupSize;

export interface HessianSamplingSummary {
  /** Whether any λ(H_a) (or the overall λ(H)) of the Results is on a subsample. */
  subsampled: boolean;
  /** Whether any λ was computed at all. */
  computed: boolean;
  /** "subsampled: 256 of 1394 (A), 256 of 1401 (B); whole group: C", or "whole group"; '' when none was computed. */
  text: string;
}

/** How the Results' λ(H_a) were sampled, per group: n of N where subsampled, "whole group" otherwise. */
export function hessianSampling(results: Results): HessianSamplingSummary {
  const names = results.dataset.groupNames;
  const sizes = results.dataset.trainSizes;
  const sub: string[] = [];
  const whole: string[] = [];
  let computed = false;
  names.forEach((name, a) => {
    const hs = results.runs.map((r) => r.groups[a]?.hessianMax ?? null).filter((h) => h !== null);
    if (hs.length === 0) return;
    computed = true;
    const size = sizes[a] ?? 0;
    const n = Math.max(...hs.map((h) => h.samples));
    if (hs.some((h) => isSubsampled(h, size))) sub.push(`${n} of ${size} (${name})`);
    else whole.push(name);
  });
  const overall = results.runs.map((r) => r.overall.hessianMax).filter((h) => h !== null);
  const total = sizes.reduce((s, v) => s + v, 0);
  if (overall.length) {
    computed = true;
    if (overall.some((h) => isSubsampled(h, total))) sub.push(`${Math.max(...overall.map((h) => h.samples))} of ${total} (overall)`);
  }
  if (!computed) return { subsampled: false, computed, text: '' };
  if (sub.length === 0) return { subsampled: false, computed, text: 'whole group' };
  return { subsampled: true, computed, text: `subsampled: ${sub.join(', ')}${whole.length ? `; whole group: ${whole.join(', ')}` : ''}` };
}

import { hessianSampling } from '../engine/contract/hessian-sampling';
import type { Results } from '../engine/contract/results';

export interface HessianSamplingLabel {
  /** Appended to the λ(H_a) chart's axis label: " (subsampled)" when any value is, else ''. */
  axisSuffix: string;
  /** A sentence appended to the chart's caption saying on how many samples λ(H_a) was computed; '' before any λ. */
  captionNote: string;
}

/** How the λ(H_a) chart says whether its values are on a subsample of each group (hessian.maxSamplesPerGroup). */
export function hessianSamplingLabel(results: Results | null): HessianSamplingLabel {
  if (!results) return { axisSuffix: '', captionNote: '' };
  const s = hessianSampling(results);
  if (!s.computed) return { axisSuffix: '', captionNote: '' };
  if (!s.subsampled) return { axisSuffix: '', captionNote: ' Computed on the whole group.' };
  return {
    axisSuffix: ' (subsampled)',
    captionNote: ` Values are on a subsample of the group, capped by hessian.maxSamplesPerGroup (${s.text}); they can differ from the whole group's by tens of percent.`,
  };
}

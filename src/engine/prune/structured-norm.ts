import type { Weights } from '../model/params';
import type { ParamSpec } from '../model/spec';
import { isPrunable } from '../model/spec';
import type { Masks } from './mask';
import { pruneCount, removeSmallest } from './select';

export type FilterNorm = 'l1' | 'l2';

/** The classifier is the layer of the last kernel in paramSpecs order: its outputs are the classes. */
export function classifierLayer(specs: ParamSpec[]): string | undefined {
  for (let i = specs.length - 1; i >= 0; i--) if (specs[i].role === 'kernel') return specs[i].layer;
  return undefined;
}

/** ℓ1 or ℓ2 norm of every output filter (last axis: conv [fh,fw,cin,cout], dense [in,out]) of a kernel. */
export function filterNorms(kernel: Float32Array, filters: number, norm: FilterNorm): Float64Array {
  const s = new Float64Array(filters);
  for (let j = 0; j < kernel.length; j++) {
    const x = kernel[j];
    s[j % filters] += norm === 'l1' ? Math.abs(x) : x * x;
  }
  if (norm === 'l2') for (let f = 0; f < filters; f++) s[f] = Math.sqrt(s[f]);
  return s;
}

/**
 * Structured filter pruning: in every layer but the classifier (a class output is never removed), remove the
 * round(P·F) output filters / units of smallest ℓp norm (ties by index), keeping at least one per layer.
 * A removed unit takes its bias and its BatchNorm channel with it, whatever pruneBiases says: otherwise it would still emit the constant
 * act(b) and could not be physically removed. Kept units, and the classifier, are untouched (all-ones masks
 * for kernels so sparsity counts them as kept prunable weights). The realised sparsity (maskSparsity) differs
 * from P because layers differ in filter size and the classifier is spared.
 */
export function structuredMasks(w: Weights, rate: number, norm: FilterNorm, pruneBiases: boolean): Masks {
  const classifier = classifierLayer(w.specs);
  const masks: Masks = w.values.map((v, i) => (isPrunable(w.specs[i], pruneBiases) ? new Uint8Array(v.length).fill(1) : null));
  w.specs.forEach((p, i) => {
    if (p.role !== 'kernel' || p.layer === classifier) return;
    const filters = p.shape[p.shape.length - 1];
    const keepFilter = removeSmallest(filterNorms(w.values[i], filters, norm), Math.min(pruneCount(rate, filters), filters - 1));
    const kernelMask = masks[i] as Uint8Array;
    for (let j = 0; j < kernelMask.length; j++) kernelMask[j] = keepFilter[j % filters];
    const b = w.specs.findIndex((q) => q.role === 'bias' && q.layer === p.layer);
    if (b >= 0) masks[b] = Uint8Array.from(keepFilter);
    // The BatchNorm on this layer's channels loses the same channels (γ and β): a removed filter's channel would
    // otherwise still emit β − γ·mean/√(var + ε). Its running statistics stay (they are never masked).
    w.specs.forEach((q, k) => {
      if (q.channelsOf === p.layer && (q.role === 'bn-scale' || q.role === 'bn-shift')) masks[k] = Uint8Array.from(keepFilter);
    });
  });
  return masks;
}

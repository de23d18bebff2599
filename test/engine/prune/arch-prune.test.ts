import { describe, expect, it } from 'vitest';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { perturbedWeights, resnet, vgg } from '../model/arch-fixtures';

// Pruning over the new parameter kinds: kernels are the prunable weights; biases and BatchNorm scale/shift only when
// asked; BatchNorm running statistics never.

const kernelCount = (w: ReturnType<typeof perturbedWeights>) => w.specs.reduce((s, p, i) => s + (p.role === 'kernel' ? w.values[i].length : 0), 0);

describe.each([
  ['ResNet-8', resnet('resnet8', 'relu')],
  ['VGG-11', vgg('vgg11', 'relu')],
] as const)('pruning a %s', (_, spec) => {
  const w = perturbedWeights(spec, 7);

  it('global magnitude counts only kernels: round(P·N_kernels) removed, BatchNorm untouched', () => {
    const r = pruneWeights(w, 0.6, 'global-magnitude', { pruneBiases: false, seed: 1 });
    const n = kernelCount(w);
    const removed = r.masks.reduce((s, m) => s + (m ? m.filter((x) => x === 0).length : 0), 0);
    expect(removed).toBe(Math.round(0.6 * n));
    expect(r.sparsity).toBeCloseTo(Math.round(0.6 * n) / n, 12);
    w.specs.forEach((p, i) => {
      if (p.role !== 'kernel') {
        expect(r.masks[i]).toBeNull();
        expect(r.weights.values[i]).toEqual(w.values[i]);
      }
    });
  });

  it('with pruneBiases, BatchNorm scale and shift join the pool; running statistics never do', () => {
    const r = pruneWeights(w, 0.6, 'global-magnitude', { pruneBiases: true, seed: 1 });
    w.specs.forEach((p, i) => {
      if (p.role === 'bn-mean' || p.role === 'bn-var') expect(r.masks[i]).toBeNull();
      if (p.role === 'bn-scale' || p.role === 'bn-shift' || p.role === 'bias') expect(r.masks[i]).not.toBeNull();
    });
  });

  it.each(['structured-l1', 'structured-l2'] as const)('%s removes whole filters and the same channels of their BatchNorm', (method) => {
    const r = pruneWeights(w, 0.5, method, { pruneBiases: false, seed: 1 });
    let layers = 0;
    w.specs.forEach((p, i) => {
      if (p.role !== 'kernel' || p.layerKind !== 'conv') return;
      const filters = p.shape[3];
      const m = r.masks[i] as Uint8Array;
      const keep = Array.from({ length: filters }, (_, f) => m[f]);
      // Whole filters: every entry of filter f has f's mask.
      for (let j = 0; j < m.length; j++) expect(m[j]).toBe(keep[j % filters]);
      expect(keep.filter((k) => k === 0).length).toBe(Math.min(Math.round(0.5 * filters), filters - 1));
      const bn = w.specs.flatMap((q, k) => (q.channelsOf === p.layer ? [k] : []));
      expect(bn.length).toBe(4);
      for (const k of bn) {
        const role = w.specs[k].role;
        if (role === 'bn-scale' || role === 'bn-shift') {
          expect(Array.from(r.masks[k] as Uint8Array)).toEqual(keep);
          keep.forEach((kf, f) => kf === 0 && expect(r.weights.values[k][f]).toBe(0));
        } else {
          expect(r.masks[k]).toBeNull();
        }
      }
      layers++;
    });
    expect(layers).toBeGreaterThan(2);
  });
});

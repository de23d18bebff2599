import { describe, expect, it } from 'vitest';
import { maskSparsity, weightSparsity } from '../../../src/engine/prune/mask';
import { pruneWeights, type PruneMethod } from '../../../src/engine/prune/prune';
import { countZeros, denseSpecs, kernelIndices, randomWeights } from './fixtures';

// Kernels of 7, 33 and 100 entries (odd sizes, N = 140) plus biases of 1, 3 and 10.
const specs = [...denseSpecs('dense1', 7, 1), ...denseSpecs('dense2', 11, 3), ...denseSpecs('dense3', 10, 10)];
const rates = [0.3, 0.5, 0.9, 0.99];
const opts = { pruneBiases: false, seed: 7 };

describe('unstructured pruning removes exactly the requested count', () => {
  const w = randomWeights(specs, 1);
  const kernels = kernelIndices(w);
  const n = kernels.reduce((s, i) => s + w.values[i].length, 0);
  for (const method of ['global-magnitude', 'random'] as PruneMethod[]) {
    it.each(rates)(`${method} at rate %f removes round(P·N) kernel entries`, (rate) => {
      const { weights, masks, sparsity } = pruneWeights(w, rate, method, opts);
      const zeros = kernels.reduce((s, i) => s + countZeros(weights.values[i]), 0);
      expect(zeros).toBe(Math.round(rate * n));
      expect(sparsity).toBeCloseTo(Math.round(rate * n) / n, 12);
      expect(weightSparsity(weights, specs, false)).toBeCloseTo(sparsity, 12);
      expect(maskSparsity(masks, specs, false)).toBeCloseTo(sparsity, 12);
    });
  }
  it.each(rates)('layer-magnitude at rate %f removes round(P·n) in every kernel', (rate) => {
    const { weights } = pruneWeights(w, rate, 'layer-magnitude', opts);
    for (const i of kernels) expect(countZeros(weights.values[i])).toBe(Math.round(rate * w.values[i].length));
  });
  it('global magnitude removes exactly the smallest |w| and keeps kept values bit-identical', () => {
    const { weights } = pruneWeights(w, 0.5, 'global-magnitude', opts);
    const all = kernels.flatMap((i) => Array.from(w.values[i], Math.abs)).sort((a, b) => a - b);
    const threshold = all[Math.round(0.5 * n) - 1];
    for (const i of kernels) {
      w.values[i].forEach((x, j) => {
        expect(weights.values[i][j]).toBe(Math.abs(x) <= threshold ? 0 : x);
      });
    }
  });
  it('ties are broken so the count stays exact (all-equal magnitudes)', () => {
    const flat = { specs, values: w.values.map((v) => v.map((_, j) => (j % 2 ? 1 : -1))) };
    for (const method of ['global-magnitude', 'layer-magnitude'] as PruneMethod[]) {
      const { weights } = pruneWeights(flat, 0.3, method, opts);
      expect(kernels.reduce((s, i) => s + countZeros(weights.values[i]), 0)).toBe(
        method === 'global-magnitude' ? Math.round(0.3 * n) : kernels.reduce((s, i) => s + Math.round(0.3 * w.values[i].length), 0),
      );
    }
  });
});

describe('global vs per-layer semantics', () => {
  // dense1 (7 entries) is 1000x smaller than the others: global pruning takes it entirely first.
  const w = randomWeights(specs, 2, [0.001, 1, 1, 1, 1, 1]);
  it('global prunes the small layer entirely, per-layer prunes each at the rate', () => {
    const g = pruneWeights(w, 0.1, 'global-magnitude', opts).weights; // round(14) > 7 entries of dense1
    expect(countZeros(g.values[0])).toBe(7);
    expect(countZeros(g.values[2]) + countZeros(g.values[4])).toBe(14 - 7);
    const l = pruneWeights(w, 0.1, 'layer-magnitude', opts).weights;
    expect(countZeros(l.values[0])).toBe(1);
    expect(countZeros(l.values[2])).toBe(3);
    expect(countZeros(l.values[4])).toBe(10);
  });
});

describe('biases and re-pruning', () => {
  const w = randomWeights(specs, 3);
  for (const method of ['global-magnitude', 'layer-magnitude', 'random'] as PruneMethod[]) {
    it(`${method}: biases untouched unless pruneBiases`, () => {
      const off = pruneWeights(w, 0.9, method, opts);
      for (const i of [1, 3, 5]) {
        expect(off.masks[i]).toBeNull();
        expect(off.weights.values[i]).toEqual(w.values[i]);
      }
      const on = pruneWeights(w, 0.9, method, { ...opts, pruneBiases: true });
      const biasZeros = [1, 3, 5].reduce((s, i) => s + countZeros(on.weights.values[i]), 0);
      expect(biasZeros).toBeGreaterThan(0);
      if (method !== 'layer-magnitude') expect(on.sparsity).toBeCloseTo(Math.round(0.9 * 154) / 154, 12);
    });
    it(`${method}: re-pruning a sparse model at a higher rate keeps the old zeros`, () => {
      const low = pruneWeights(w, 0.5, method, opts);
      const high = pruneWeights(low.weights, 0.9, method, { ...opts, seed: 99 });
      low.masks.forEach((m, i) => m?.forEach((k, j) => k === 0 && expect(high.masks[i]?.[j]).toBe(0)));
      expect(high.sparsity).toBeCloseTo(maskSparsity(high.masks, specs, false), 12);
    });
  }
  it('rate 0 prunes nothing and returns a copy', () => {
    const r = pruneWeights(w, 0, 'global-magnitude', opts);
    expect(r.sparsity).toBe(0);
    expect(r.weights.values).toEqual(w.values);
    expect(r.weights.values[0]).not.toBe(w.values[0]);
  });
});

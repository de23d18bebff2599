import { describe, expect, it } from 'vitest';
import type { Weights } from '../../../src/engine/model/params';
import { maskSparsity, weightSparsity } from '../../../src/engine/prune/mask';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { filterNorms } from '../../../src/engine/prune/structured-norm';
import { convSpecs, denseSpecs, randomWeights } from './fixtures';

// conv1 [3,3,2,5], conv2 [3,3,5,4], dense1 [16,6], classifier dense2 [6,3].
const specs = [...convSpecs('conv1', 2, 5), ...convSpecs('conv2', 5, 4), ...denseSpecs('dense1', 16, 6), ...denseSpecs('dense2', 6, 3)];
const opts = { pruneBiases: false, seed: 1 };

/** Filters (last axis) of a kernel whose entries are all 0. */
function zeroFilters(v: Float32Array, filters: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < filters; f++) {
    let all = true;
    for (let j = f; j < v.length; j += filters) if (v[j] !== 0) all = false;
    if (all) out.push(f);
  }
  return out;
}

describe('structured filter pruning', () => {
  const w = randomWeights(specs, 5);
  it.each([0.3, 0.5, 0.9, 0.99])('removes whole filters at rate %f, spares the classifier', (rate) => {
    for (const method of ['structured-l1', 'structured-l2'] as const) {
      const { weights, masks, sparsity } = pruneWeights(w, rate, method, opts);
      let removedWeights = 0;
      for (const k of [0, 2, 4]) {
        const filters = specs[k].shape[specs[k].shape.length - 1];
        const dead = zeroFilters(weights.values[k], filters);
        expect(dead.length).toBe(Math.min(Math.round(rate * filters), filters - 1));
        removedWeights += (dead.length * w.values[k].length) / filters;
        w.values[k].forEach((x, j) => expect(weights.values[k][j]).toBe(dead.includes(j % filters) ? 0 : x));
        // A removed unit loses its bias; kept units keep theirs.
        w.values[k + 1].forEach((b, f) => expect(weights.values[k + 1][f]).toBe(dead.includes(f) ? 0 : b));
        // The dropped filters are those of smallest norm.
        const norms = filterNorms(w.values[k], filters, method === 'structured-l1' ? 'l1' : 'l2');
        const maxDead = Math.max(...dead.map((f) => norms[f]));
        norms.forEach((s, f) => dead.includes(f) || expect(s).toBeGreaterThanOrEqual(maxDead));
      }
      expect(weights.values[6]).toEqual(w.values[6]);
      expect(weights.values[7]).toEqual(w.values[7]);
      const n = [0, 2, 4, 6].reduce((s, k) => s + w.values[k].length, 0);
      expect(sparsity).toBeCloseTo(removedWeights / n, 12);
      expect(weightSparsity(weights, specs, false)).toBeCloseTo(sparsity, 12);
      expect(maskSparsity(masks, specs, false)).toBeCloseTo(sparsity, 12);
    }
  });

  it('ranking by L1 and L2 can differ', () => {
    // dense [4, 2] + classifier: filter 0 = (1, 1, 1, 1): L1 4, L2 2; filter 1 = (3, 0, 0, 0): L1 3, L2 3.
    const s = [...denseSpecs('dense1', 4, 2), ...denseSpecs('dense2', 2, 2)];
    const x: Weights = {
      specs: s,
      values: [Float32Array.of(1, 3, 1, 0, 1, 0, 1, 0), Float32Array.of(0.5, 0.5), Float32Array.of(1, 2, 3, 4), Float32Array.of(1, 1)],
    };
    const l1 = pruneWeights(x, 0.5, 'structured-l1', opts).weights.values[0];
    const l2 = pruneWeights(x, 0.5, 'structured-l2', opts).weights.values[0];
    expect(zeroFilters(l1, 2)).toEqual([1]);
    expect(zeroFilters(l2, 2)).toEqual([0]);
  });

  it('keeps at least one filter per layer at rate 1', () => {
    const { weights } = pruneWeights(w, 1, 'structured-l2', opts);
    expect(zeroFilters(weights.values[0], 5)).toHaveLength(4);
    expect(zeroFilters(weights.values[4], 6)).toHaveLength(5);
  });

  it('pruneBiases only changes what counts as prunable', () => {
    const off = pruneWeights(w, 0.5, 'structured-l1', opts);
    const on = pruneWeights(w, 0.5, 'structured-l1', { ...opts, pruneBiases: true });
    expect(on.weights.values).toEqual(off.weights.values);
    expect(on.masks[7]).not.toBeNull();
    expect(off.masks[7]).toBeNull();
    expect(on.sparsity).not.toBeCloseTo(off.sparsity, 6);
  });
});

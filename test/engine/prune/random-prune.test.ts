import { describe, expect, it } from 'vitest';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { denseSpecs, randomWeights } from './fixtures';

const specs = [...denseSpecs('dense1', 7, 1), ...denseSpecs('dense2', 11, 3), ...denseSpecs('dense3', 10, 10)];
const w = randomWeights(specs, 4);

describe('random pruning', () => {
  it('same seed gives the same mask, a different seed a different one', () => {
    const a = pruneWeights(w, 0.5, 'random', { pruneBiases: false, seed: 11 }).masks;
    const b = pruneWeights(w, 0.5, 'random', { pruneBiases: false, seed: 11 }).masks;
    const c = pruneWeights(w, 0.5, 'random', { pruneBiases: false, seed: 12 }).masks;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
  it('is not magnitude pruning: it removes some large weights', () => {
    const { masks } = pruneWeights(w, 0.5, 'random', { pruneBiases: false, seed: 11 });
    const removedLarge = Array.from(w.values[4]).filter((x, j) => Math.abs(x) > 1 && masks[4]?.[j] === 0);
    expect(removedLarge.length).toBeGreaterThan(0);
  });
  it('for one seed, a higher rate removes a superset', () => {
    const lo = pruneWeights(w, 0.3, 'random', { pruneBiases: false, seed: 3 }).masks;
    const hi = pruneWeights(w, 0.7, 'random', { pruneBiases: false, seed: 3 }).masks;
    lo.forEach((m, i) => m?.forEach((k, j) => k === 0 && expect(hi[i]?.[j]).toBe(0)));
  });
});

import { describe, expect, it } from 'vitest';
import { groupSizes, type Dataset } from '../../../src/engine/data/dataset';
import { applyKeepFractions, keptCount, longTailKeepFractions } from '../../../src/engine/data/imbalance';

function digits(perDigit: number): Dataset {
  const n = perDigit * 10;
  const labels = Int32Array.from({ length: n }, (_, i) => i % 10);
  return {
    name: 'toy digits',
    imageShape: [1, 1, 1],
    images: Uint8Array.from({ length: n }, (_, i) => i % 256),
    labels,
    groups: labels.slice(),
    classNames: Array.from({ length: 10 }, (_, d) => String(d)),
    groupNames: Array.from({ length: 10 }, (_, d) => String(d)),
  };
}

describe('longTailKeepFractions', () => {
  it('gives the digits the fractions longTail^(-rank/9) in a seeded order', () => {
    const keep = longTailKeepFractions(10, 10, 1);
    const sorted = [...keep].sort((x, y) => y - x);
    sorted.forEach((k, rank) => expect(k).toBeCloseTo(Math.pow(10, -rank / 9), 12));
    expect(Math.max(...keep)).toBe(1);
    expect(Math.min(...keep)).toBeCloseTo(0.1, 12);
    // The order is seeded: the same seed repeats it, other seeds move the small digit around.
    expect(longTailKeepFractions(10, 10, 1)).toEqual(keep);
    const smallest = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => longTailKeepFractions(10, 10, s).indexOf(Math.min(...longTailKeepFractions(10, 10, s)))));
    expect(smallest.size).toBeGreaterThan(1);
  });

  it('is balanced at longTail 1', () => {
    expect(longTailKeepFractions(10, 1, 3)).toEqual(new Array(10).fill(1));
  });
});

describe('applyKeepFractions', () => {
  it('keeps round(n_a * keep_a) samples of group a, seeded', () => {
    const d = digits(200);
    const keep = longTailKeepFractions(10, 10, 2);
    const out = applyKeepFractions(d, keep, 2);
    expect(groupSizes(out)).toEqual(keep.map((k) => Math.round(200 * k)));
    expect(applyKeepFractions(d, keep, 2).images).toEqual(out.images);
    expect(applyKeepFractions(d, keep, 3).images).not.toEqual(out.images);
  });

  it('takes explicit fractions, keeps at least one sample, and checks their count', () => {
    const d = digits(50);
    const keep = [1, 0.5, 0.01, 1, 1, 1, 1, 1, 1, 0.2];
    expect(groupSizes(applyKeepFractions(d, keep, 1))).toEqual([50, 25, 1, 50, 50, 50, 50, 50, 50, 10]);
    expect(keptCount(0, 0.5)).toBe(0);
    expect(() => applyKeepFractions(d, [1, 1], 1)).toThrow(/10 keep fractions/);
  });
});

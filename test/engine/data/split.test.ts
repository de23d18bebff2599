import { describe, expect, it } from 'vitest';
import { apportion } from '../../../src/engine/data/apportion';
import { groupSizes, selectSamples, type Dataset } from '../../../src/engine/data/dataset';
import { groupTestCount, stratifiedSplit, stratifiedSplitIndices, stratifiedSubsample } from '../../../src/engine/data/split';

/** A dataset whose only pixel is the sample's index (mod 256), with the given groups and labels. */
function toy(groups: number[], labels: number[], numGroups: number, numClasses: number): Dataset {
  return {
    name: 'toy',
    imageShape: [1, 1, 1],
    images: Uint8Array.from(groups, (_, i) => i % 256),
    labels: Int32Array.from(labels),
    groups: Int32Array.from(groups),
    classNames: Array.from({ length: numClasses }, (_, c) => `c${c}`),
    groupNames: Array.from({ length: numGroups }, (_, a) => `g${a}`),
  };
}

function toyOfSizes(perGroup: number[], numClasses: number): Dataset {
  const groups: number[] = [];
  const labels: number[] = [];
  perGroup.forEach((n, a) => {
    for (let k = 0; k < n; k++) {
      groups.push(a);
      labels.push(k % numClasses);
    }
  });
  return toy(groups, labels, perGroup.length, numClasses);
}

describe('apportion', () => {
  it('splits a total exactly in proportion, remainders to the largest fractions', () => {
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([2, 0.5, 1], 3000)).toEqual([1714, 429, 857]);
    expect(apportion([0, 1], 5)).toEqual([0, 5]);
    expect(() => apportion([0, 0], 5)).toThrow();
  });
});

describe('stratifiedSplit', () => {
  const d = toyOfSizes([400, 120, 37, 2, 1], 3);

  it('holds out round(n_a * testFraction) of every group, disjoint and complete', () => {
    const { train, test } = stratifiedSplitIndices(d, 0.25, 1);
    expect(groupSizes(selectSamples(d, test))).toEqual([100, 30, 9, 1, 0]);
    expect(groupSizes(selectSamples(d, train))).toEqual([300, 90, 28, 1, 1]);
    const all = [...train, ...test].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: d.labels.length }, (_, i) => i));
  });

  it('also stratifies by class within a group', () => {
    const { test } = stratifiedSplit(d, 0.3, 2);
    const counts = [0, 0, 0];
    for (let i = 0; i < test.labels.length; i++) if (test.groups[i] === 0) counts[test.labels[i]]++;
    expect(counts.reduce((s, n) => s + n, 0)).toBe(120);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('is seeded: same seed same split, another seed another', () => {
    const a = stratifiedSplitIndices(d, 0.25, 7);
    expect(stratifiedSplitIndices(d, 0.25, 7)).toEqual(a);
    expect(stratifiedSplitIndices(d, 0.25, 8).test).not.toEqual(a.test);
  });

  it('keeps one test and one train sample of any group with two or more', () => {
    expect(groupTestCount(1, 0.5)).toBe(0);
    expect(groupTestCount(2, 0.1)).toBe(1);
    expect(groupTestCount(3, 0.5)).toBe(2);
    expect(groupTestCount(4, 0.5)).toBe(2);
    expect(groupTestCount(10, 0.49)).toBe(5);
  });
});

describe('stratifiedSubsample', () => {
  it('keeps each group\'s share and is seeded', () => {
    const d = toyOfSizes([600, 300, 100], 2);
    const s = stratifiedSubsample(d, 500, 3);
    expect(groupSizes(s)).toEqual([300, 150, 50]);
    expect(stratifiedSubsample(d, 500, 3).images).toEqual(s.images);
    expect(stratifiedSubsample(d, 500, 4).images).not.toEqual(s.images);
    expect(stratifiedSubsample(d, 5000, 3)).toBe(d);
  });
});

import { describe, expect, it } from 'vitest';
import type { AssetLoader } from '../../../src/engine/data/asset-loader';
import { buildDataset } from '../../../src/engine/data/build-dataset';
import { groupSizes } from '../../../src/engine/data/dataset';
import { MNIST_ASSET } from '../../../src/engine/data/mnist';
import { configSchema, type ConfigInput } from '../../../src/engine/contract/config';
import { fakeMnistAsset } from './mnist-fixture';

const PER_DIGIT = [300, 340, 290, 310, 280, 260, 300, 320, 280, 290];
const fakeAsset = fakeMnistAsset(PER_DIGIT);
const fakeLoader: AssetLoader = async (name) => {
  if (name !== MNIST_ASSET) throw new Error(`unexpected asset ${name}`);
  return fakeAsset.slice(0);
};
const noAssets: AssetLoader = async (name) => {
  throw new Error(`no assets for synthetic data (asked for ${name})`);
};

const config = (c: ConfigInput) => configSchema.parse(c);

describe('buildDataset: synthetic', () => {
  const c = config({ data: { kind: 'synthetic', samples: 800 }, testFraction: 0.25 });

  it('is identical, byte for byte, for the same config and seed, and differs for another seed', async () => {
    const a = await buildDataset(c, 11, noAssets);
    const b = await buildDataset(c, 11, noAssets);
    for (const part of ['train', 'test'] as const) {
      expect(b.split[part].images).toEqual(a.split[part].images);
      expect(b.split[part].labels).toEqual(a.split[part].labels);
      expect(b.split[part].groups).toEqual(a.split[part].groups);
    }
    const other = await buildDataset(c, 12, noAssets);
    expect(other.split.train.images).not.toEqual(a.split.train.images);
  });

  it('reports group sizes of both splits that add up to the generated groups', async () => {
    const { split, trainSizes, testSizes, name } = await buildDataset(c, 1, noAssets);
    expect(trainSizes).toEqual(groupSizes(split.train));
    expect(testSizes).toEqual(groupSizes(split.test));
    // Default shares [1, 1, 0.15] of 800: 372, 372, 56.
    expect(trainSizes.map((n, a) => n + testSizes[a])).toEqual([372, 372, 56]);
    testSizes.forEach((n, a) => expect(n).toBe(Math.round([372, 372, 56][a] * 0.25)));
    expect(name).toBe('synthetic (3 groups)');
  });
});

describe('buildDataset: MNIST', () => {
  it('long tail with a balanced test split: train imbalanced 10:1, test proportional', async () => {
    const c = config({ data: { kind: 'mnist', longTail: 10, balancedTest: true }, testFraction: 0.2 });
    const { trainSizes, testSizes, name } = await buildDataset(c, 3, fakeLoader);
    expect(testSizes).toEqual(PER_DIGIT.map((n) => Math.round(n * 0.2)));
    const full = PER_DIGIT.map((n, a) => n - testSizes[a]);
    const ratios = trainSizes.map((n, a) => n / full[a]);
    expect(Math.max(...ratios)).toBe(1);
    expect(Math.min(...ratios)).toBeCloseTo(0.1, 2);
    expect(name).toMatch(/MNIST.*long tail 10.*balanced test/);
  });

  it('without balancedTest both splits carry the imbalance', async () => {
    const c = config({ data: { kind: 'mnist', longTail: 10, balancedTest: false }, testFraction: 0.2 });
    const { trainSizes, testSizes } = await buildDataset(c, 3, fakeLoader);
    const small = trainSizes.indexOf(Math.min(...trainSizes));
    expect(testSizes[small]).toBeLessThan(0.2 * PER_DIGIT[small] * 0.2);
    expect(Math.max(...testSizes) / Math.min(...testSizes)).toBeGreaterThan(5);
  });

  it('keepFractions override the long tail; samples subsample first', async () => {
    const keep = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5];
    const c = config({ data: { kind: 'mnist', samples: 1000, keepFractions: keep, balancedTest: false }, testFraction: 0.25 });
    const { trainSizes, testSizes } = await buildDataset(c, 5, fakeLoader);
    const totals = trainSizes.map((n, a) => n + testSizes[a]);
    // 1000 of 2970 digits, shared out by digit, then digit 9 halved.
    const sub = PER_DIGIT.map((n) => (n * 1000) / 2970);
    totals.forEach((t, a) => expect(Math.abs(t - sub[a] * keep[a])).toBeLessThanOrEqual(1));
  });

  it('is identical for the same seed', async () => {
    const c = config({ data: { kind: 'mnist', samples: 1500 } });
    const a = await buildDataset(c, 9, fakeLoader);
    const b = await buildDataset(c, 9, fakeLoader);
    expect(b.split.train.images).toEqual(a.split.train.images);
    expect(b.split.test.labels).toEqual(a.split.test.labels);
    expect((await buildDataset(c, 10, fakeLoader)).split.train.labels).not.toEqual(a.split.train.labels);
  });
});

import { describe, expect, it } from 'vitest';
import { groupIndices, groupSizes } from '../../../src/engine/data/dataset';
import { stratifiedSplit } from '../../../src/engine/data/split';
import { generateSynthetic, syntheticGroupSizes } from '../../../src/engine/data/synthetic';
import { syntheticDataSchema, type SyntheticDataConfig } from '../../../src/engine/contract/config';
import { nearestClassMeanAccuracy } from './ncm';

const cfg = (over: Partial<SyntheticDataConfig> = {}): SyntheticDataConfig => syntheticDataSchema.parse({ kind: 'synthetic', ...over });

describe('generateSynthetic', () => {
  it('is deterministic: same seed same bytes, another seed other bytes', () => {
    const c = cfg({ samples: 600 });
    const a = generateSynthetic(c, 5);
    const b = generateSynthetic(c, 5);
    expect(b.images).toEqual(a.images);
    expect(b.labels).toEqual(a.labels);
    expect(b.groups).toEqual(a.groups);
    const other = generateSynthetic(c, 6);
    expect(Buffer.from(other.images).equals(Buffer.from(a.images))).toBe(false);
  });

  it('has the configured shape, names and pixel range', () => {
    const d = generateSynthetic(cfg({ numClasses: 5, numGroups: 4, samples: 400, imageSize: 12 }), 1);
    expect(d.imageShape).toEqual([12, 12, 1]);
    expect(d.images.length).toBe(400 * 144);
    expect(d.classNames).toEqual(['class 0', 'class 1', 'class 2', 'class 3', 'class 4']);
    expect(d.groupNames).toEqual(['group A', 'group B', 'group C', 'group D']);
    expect(d.images).toBeInstanceOf(Uint8Array);
    // Images are not blank and not saturated.
    let sum = 0;
    for (const v of d.images) sum += v;
    const mean = sum / d.images.length;
    expect(mean).toBeGreaterThan(10);
    expect(mean).toBeLessThan(160);
  });

  it('respects group shares (normalised; missing entries 1, extra entries ignored)', () => {
    const d = generateSynthetic(cfg({ numGroups: 3, samples: 3000, groupShares: [2, 0.5], groupDifficulty: [] }), 3);
    // Shares [2, 0.5, 1 (default)] of 3000.
    expect(groupSizes(d)).toEqual([1714, 429, 857]);
    const extra = generateSynthetic(cfg({ numGroups: 2, samples: 1000, groupShares: [1, 3, 50] }), 3);
    expect(groupSizes(extra)).toEqual([250, 750]);
    const sizes = groupSizes(generateSynthetic(cfg({ numGroups: 4, samples: 2000, groupShares: [1, 1, 0.3, 0.1] }), 9));
    const expected = [1, 1, 0.3, 0.1].map((s) => (2000 * s) / 2.4);
    sizes.forEach((n, a) => expect(Math.abs(n - expected[a])).toBeLessThanOrEqual(1));
  });

  it('gives a tiny share still two samples per class', () => {
    const sizes = syntheticGroupSizes(cfg({ numClasses: 4, numGroups: 3, samples: 200, groupShares: [100, 100, 0.01] }));
    expect(sizes[2]).toBe(8);
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(200);
  });

  it('balances classes within each group', () => {
    const d = generateSynthetic(cfg({ numClasses: 4, numGroups: 3, samples: 1003 }), 2);
    for (let a = 0; a < 3; a++) {
      const counts = [0, 0, 0, 0];
      for (const i of groupIndices(d, a)) counts[d.labels[i]]++;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps a group unchanged when only another group\'s difficulty changes', () => {
    const a = generateSynthetic(cfg({ samples: 600, groupDifficulty: [0.2, 0.2, 0.3] }), 4);
    const b = generateSynthetic(cfg({ samples: 600, groupDifficulty: [0.2, 0.2, 0.9] }), 4);
    const ppi = 256;
    const pixelsOf = (d: typeof a, g: number) => Array.from(groupIndices(d, g)).flatMap((i) => Array.from(d.images.subarray(i * ppi, (i + 1) * ppi)));
    expect(pixelsOf(b, 0)).toEqual(pixelsOf(a, 0));
    expect(pixelsOf(b, 2)).not.toEqual(pixelsOf(a, 2));
  });

  it('makes a high-difficulty group harder for a nearest-class-mean classifier', () => {
    for (const seed of [1, 2]) {
      const d = generateSynthetic(cfg({ numGroups: 3, groupShares: [1, 1, 1], groupDifficulty: [0.1, 0.5, 0.9], samples: 1500 }), seed);
      const { train, test } = stratifiedSplit(d, 0.3, seed);
      const [easy, mid, hard] = nearestClassMeanAccuracy(train, test);
      expect(easy).toBeGreaterThan(0.9);
      expect(hard).toBeLessThan(easy - 0.2);
      expect(hard).toBeLessThan(mid);
      expect(hard).toBeGreaterThan(0.25 + 0.05); // harder, yet better than chance (4 classes)
    }
  });

  it('generates 3000 16x16 images quickly', () => {
    const c = cfg();
    generateSynthetic(c, 1); // warm up the JIT
    const t0 = performance.now();
    generateSynthetic(c, 2);
    const ms = performance.now() - t0;
    // The target is < 200 ms; the bound is loose because CI machines are shared.
    expect(ms).toBeLessThan(1000);
  });
});

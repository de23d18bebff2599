import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/engine/contract/config';
import { classTotals, groupTotals } from '../../../src/engine/contract/data-summary';
import { buildDataset } from '../../../src/engine/data/build-dataset';
import { summarizeData, summarizeSplit } from '../../../src/engine/data/data-summary';
import type { Dataset } from '../../../src/engine/data/dataset';

const noAssets = async (name: string) => Promise.reject(new Error(`no asset ${name}`));

describe('data summary', () => {
  it('counts the run\'s own split per group and class and shows up to 8 training images per group', async () => {
    const config = configSchema.parse({ data: { kind: 'synthetic', numClasses: 3, numGroups: 3, groupShares: [1, 1, 0.2], samples: 400, imageSize: 8 }, seed: 5 });
    const s = await summarizeData(config, noAssets);
    const built = await buildDataset(config, 5, noAssets);
    expect(groupTotals(s.train)).toEqual(built.trainSizes);
    expect(groupTotals(s.test)).toEqual(built.testSizes);
    expect(classTotals(s.train).reduce((a, b) => a + b, 0)).toBe(built.split.train.labels.length);
    expect(s.samples.map((row) => row.length)).toEqual([8, 8, 8]);
    // Synthetic images are floats in [0, 1]: the summary carries them as bytes 0..255.
    const first = s.samples[2][0];
    expect(first.pixels).toBeInstanceOf(Uint8Array);
    expect(first.pixels).toHaveLength(64);
    expect(Math.max(...first.pixels)).toBeGreaterThan(100);
    expect(s.samples[2].every((img) => img.label >= 0 && img.label < 3)).toBe(true);
  });

  it('takes test images for a group with no training sample', () => {
    const d = (groups: number[]): Dataset => ({
      name: 'x', imageShape: [1, 1, 1], images: Uint8Array.from(groups, (_, i) => 10 * i), labels: new Int32Array(groups.length), groups: Int32Array.from(groups), classNames: ['c'], groupNames: ['a', 'b'],
    });
    const s = summarizeSplit({ train: d([0, 0]), test: d([0, 1]) }, 'x', 1);
    expect(s.train).toEqual([[2], [0]]);
    expect(s.samples[1].map((img) => img.pixels[0])).toEqual([10]);
  });
});

// The data panel's numbers for a config, before any training: the split the run will train on (same config, same
// seed, same samples), counted per group and class, with a few sample images per group. Works on any
// Dataset/DatasetSplit, so every data source gets a panel for free.

import type { Config } from '../contract/config';
import type { DataProgress } from '../contract/data-progress';
import type { DataSummary, SampleImage } from '../contract/data-summary';
import type { AssetLoader } from './asset-loader';
import type { ImageCollectionLoader } from './images-dataset';
import { buildDataset } from './build-dataset';
import { pixelsPerImage, type Dataset, type DatasetSplit } from './dataset';

/** Images shown per group: a row of the grid. */
export const SAMPLES_PER_GROUP = 8;

/** counts[a][c] of one split. */
export function countGroupClass(d: Dataset): number[][] {
  const counts = d.groupNames.map(() => new Array<number>(d.classNames.length).fill(0));
  for (let i = 0; i < d.labels.length; i++) counts[d.groups[i]][d.labels[i]]++;
  return counts;
}

/** Sample i of d as 0..255 pixels (a copy, cheap to post). */
export function imageAt(d: Dataset, i: number): SampleImage {
  if (!Number.isInteger(i) || i < 0 || i >= d.labels.length) throw new RangeError(`no sample ${i} in a split of ${d.labels.length}`);
  const ppi = pixelsPerImage(d);
  const src = d.images.subarray(i * ppi, (i + 1) * ppi);
  const pixels = src instanceof Uint8Array ? src.slice() : Uint8Array.from(src, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  return { label: d.labels[i], pixels };
}

/** The first `k` samples of group a in d (the splits are already in a seeded shuffled order), as 0..255 pixels. */
function groupSamples(d: Dataset, a: number, k: number): SampleImage[] {
  const out: SampleImage[] = [];
  for (let i = 0; i < d.groups.length && out.length < k; i++) if (d.groups[i] === a) out.push(imageAt(d, i));
  return out;
}

/** Pure: counts and samples of a split. */
export function summarizeSplit(split: DatasetSplit, name: string, seed: number, perGroup = SAMPLES_PER_GROUP): DataSummary {
  const { train, test } = split;
  return {
    name,
    imageShape: [...train.imageShape],
    classNames: train.classNames.slice(),
    groupNames: train.groupNames.slice(),
    train: countGroupClass(train),
    test: countGroupClass(test),
    samples: train.groupNames.map((_, a) => {
      const fromTrain = groupSamples(train, a, perGroup);
      return fromTrain.length > 0 ? fromTrain : groupSamples(test, a, perGroup);
    }),
    seed,
  };
}

/** A config's summary: builds its data set exactly as the run does (the config's first seed) and summarises it. */
export async function summarizeData(config: Config, loadAsset: AssetLoader, onProgress?: (p: DataProgress) => void, loadImages?: ImageCollectionLoader): Promise<DataSummary> {
  const built = await buildDataset(config, config.seed, loadAsset, onProgress, loadImages);
  return summarizeSplit(built.split, built.name, config.seed);
}

/**
 * Test images by their row in the test split (the PIE gallery: Results hold indices, not pixels). Every seed of a
 * run shares one test split, drawn from config.seed, so rebuilding the data from the Results' config gives the same
 * rows; `split` skips the rebuild when the caller still holds the run's data.
 */
export async function testImages(config: Config, indices: number[], loadAsset: AssetLoader, split?: DatasetSplit, loadImages?: ImageCollectionLoader): Promise<{ imageShape: [number, number, number]; images: SampleImage[] }> {
  const test = split?.test ?? (await buildDataset(config, config.seed, loadAsset, undefined, loadImages)).split.test;
  return { imageShape: [...test.imageShape], images: indices.map((i) => imageAt(test, i)) };
}

// The single entry point the runner calls: a Config's data section and a seed in, a train/test split out.
// Same config + seed -> the same split, byte for byte.

import type { ClassGroupDataConfig, Config, ImagesDataConfig } from '../contract/config';
import type { DataProgress } from '../contract/data-progress';
import type { AssetLoader } from './asset-loader';
import { groupSizes, type Dataset, type DatasetSplit } from './dataset';
import { loadFashionMnist } from './fashion-mnist';
import { applyKeepFractions, longTailKeepFractions } from './imbalance';
import { collectionDataset, UserDataMissingError, type ImageCollectionLoader } from './images-dataset';
import { MNIST_ASSET, parseMnistAsset } from './mnist';
import { stratifiedSplit, stratifiedSubsample } from './split';
import { generateSynthetic } from './synthetic';

export interface BuiltDataset {
  split: DatasetSplit;
  /** Samples of each group a in the train split, |D_a|. */
  trainSizes: number[];
  testSizes: number[];
  name: string;
}

type ImbalancedDataConfig = ClassGroupDataConfig | ImagesDataConfig;

/** Keep fraction of each group: the explicit keepFractions (1 for groups past its end), else the seeded long tail. */
export function keepFractionsOf(cfg: ImbalancedDataConfig, numGroups: number, seed: number): number[] {
  const given = cfg.keepFractions;
  return given ? Array.from({ length: numGroups }, (_, a) => given[a] ?? 1) : longTailKeepFractions(numGroups, cfg.longTail, seed);
}

function classGroupName(source: string, cfg: ImbalancedDataConfig): string {
  const tail = cfg.keepFractions ? 'custom keep fractions' : cfg.longTail === 1 ? 'balanced' : `long tail ${cfg.longTail}`;
  return `${source} (${tail}${cfg.balancedTest && (cfg.keepFractions || cfg.longTail !== 1) ? ', balanced test' : ''})`;
}

/**
 * MNIST, Fashion-MNIST and user data alike: a stratified subsample of `samples`, then the long tail over the groups
 * (train only, or all).
 */
function buildClassGroups(source: Dataset, cfg: ImbalancedDataConfig, testFraction: number, seed: number): { split: DatasetSplit; name: string } {
  const all = stratifiedSubsample(source, Math.min(cfg.samples, source.labels.length), seed);
  const keep = keepFractionsOf(cfg, source.groupNames.length, seed);
  const name = classGroupName(source.name, cfg);
  if (cfg.balancedTest) {
    const { train, test } = stratifiedSplit(all, testFraction, seed);
    return { split: { train: applyKeepFractions(train, keep, seed), test }, name };
  }
  return { split: stratifiedSplit(applyKeepFractions(all, keep, seed), testFraction, seed), name };
}

export async function buildDataset(
  config: Config,
  seed: number,
  loadAsset: AssetLoader,
  onProgress?: (p: DataProgress) => void,
  loadImages?: ImageCollectionLoader,
): Promise<BuiltDataset> {
  const data = config.data;
  let built: { split: DatasetSplit; name: string };
  if (data.kind === 'synthetic') {
    const d = generateSynthetic(data, seed);
    built = { split: stratifiedSplit(d, config.testFraction, seed), name: d.name };
  } else if (data.kind === 'mnist') {
    built = buildClassGroups(parseMnistAsset(await loadAsset(MNIST_ASSET)), data, config.testFraction, seed);
  } else if (data.kind === 'fashion-mnist') {
    built = buildClassGroups(await loadFashionMnist(data.samples, loadAsset, onProgress), data, config.testFraction, seed);
  } else {
    if (!loadImages) throw new UserDataMissingError(data, 'give the files (the CLI: --data-dir DIR; the page: drop them on the data panel)');
    const collection = await loadImages(data);
    built = buildClassGroups(collectionDataset(collection, data), data, config.testFraction, seed);
  }
  const { split, name } = built;
  split.train.name = `${name} train`;
  split.test.name = `${name} test`;
  return { split, trainSizes: groupSizes(split.train), testSizes: groupSizes(split.test), name };
}

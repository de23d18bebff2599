// The single entry point the runner calls: a Config's data section and a seed in, a train/test split out.
// Same config + seed -> the same split, byte for byte.

import type { ClassGroupDataConfig, Config } from '../contract/config';
import type { DataProgress } from '../contract/data-progress';
import type { AssetLoader } from './asset-loader';
import { groupSizes, type Dataset, type DatasetSplit } from './dataset';
import { loadFashionMnist } from './fashion-mnist';
import { applyKeepFractions, longTailKeepFractions } from './imbalance';
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

/** Keep fraction of each class-group: the explicit keepFractions, else the seeded long tail. */
export function mnistKeepFractions(cfg: ClassGroupDataConfig, seed: number): number[] {
  return cfg.keepFractions ? cfg.keepFractions.slice() : longTailKeepFractions(10, cfg.longTail, seed);
}

function classGroupName(source: string, cfg: ClassGroupDataConfig): string {
  const tail = cfg.keepFractions ? 'custom keep fractions' : cfg.longTail === 1 ? 'balanced' : `long tail ${cfg.longTail}`;
  return `${source} (${tail}${cfg.balancedTest && (cfg.keepFractions || cfg.longTail !== 1) ? ', balanced test' : ''})`;
}

/** MNIST and Fashion-MNIST alike: a stratified subsample of `samples`, then the long tail (train only, or all). */
function buildClassGroups(source: Dataset, cfg: ClassGroupDataConfig, testFraction: number, seed: number): { split: DatasetSplit; name: string } {
  const all = stratifiedSubsample(source, cfg.samples, seed);
  const keep = mnistKeepFractions(cfg, seed);
  const name = classGroupName(source.name, cfg);
  if (cfg.balancedTest) {
    const { train, test } = stratifiedSplit(all, testFraction, seed);
    return { split: { train: applyKeepFractions(train, keep, seed), test }, name };
  }
  return { split: stratifiedSplit(applyKeepFractions(all, keep, seed), testFraction, seed), name };
}

export async function buildDataset(config: Config, seed: number, loadAsset: AssetLoader, onProgress?: (p: DataProgress) => void): Promise<BuiltDataset> {
  const data = config.data;
  let built: { split: DatasetSplit; name: string };
  if (data.kind === 'synthetic') {
    const d = generateSynthetic(data, seed);
    built = { split: stratifiedSplit(d, config.testFraction, seed), name: d.name };
  } else if (data.kind === 'mnist') {
    built = buildClassGroups(parseMnistAsset(await loadAsset(MNIST_ASSET)), data, config.testFraction, seed);
  } else {
    built = buildClassGroups(await loadFashionMnist(data.samples, loadAsset, onProgress), data, config.testFraction, seed);
  }
  const { split, name } = built;
  split.train.name = `${name} train`;
  split.test.name = `${name} test`;
  return { split, trainSizes: groupSizes(split.train), testSizes: groupSizes(split.test), name };
}

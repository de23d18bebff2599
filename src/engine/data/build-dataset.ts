// The single entry point the runner calls: a Config's data section and a seed in, a train/test split out.
// Same config + seed -> the same split, byte for byte.

import type { Config, MnistDataConfig } from '../contract/config';
import type { AssetLoader } from './asset-loader';
import { groupSizes, type DatasetSplit } from './dataset';
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

/** Keep fraction of each digit: the explicit keepFractions, else the seeded long tail. */
export function mnistKeepFractions(cfg: MnistDataConfig, seed: number): number[] {
  return cfg.keepFractions ? cfg.keepFractions.slice() : longTailKeepFractions(10, cfg.longTail, seed);
}

function mnistName(cfg: MnistDataConfig): string {
  const tail = cfg.keepFractions ? 'custom keep fractions' : cfg.longTail === 1 ? 'balanced' : `long tail ${cfg.longTail}`;
  return `MNIST (${tail}${cfg.balancedTest && (cfg.keepFractions || cfg.longTail !== 1) ? ', balanced test' : ''})`;
}

async function buildMnist(cfg: MnistDataConfig, testFraction: number, seed: number, loadAsset: AssetLoader): Promise<{ split: DatasetSplit; name: string }> {
  const all = stratifiedSubsample(parseMnistAsset(await loadAsset(MNIST_ASSET)), cfg.samples, seed);
  const keep = mnistKeepFractions(cfg, seed);
  if (cfg.balancedTest) {
    const { train, test } = stratifiedSplit(all, testFraction, seed);
    return { split: { train: applyKeepFractions(train, keep, seed), test }, name: mnistName(cfg) };
  }
  return { split: stratifiedSplit(applyKeepFractions(all, keep, seed), testFraction, seed), name: mnistName(cfg) };
}

export async function buildDataset(config: Config, seed: number, loadAsset: AssetLoader): Promise<BuiltDataset> {
  const data = config.data;
  let built: { split: DatasetSplit; name: string };
  if (data.kind === 'synthetic') {
    const d = generateSynthetic(data, seed);
    built = { split: stratifiedSplit(d, config.testFraction, seed), name: d.name };
  } else {
    built = await buildMnist(data, config.testFraction, seed, loadAsset);
  }
  const { split, name } = built;
  split.train.name = `${name} train`;
  split.test.name = `${name} test`;
  return { split, trainSizes: groupSizes(split.train), testSizes: groupSizes(split.test), name };
}

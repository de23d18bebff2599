import type { ConfigInput } from '../../src/engine/contract/config';

/** A whole experiment small enough to run in a few seconds on 2 cores. */
export const tinyConfig: ConfigInput = {
  data: { kind: 'synthetic', numClasses: 3, numGroups: 3, groupShares: [1, 1, 0.3], groupDifficulty: [0.1, 0.1, 0.5], samples: 300, imageSize: 8 },
  model: { convFilters: [2, 4], dense: [8, 8] },
  train: { epochs: 2, batchSize: 32, learningRate: 0.01 },
  prune: { rates: [0.5, 0.9], fineTuneEpochs: 1 },
  hessian: { when: 'dense', maxSamplesPerGroup: 16, maxIterations: 5 },
};

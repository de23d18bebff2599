import type * as tf from '@tensorflow/tfjs';
import type { EpochRecord } from '../contract/results';
import type { Dataset } from '../data/dataset';
import type { ModelSpec } from '../model/spec';
import { evaluateSamples, groupMeans } from './evaluate';

/** Overall and per-group loss and accuracy of the model after an epoch, on the data it trains on. */
export async function epochRecord(spec: ModelSpec, params: tf.Tensor[], data: Dataset, epoch: number): Promise<EpochRecord> {
  const s = await evaluateSamples(spec, params, data);
  const numGroups = data.groupNames.length;
  const loss = groupMeans(s.loss, data.groups, numGroups);
  const acc = groupMeans(s.correct, data.groups, numGroups);
  return {
    epoch,
    loss: loss.overall,
    accuracy: acc.overall,
    groups: loss.perGroup.map((l, a) => ({ loss: l, accuracy: acc.perGroup[a] })),
  };
}

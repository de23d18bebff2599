// A nearest-class-mean classifier (no tfjs): a cheap, model-free probe of how hard each group is.

import type { Dataset } from '../../../src/engine/data/dataset';

/** Accuracy on each group a of test, classifying by the nearest class mean of train (means over all groups). */
export function nearestClassMeanAccuracy(train: Dataset, test: Dataset): number[] {
  const ppi = train.imageShape[0] * train.imageShape[1] * train.imageShape[2];
  const C = train.classNames.length;
  const means = Array.from({ length: C }, () => new Float64Array(ppi));
  const counts = new Array<number>(C).fill(0);
  for (let i = 0; i < train.labels.length; i++) {
    const m = means[train.labels[i]];
    counts[train.labels[i]]++;
    for (let p = 0; p < ppi; p++) m[p] += train.images[i * ppi + p];
  }
  means.forEach((m, c) => m.forEach((v, p) => (m[p] = v / Math.max(1, counts[c]))));
  const G = test.groupNames.length;
  const correct = new Array<number>(G).fill(0);
  const total = new Array<number>(G).fill(0);
  for (let i = 0; i < test.labels.length; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < C; c++) {
      let d2 = 0;
      for (let p = 0; p < ppi; p++) {
        const t = test.images[i * ppi + p] - means[c][p];
        d2 += t * t;
      }
      if (d2 < bestD) {
        bestD = d2;
        best = c;
      }
    }
    total[test.groups[i]]++;
    if (best === test.labels[i]) correct[test.groups[i]]++;
  }
  return correct.map((k, a) => k / Math.max(1, total[a]));
}

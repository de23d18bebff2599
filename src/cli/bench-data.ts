import type { Dataset } from '../engine/data/dataset';
import type { Rng } from '../engine/random';

/** n random 28x28x1 images with 10 classes and numGroups groups (drawn in that order from rng): MNIST's shape. */
export function randomDigitData(n: number, numGroups: number, rng: Rng, name: string): Dataset {
  return {
    name,
    imageShape: [28, 28, 1],
    images: Float32Array.from({ length: n * 784 }, () => rng.next()),
    labels: Int32Array.from({ length: n }, () => rng.int(10)),
    groups: Int32Array.from({ length: n }, () => rng.int(numGroups)),
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    groupNames: Array.from({ length: numGroups }, (_, i) => String(i)),
  };
}

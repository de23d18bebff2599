// The shipped MNIST digits: a binary asset built once by scripts/build-mnist.mjs (layout: labelled-images.ts).
// As in the paper's MNIST experiments, the group attribute of a digit is its class.

import type { Dataset } from './dataset';
import { LABELLED_HEADER_BYTES, parseLabelledImages } from './labelled-images';

export const MNIST_ASSET = 'mnist-10k.bin';
export const MNIST_MAGIC = 'MNST';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = LABELLED_HEADER_BYTES;

const DIGIT_NAMES = Array.from({ length: 10 }, (_, d) => String(d));

export function parseMnistAsset(buf: ArrayBuffer): Dataset {
  const { rows, cols, images, labels } = parseLabelledImages(buf, {
    asset: MNIST_ASSET,
    magic: MNIST_MAGIC,
    version: MNIST_VERSION,
    numClasses: 10,
    fix: 'rebuild it with `node scripts/build-mnist.mjs --force`',
  });
  return {
    name: 'MNIST',
    imageShape: [rows, cols, 1],
    images,
    labels,
    groups: labels.slice(),
    classNames: DIGIT_NAMES.slice(),
    groupNames: DIGIT_NAMES.slice(),
  };
}

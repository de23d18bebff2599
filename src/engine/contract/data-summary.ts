// What the data panel shows before training, for any data source: counts per group and class in each split, and a
// few sample images per group. Plain data (the worker posts it), built by engine/data/data-summary.ts.

export interface SampleImage {
  /** Class label (index into classNames). */
  label: number;
  /** imageShape's height*width*channels pixels, 0..255, row-major (HWC). */
  pixels: Uint8Array;
}

export interface DataSummary {
  /** The data set's name, e.g. "Fashion-MNIST (long tail 10, balanced test)". */
  name: string;
  /** [height, width, channels]. */
  imageShape: [number, number, number];
  classNames: string[];
  groupNames: string[];
  /** Samples of group a and class c: train[a][c], test[a][c]. */
  train: number[][];
  test: number[][];
  /** Up to a few training images of each group a (test images where a group has no training sample): samples[a]. */
  samples: SampleImage[][];
  /** The seed the split was drawn with (the config's first seed). */
  seed: number;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Samples of each group in one split's counts table. */
export const groupTotals = (counts: number[][]): number[] => counts.map(sum);

/** Samples of each class in one split's counts table. */
export const classTotals = (counts: number[][]): number[] => (counts[0] ?? []).map((_, c) => sum(counts.map((row) => row[c] ?? 0)));

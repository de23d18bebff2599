// The one shape every data source produces: images NHWC with a class label and a group per sample.

export interface Dataset {
  /** Short human name, e.g. "synthetic (3 groups)" or "MNIST". */
  name: string;
  /** [height, width, channels] of one image. */
  imageShape: [number, number, number];
  /** NHWC pixels. Float32Array holds values in [0, 1]; Uint8Array holds 0..255 and is scaled by 1/255 on use. */
  images: Float32Array | Uint8Array;
  /** Class label per sample, in [0, classNames.length). */
  labels: Int32Array;
  /** Group attribute a per sample, in [0, groupNames.length). */
  groups: Int32Array;
  classNames: string[];
  groupNames: string[];
}

export interface DatasetSplit {
  train: Dataset;
  test: Dataset;
}

export function pixelsPerImage(d: Dataset): number {
  return d.imageShape[0] * d.imageShape[1] * d.imageShape[2];
}

/** Number of samples of each group. */
export function groupSizes(d: Dataset): number[] {
  const sizes = new Array<number>(d.groupNames.length).fill(0);
  for (const g of d.groups) sizes[g]++;
  return sizes;
}

/** A new Dataset holding only the given sample indices (in that order). */
export function selectSamples(d: Dataset, indices: ArrayLike<number>): Dataset {
  const ppi = pixelsPerImage(d);
  const images = d.images instanceof Uint8Array ? new Uint8Array(indices.length * ppi) : new Float32Array(indices.length * ppi);
  const labels = new Int32Array(indices.length);
  const groups = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    images.set(d.images.subarray(i * ppi, (i + 1) * ppi), k * ppi);
    labels[k] = d.labels[i];
    groups[k] = d.groups[i];
  }
  return { ...d, images, labels, groups };
}

/** Pixels of the samples at `indices`, in that order, as floats in [0, 1], ready for a tensor. */
export function imageBatch(d: Dataset, indices: ArrayLike<number>): Float32Array {
  const ppi = pixelsPerImage(d);
  const out = new Float32Array(indices.length * ppi);
  const scale = d.images instanceof Uint8Array ? 1 / 255 : 1;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const src = d.images.subarray(i * ppi, (i + 1) * ppi);
    if (scale === 1) out.set(src, k * ppi);
    else for (let j = 0; j < ppi; j++) out[k * ppi + j] = src[j] * scale;
  }
  return out;
}

/** Indices of the samples of group a. */
export function groupIndices(d: Dataset, a: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < d.groups.length; i++) if (d.groups[i] === a) out.push(i);
  return Int32Array.from(out);
}

import * as tf from '@tensorflow/tfjs';
import { imageBatch, type Dataset } from './dataset';

/** Samples gathered for one batch as plain arrays: NHWC pixels in [0, 1], their class labels, n samples. */
export interface BatchArrays {
  x: Float32Array;
  labels: Int32Array;
  n: number;
}

/** A batch as the model and the loss take it: images [n, h, w, c] and int32 labels [n]. */
export interface BatchTensors {
  x: tf.Tensor4D;
  labels: tf.Tensor1D;
}

/** The samples at `indices`, in that order, as plain arrays (what a Hessian-vector product uploads once). */
export function gatherBatch(d: Dataset, indices: ArrayLike<number>): BatchArrays {
  return { x: imageBatch(d, indices), labels: Int32Array.from(indices, (i) => d.labels[i]), n: indices.length };
}

/** Uploads a gathered batch; the caller (or its tf.tidy) disposes the tensors. */
export function toBatchTensors(b: BatchArrays, imageShape: readonly [number, number, number]): BatchTensors {
  const [h, w, c] = imageShape;
  return { x: tf.tensor4d(b.x, [b.n, h, w, c]), labels: tf.tensor1d(b.labels, 'int32') };
}

/** The samples at `indices` as tensors; the caller (or its tf.tidy) disposes them. */
export function batchTensors(d: Dataset, indices: ArrayLike<number>): BatchTensors {
  return toBatchTensors(gatherBatch(d, indices), d.imageShape);
}

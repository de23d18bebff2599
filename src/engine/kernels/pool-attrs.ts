import type * as tf from '@tensorflow/tfjs';

/** The attributes tfjs records on AvgPool and on its gradient AvgPoolGrad (the same for both). */
export interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** A gradient function's untyped attribute map, read as the pool's attributes. */
export const poolAttrs = (attrs: tf.NamedAttrMap): PoolAttrs => attrs as unknown as PoolAttrs;

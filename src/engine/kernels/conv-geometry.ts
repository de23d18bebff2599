import * as tf from '@tensorflow/tfjs';

/** Padding of a stride-1 NHWC convolution, resolved to explicit amounts (rows top/bottom, columns left/right). */
export interface ConvPads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

type PadAttr = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

/** The attributes of tfjs's Conv2D kernel (and Conv2DBackpropInput's, less inputShape) that stride1Pads reads. */
export interface ConvAttrs {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: PadAttr;
  dataFormat?: string;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * Explicit pads of a convolution when our conv-built gradients apply to it (stride 1, dilation 1, NHWC, pads no
 * wider than filter - 1); null otherwise, so the caller falls back to tfjs's stock gradient.
 */
export function stride1Pads(
  xShape: number[],
  filterShape: number[],
  strides: number | [number, number],
  dilations: number | [number, number] | undefined,
  pad: PadAttr,
  dataFormat: string | undefined,
  dimRoundingMode?: 'floor' | 'round' | 'ceil',
): ConvPads | null {
  if (dataFormat !== undefined && dataFormat !== 'NHWC' && dataFormat !== 'channelsLast') return null;
  if (!allOnes(strides) || !allOnes(dilations ?? 1)) return null;
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    dilations ?? 1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const { top, bottom, left, right } = info.padInfo;
  const [fh, fw] = filterShape;
  if (top > fh - 1 || bottom > fh - 1 || left > fw - 1 || right > fw - 1) return null;
  if (info.outHeight !== xShape[1] + top + bottom - fh + 1 || info.outWidth !== xShape[2] + left + right - fw + 1) return null;
  return { top, bottom, left, right };
}

function allOnes(v: number | number[]): boolean {
  return Array.isArray(v) ? v.every((s) => s === 1) : v === 1;
}

/** The padding argument tf.conv2d takes for these explicit pads ('valid' when there are none: the fast path). */
export function padArg(p: ConvPads): 'valid' | tf.backend_util.ExplicitPadding {
  if (p.top === 0 && p.bottom === 0 && p.left === 0 && p.right === 0) return 'valid';
  return [
    [0, 0],
    [p.top, p.bottom],
    [p.left, p.right],
    [0, 0],
  ];
}

/** Pads that turn a correlation with the flipped filter into the adjoint of the convolution (the input gradient). */
export function adjointPads(p: ConvPads, fh: number, fw: number): ConvPads {
  return { top: fh - 1 - p.top, bottom: fh - 1 - p.bottom, left: fw - 1 - p.left, right: fw - 1 - p.right };
}

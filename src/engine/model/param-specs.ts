// Parameter layouts of every architecture, free of tfjs: the engine builds weights from them and the page counts a
// model's parameters from them before training.
import { convParams as conv3, denseParams as dense } from './layer-params';
import { resnetParams } from './resnet-plan';
import type { CnnSpec, MlpSpec, ModelSpec, ParamSpec } from './spec';
import { vggParams } from './vgg-plan';

/**
 * Parameter layout of a spec, in the fixed order used everywhere (forward, optimizer, masks, flattening).
 * Adam keeps its moments by position, so this order must never depend on anything but the spec.
 */
export function paramSpecs(spec: ModelSpec): ParamSpec[] {
  switch (spec.kind) {
    case 'cnn':
      return cnnParams(spec);
    case 'mlp':
      return mlpParams(spec);
    case 'resnet':
      return resnetParams(spec);
    case 'vgg':
      return vggParams(spec);
  }
}

function conv(layer: string, cin: number, cout: number): ParamSpec[] {
  return conv3(layer, 3, cin, cout);
}

/** Spatial size after the two 2x2 valid average pools ('same' convolutions keep the size). */
function cnnFlatSize(spec: CnnSpec): number {
  const [h, w] = spec.inputShape;
  return Math.floor(Math.floor(h / 2) / 2) * Math.floor(Math.floor(w / 2) / 2) * spec.convFilters[1];
}

function cnnParams(spec: CnnSpec): ParamSpec[] {
  const [c1, c2] = spec.convFilters;
  const [d1, d2] = spec.dense;
  return [
    ...conv('conv1', spec.inputShape[2], c1),
    ...conv('conv2', c1, c2),
    ...dense('dense1', cnnFlatSize(spec), d1),
    ...dense('dense2', d1, d2),
    ...dense('dense3', d2, spec.numClasses),
  ];
}

function mlpParams(spec: MlpSpec): ParamSpec[] {
  const widths = [spec.inputShape.reduce((a, b) => a * b, 1), ...spec.hidden, spec.numClasses];
  const out: ParamSpec[] = [];
  for (let i = 0; i + 1 < widths.length; i++) out.push(...dense(`dense${i + 1}`, widths[i], widths[i + 1]));
  return out;
}

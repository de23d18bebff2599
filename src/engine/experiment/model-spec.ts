import type { Config } from '../contract/config';
import type { DataShape, ModelSize } from '../contract/model-size';
import { modelSize } from '../model/model-size';
import type { ModelSpec } from '../model/spec';

/** The architecture a config asks for, sized to the data set (a Dataset, or the data summary's shape). */
export function modelSpecFor(c: Config, data: DataShape): ModelSpec {
  const common = { inputShape: data.imageShape, numClasses: data.classNames.length, activation: c.model.activation };
  const m = c.model;
  switch (m.kind) {
    case 'cnn':
      return { kind: 'cnn', ...common, convFilters: m.convFilters, dense: m.dense };
    case 'mlp':
      return { kind: 'mlp', ...common, hidden: m.hidden };
    case 'resnet':
      return { kind: 'resnet', ...common, layout: m.resnetLayout, widthMultiplier: m.widthMultiplier, normalization: m.normalization };
    case 'vgg':
      return { kind: 'vgg', ...common, layout: m.vggLayout, widthMultiplier: m.widthMultiplier, normalization: m.normalization };
  }
}

/** The size of the model a config builds on data of this shape: what the page shows before Run. */
export const describeModel = (c: Config, data: DataShape): ModelSize => modelSize(modelSpecFor(c, data), c.prune.pruneBiases);

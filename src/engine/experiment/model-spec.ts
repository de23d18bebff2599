import type { Dataset } from '../data/dataset';
import type { ModelSpec } from '../model/spec';
import type { Config } from '../contract/config';

/** What sizes a model: the input shape and the classes (a Dataset, or the page's data summary before any training). */
export type DataShape = Pick<Dataset, 'imageShape' | 'classNames'>;

/** The architecture a config asks for, sized to the data set. */
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

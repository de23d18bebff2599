import type { Dataset } from '../data/dataset';
import type { ModelSpec } from '../model/spec';
import type { Config } from '../contract/config';

/** The architecture a config asks for, sized to the data set. */
export function modelSpecFor(c: Config, data: Dataset): ModelSpec {
  const common = { inputShape: data.imageShape, numClasses: data.classNames.length, activation: c.model.activation };
  return c.model.kind === 'cnn'
    ? { kind: 'cnn', ...common, convFilters: c.model.convFilters, dense: c.model.dense }
    : { kind: 'mlp', ...common, hidden: c.model.hidden };
}

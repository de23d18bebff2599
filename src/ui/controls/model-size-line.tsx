import { modelSpecFor } from '../../engine/experiment/model-spec';
import { modelSize } from '../../engine/model/model-size';
import { useApp } from '../app-context';

const int = (n: number) => n.toLocaleString('en-US');

/**
 * The configured model's parameter count before anything is trained, sized to the current data (its input shape and
 * classes come from the data panel's summary), so a ResNet-18 at width 1 announces its 11 million parameters up front.
 */
export function ModelSizeLine() {
  const config = useApp((s) => s.config);
  const shape = useApp((s) => s.dataShape);
  if (!shape) return <p className="hint model-size">Parameters: counted once the data is ready.</p>;
  const { parameters, prunable } = modelSize(modelSpecFor(config, shape), config.prune.pruneBiases);
  const [h, w, c] = shape.imageShape;
  return (
    <p className="hint model-size" data-testid="model-size">
      <strong>{int(parameters)} parameters</strong> ({int(prunable)} prunable) for {h}×{w}×{c} inputs and {shape.classNames.length} classes.
    </p>
  );
}

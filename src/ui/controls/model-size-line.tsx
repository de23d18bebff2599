import { useEffect, useState } from 'react';
import type { ModelSize } from '../../engine/contract/model-size';
import { useApp, useAppStore, useDataPreview } from '../app-context';

const int = (n: number) => n.toLocaleString('en-US');
/** Wait this long after the last edit before asking the worker, so typing a width asks once. */
const DEBOUNCE_MS = 150;

/**
 * The configured model's parameter count before anything is trained, sized to the current data (its input shape and
 * classes come from the data panel's summary), so a ResNet-18 at width 1 announces its 11 million parameters up front.
 */
export function ModelSizeLine() {
  const model = useApp((s) => s.config.model);
  const pruneBiases = useApp((s) => s.config.prune.pruneBiases);
  const shape = useApp((s) => s.dataShape);
  const preview = useDataPreview();
  const store = useAppStore();
  const [size, setSize] = useState<ModelSize | null>(null);
  useEffect(() => {
    if (!shape) return;
    let live = true;
    const timer = setTimeout(() => {
      void preview.describeModel(store.getState().config, shape).then((s) => {
        if (live) setSize(s);
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [model, pruneBiases, shape, preview, store]);
  if (!shape || !size) return <p className="hint model-size">Parameters: counted once the data is ready.</p>;
  const [h, w, c] = shape.imageShape;
  return (
    <p className="hint model-size" data-testid="model-size">
      <strong>{int(size.parameters)} parameters</strong> ({int(size.prunable)} prunable) for {h}×{w}×{c} inputs and {shape.classNames.length} classes.
    </p>
  );
}

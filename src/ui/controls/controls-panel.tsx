import { DataControls } from './data-controls';
import { HessianControls } from './hessian-controls';
import { MitigationControls } from './mitigation-controls';
import { ModelControls } from './model-controls';
import { PruneControls } from './prune-controls';
import { RunSettings } from './run-settings';
import { TrainControls } from './train-controls';

/** Every config setting, grouped. Changing one marks the results stale; nothing runs until Run. */
export function ControlsPanel() {
  return (
    <aside className="controls" aria-label="Settings">
      <DataControls />
      <ModelControls />
      <TrainControls />
      <PruneControls />
      <MitigationControls />
      <HessianControls />
      <RunSettings />
    </aside>
  );
}

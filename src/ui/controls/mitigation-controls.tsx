import { mitigationModes, mitigationVersions, type MitigationMode, type MitigationVersion } from '../../engine/contract/config';
import { modeLabels } from '../../engine/contract/mode-labels';
import { CheckboxField, ControlGroup, NumberField } from './fields';
import { useConfigField } from './use-config-field';

const VERSION_LABELS: Record<MitigationVersion, string> = {
  relaxed: 'Relaxed (losses, Eq. 8)',
  full: 'Full (gradient norm + Hessian, Eq. 7)',
  ceag: 'Excess accuracy gap ≤ ε (Balancing Act)',
};

/** Section 6's mitigation: which modes the sweep runs (toggles named None / Before / After / Both) and its version. */
export function MitigationControls() {
  const [modes, setModes] = useConfigField('mitigation.modes');
  const [version, setVersion] = useConfigField('mitigation.version');
  const [dualStep, setDualStep] = useConfigField('mitigation.dualStep');
  const [dualEvery, setDualEvery] = useConfigField('mitigation.dualEvery');
  const [warmup, setWarmup] = useConfigField('mitigation.warmup');
  const [tolerance, setTolerance] = useConfigField('mitigation.gapTolerance');
  const [cap, setCap] = useConfigField('mitigation.lambdaCap');
  const [compare, setCompare] = useConfigField('mitigation.compareVersions');
  const toggle = (m: MitigationMode) => {
    const next = modes.includes(m) ? modes.filter((x) => x !== m) : mitigationModes.filter((x) => x === m || modes.includes(x));
    if (next.length > 0) setModes(next);
  };
  return (
    <ControlGroup title="Mitigation" hint="A Lagrangian penalty that keeps each group's loss near the average while training (Eq. 8 relaxed, Eq. 7 full).">
      <div className="toggle-row" role="group" aria-label="Mitigation modes">
        {mitigationModes.map((m) => (
          <button key={m} type="button" className="toggle" aria-pressed={modes.includes(m)} title={`${modeLabels[m].description} (${modeLabels[m].paper})`} onClick={() => toggle(m)}>
            {modeLabels[m].short}
          </button>
        ))}
      </div>
      <small className="hint">Each mode is a full sweep; at least one stays on.</small>
      <div className="toggle-row" role="radiogroup" aria-label="Mitigation version">
        {mitigationVersions.map((v) => (
          <label key={v} className="radio">
            <input type="radio" name="mitigation-version" checked={version === v} onChange={() => setVersion(v)} />
            {VERSION_LABELS[v]}
          </label>
        ))}
      </div>
      <CheckboxField label="Compare the versions" value={compare} onChange={setCompare} hint="Runs each mitigated mode with relaxed, full (Table 1) and ceag." />
      {(version === 'ceag' || compare) && (
        <NumberField label="Gap tolerance ε (ceag)" value={tolerance} onChange={setTolerance} hint="Each group may lose at most ε more accuracy than the model overall." />
      )}
      <details className="advanced">
        <summary>Dual ascent settings</summary>
        <NumberField label="Dual step" value={dualStep} onChange={setDualStep} hint="Step size of the multipliers λ_a." />
        <NumberField label="Dual update every" integer value={dualEvery} onChange={setDualEvery} hint="Training steps between multiplier updates." />
        <NumberField label="Warm-up steps" integer value={warmup} onChange={setWarmup} />
        <NumberField label="λ cap" value={cap} onChange={setCap} />
      </details>
    </ControlGroup>
  );
}

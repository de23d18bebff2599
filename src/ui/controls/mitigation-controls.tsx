import { mitigationModes, type MitigationMode } from '../../engine/contract/config';
import { modeLabels } from '../../engine/contract/mode-labels';
import { CheckboxField, ControlGroup, NumberField } from './fields';
import { useConfigField } from './use-config-field';

/** Section 6's mitigation: which modes the sweep runs (toggles named None / Before / After / Both) and its version. */
export function MitigationControls() {
  const [modes, setModes] = useConfigField('mitigation.modes');
  const [version, setVersion] = useConfigField('mitigation.version');
  const [dualStep, setDualStep] = useConfigField('mitigation.dualStep');
  const [dualEvery, setDualEvery] = useConfigField('mitigation.dualEvery');
  const [warmup, setWarmup] = useConfigField('mitigation.warmup');
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
        {(['relaxed', 'full'] as const).map((v) => (
          <label key={v} className="radio">
            <input type="radio" name="mitigation-version" checked={version === v} onChange={() => setVersion(v)} />
            {v === 'relaxed' ? 'Relaxed (losses, Eq. 8)' : 'Full (gradient norm + Hessian, Eq. 7)'}
          </label>
        ))}
      </div>
      <CheckboxField label="Compare relaxed and full" value={compare} onChange={setCompare} hint="Runs each mitigated mode with both versions (Table 1)." />
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

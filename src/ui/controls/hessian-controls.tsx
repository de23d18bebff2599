import { CheckboxField, ControlGroup, NumberField, SelectField } from './fields';
import { useConfigField } from './use-config-field';

export function HessianControls() {
  const [when, setWhen] = useConfigField('hessian.when');
  const [method, setMethod] = useConfigField('hessian.method');
  const [tol, setTol] = useConfigField('hessian.tolerance');
  const [iters, setIters] = useConfigField('hessian.maxIterations');
  const [samples, setSamples] = useConfigField('hessian.maxSamplesPerGroup');
  const [draws, setDraws] = useConfigField('hessian.sampleDraws');
  const [warm, setWarm] = useConfigField('hessian.warmStart');
  return (
    <ControlGroup title="Hessian λ(H_a)" hint="Top eigenvalue of each group's loss Hessian from Hessian-vector products: the curvature term of Theorem 1." open={false}>
      <SelectField
        label="Compute"
        value={when}
        options={[{ value: 'off', label: 'Off' }, { value: 'dense', label: 'Dense model only' }, { value: 'all', label: 'At every rate (slow)' }]}
        onChange={setWhen}
        hint="The bound of Theorem 1 needs it on the dense model."
      />
      <SelectField
        label="Method"
        value={method}
        options={[{ value: 'lanczos', label: 'Lanczos' }, { value: 'power', label: 'Power iteration' }]}
        onChange={setMethod}
        hint="Lanczos needs fewer products for the same accuracy; power iteration is PyHessian's algorithm."
      />
      <NumberField label="Tolerance" value={tol} onChange={setTol} hint="Stops when the relative residual ‖Hv − λv‖/|λ| is this small: λ is then this close to an eigenvalue." />
      <NumberField label="Max iterations" integer value={iters} onChange={setIters} hint="Hessian-vector products at most; an estimate that runs out is marked not converged." />
      <NumberField label="Samples per group" integer value={samples} onChange={setSamples} hint="Cap on the samples per group (a seeded subsample past it); the default covers the whole group. A capped value is labelled subsampled." />
      <NumberField label="Sample draws" integer value={draws} onChange={setDraws} hint="Where a group is subsampled, λ(H_a) on this many subsamples: their spread shows how far the cap moves it." />
      <CheckboxField label="Warm start" value={warm} onChange={setWarm} hint="Start from the previous rate's eigenvector." />
    </ControlGroup>
  );
}

import { ControlGroup, NumberField, NumberListField, SelectField } from './fields';
import { useConfigField } from './use-config-field';

const ACTIVATIONS = [
  { value: 'relu', label: 'ReLU' },
  { value: 'softplus', label: 'Softplus (smooth)' },
  { value: 'tanh', label: 'tanh (smooth)' },
] as const;

export function ModelControls() {
  const [kind, setKind] = useConfigField('model.kind');
  const [conv, setConv] = useConfigField('model.convFilters');
  const [dense, setDense] = useConfigField('model.dense');
  const [hidden, setHidden] = useConfigField('model.hidden');
  const [activation, setActivation] = useConfigField('model.activation');
  return (
    <ControlGroup title="Model" hint="Smaller models have less spare capacity: pruning them shows the effect sooner.">
      <SelectField label="Architecture" value={kind} options={[{ value: 'cnn', label: 'CNN (2 conv + 2 dense)' }, { value: 'mlp', label: 'MLP' }]} onChange={setKind} />
      {kind === 'cnn' ? (
        <>
          <NumberField label="Conv 1 filters" integer value={conv[0]} onChange={(v) => setConv([v, conv[1]])} />
          <NumberField label="Conv 2 filters" integer value={conv[1]} onChange={(v) => setConv([conv[0], v])} />
          <NumberField label="Dense 1 width" integer value={dense[0]} onChange={(v) => setDense([v, dense[1]])} />
          <NumberField label="Dense 2 width" integer value={dense[1]} onChange={(v) => setDense([dense[0], v])} />
        </>
      ) : (
        <NumberListField label="Hidden widths" value={hidden} onChange={setHidden} hint="1-4 layers, e.g. 128, 64." />
      )}
      <SelectField label="Activation" value={activation} options={ACTIVATIONS} onChange={setActivation} hint="Smooth activations make λ(H_a) well defined everywhere." />
    </ControlGroup>
  );
}

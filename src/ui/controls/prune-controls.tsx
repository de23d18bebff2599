import { MAX_PRUNING_RATE, pruneMethods } from '../../engine/contract/config';
import { CheckboxField, ControlGroup, NumberField, NumberListField, SelectField } from './fields';
import { useConfigField } from './use-config-field';

const METHOD_LABELS: Record<(typeof pruneMethods)[number], string> = {
  'global-magnitude': 'Global magnitude (paper)',
  'layer-magnitude': 'Magnitude per layer',
  'structured-l1': 'Structured, L1 filter norm',
  'structured-l2': 'Structured, L2 filter norm',
  random: 'Random',
};

export function PruneControls() {
  const [method, setMethod] = useConfigField('prune.method');
  const [rates, setRates] = useConfigField('prune.rates');
  const [ft, setFt] = useConfigField('prune.fineTuneEpochs');
  const [lrScale, setLrScale] = useConfigField('prune.fineTuneLrScale');
  const [biases, setBiases] = useConfigField('prune.pruneBiases');
  return (
    <ControlGroup title="Pruning" hint="Each rate removes that fraction of the weights from the dense model, then fine-tunes. Pruned weights are masked to zero, not removed: the model here is no smaller and no faster.">
      <SelectField label="Method" value={method} options={pruneMethods.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} onChange={setMethod} />
      <NumberListField label="Pruning rates" value={rates} onChange={setRates} hint={`Fractions in [0, ${MAX_PRUNING_RATE}], e.g. 0.5, 0.7, 0.9. The dense model (0) is always measured.`} />
      <NumberField label="Fine-tuning epochs" integer value={ft} onChange={setFt} hint="0 = prune and measure (one-shot)." />
      <NumberField label="Fine-tuning LR scale" value={lrScale} onChange={setLrScale} hint="Fraction of the training learning rate." />
      <CheckboxField label="Prune biases too" value={biases} onChange={setBiases} />
    </ControlGroup>
  );
}

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

const SCHEDULE_LABELS = {
  'one-shot': 'One-shot, then fine-tune (paper)',
  gradual: 'Gradual (PolynomialDecay over fine-tuning)',
  rewind: 'Lottery-ticket rewinding, then retrain',
} as const;

export function PruneControls() {
  const [schedule, setSchedule] = useConfigField('prune.schedule');
  const [initial, setInitial] = useConfigField('prune.initialSparsity');
  const [rewindEpoch, setRewindEpoch] = useConfigField('prune.rewindEpoch');
  const [method, setMethod] = useConfigField('prune.method');
  const [rates, setRates] = useConfigField('prune.rates');
  const [ft, setFt] = useConfigField('prune.fineTuneEpochs');
  const [lrScale, setLrScale] = useConfigField('prune.fineTuneLrScale');
  const [biases, setBiases] = useConfigField('prune.pruneBiases');
  return (
    <ControlGroup title="Pruning" hint="Each rate removes that fraction of the weights from the dense model, then fine-tunes. Pruned weights are masked to zero, not removed: the model here is no smaller and no faster.">
      <SelectField label="Method" value={method} options={pruneMethods.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} onChange={setMethod} />
      <NumberListField label="Pruning rates" value={rates} onChange={setRates} hint={`Fractions in [0, ${MAX_PRUNING_RATE}], e.g. 0.5, 0.7, 0.9. The dense model (0) is always measured.`} />
      <SelectField label="Schedule" value={schedule} options={(Object.keys(SCHEDULE_LABELS) as Array<keyof typeof SCHEDULE_LABELS>).map((v) => ({ value: v, label: SCHEDULE_LABELS[v] }))} onChange={setSchedule} />
      {schedule === 'gradual' && <NumberField label="Initial sparsity" value={initial} onChange={setInitial} hint="Sparsity of the first fine-tuning epoch; the rate is reached before the last (at least 2 epochs)." />}
      {schedule === 'rewind' && <NumberField label="Rewind to epoch" integer value={rewindEpoch} onChange={setRewindEpoch} hint="Survivors are reset to their values after this many dense epochs (0 = initialisation), then retrained." />}
      <NumberField label="Fine-tuning epochs" integer value={ft} onChange={setFt} hint="0 = prune and measure (one-shot)." />
      <NumberField label="Fine-tuning LR scale" value={lrScale} onChange={setLrScale} hint="Fraction of the training learning rate." />
      <CheckboxField label="Prune biases too" value={biases} onChange={setBiases} />
    </ControlGroup>
  );
}

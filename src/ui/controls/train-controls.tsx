import { ControlGroup, NumberField, SelectField } from './fields';
import { useConfigField } from './use-config-field';

export function TrainControls() {
  const [optimizer, setOptimizer] = useConfigField('train.optimizer');
  const [lr, setLr] = useConfigField('train.learningRate');
  const [momentum, setMomentum] = useConfigField('train.momentum');
  const [epochs, setEpochs] = useConfigField('train.epochs');
  const [batchSize, setBatchSize] = useConfigField('train.batchSize');
  return (
    <ControlGroup title="Training" hint="The dense model θ̂ every pruning rate starts from.">
      <SelectField label="Optimizer" value={optimizer} options={[{ value: 'adam', label: 'Adam' }, { value: 'sgd', label: 'SGD with momentum' }]} onChange={setOptimizer} />
      <NumberField label="Learning rate" value={lr} onChange={setLr} hint="Lower it if a run reports divergence." />
      {optimizer === 'sgd' && <NumberField label="Momentum" value={momentum} onChange={setMomentum} />}
      <NumberField label="Epochs" integer value={epochs} onChange={setEpochs} hint="Passes over the training split." />
      <NumberField label="Batch size" integer value={batchSize} onChange={setBatchSize} />
    </ControlGroup>
  );
}

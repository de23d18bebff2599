import { ControlGroup, NumberField, SelectField } from './fields';
import { useConfigField } from './use-config-field';

const SCHEDULES = [
  { value: 'constant', label: 'Constant' },
  { value: 'cosine', label: 'Cosine annealing' },
  { value: 'step', label: 'Step (×0.1 at 50% and 75%)' },
] as const;

const AUGMENTATIONS = [
  { value: 'none', label: 'None' },
  { value: 'crop-flip', label: 'Random crop + horizontal flip' },
] as const;

export function TrainControls() {
  const [optimizer, setOptimizer] = useConfigField('train.optimizer');
  const [lr, setLr] = useConfigField('train.learningRate');
  const [momentum, setMomentum] = useConfigField('train.momentum');
  const [epochs, setEpochs] = useConfigField('train.epochs');
  const [batchSize, setBatchSize] = useConfigField('train.batchSize');
  const [weightDecay, setWeightDecay] = useConfigField('train.weightDecay');
  const [lrSchedule, setLrSchedule] = useConfigField('train.lrSchedule');
  const [augment, setAugment] = useConfigField('train.augment');
  return (
    <ControlGroup title="Training" hint="The dense model θ̂ every pruning rate starts from.">
      <SelectField label="Optimizer" value={optimizer} options={[{ value: 'adam', label: 'Adam' }, { value: 'sgd', label: 'SGD with momentum' }]} onChange={setOptimizer} />
      <NumberField label="Learning rate" value={lr} onChange={setLr} hint="Lower it if a run reports divergence." />
      {optimizer === 'sgd' && <NumberField label="Momentum" value={momentum} onChange={setMomentum} />}
      <NumberField label="Epochs" integer value={epochs} onChange={setEpochs} hint="Passes over the training split." />
      <NumberField label="Batch size" integer value={batchSize} onChange={setBatchSize} />
      <NumberField label="Weight decay" value={weightDecay} onChange={setWeightDecay} hint="L2 decay λ (g + λθ), as PyTorch's weight_decay; 5e-4 is the ResNet/VGG recipe." />
      <SelectField label="Learning-rate schedule" value={lrSchedule} options={SCHEDULES} onChange={setLrSchedule} hint="Per epoch, in training and in fine-tuning." />
      <SelectField label="Augmentation" value={augment} options={AUGMENTATIONS} onChange={setAugment} hint="For 32×32 photos (CIFAR-10, SVHN, faces): not for digits, whose mirror images are other digits." />
    </ControlGroup>
  );
}

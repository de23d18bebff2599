import { ControlGroup, NumberField, NumberListField, SelectField } from './fields';
import { ModelSizeLine } from './model-size-line';
import { useConfigField } from './use-config-field';

const ACTIVATIONS = [
  { value: 'relu', label: 'ReLU' },
  { value: 'softplus', label: 'Softplus (smooth)' },
  { value: 'tanh', label: 'tanh (smooth)' },
] as const;

const KINDS = [
  { value: 'cnn', label: 'CNN (2 conv + 2 dense)' },
  { value: 'mlp', label: 'MLP' },
  { value: 'resnet', label: 'ResNet (slow without a GPU)' },
  { value: 'vgg', label: 'VGG (slow without a GPU)' },
] as const;

const RESNET_LAYOUTS = [
  { value: 'resnet8', label: 'ResNet-8 (16-32-64)' },
  { value: 'resnet14', label: 'ResNet-14 (16-32-64)' },
  { value: 'resnet20', label: 'ResNet-20 (16-32-64)' },
  { value: 'resnet18', label: 'ResNet-18 (64-128-256-512)' },
] as const;

const VGG_LAYOUTS = [
  { value: 'vgg11', label: 'VGG-11' },
  { value: 'vgg19', label: 'VGG-19' },
] as const;

const NORMALIZATIONS = [
  { value: 'batch', label: 'BatchNorm' },
  { value: 'none', label: 'None' },
] as const;

export function ModelControls() {
  const [kind, setKind] = useConfigField('model.kind');
  const [conv, setConv] = useConfigField('model.convFilters');
  const [dense, setDense] = useConfigField('model.dense');
  const [hidden, setHidden] = useConfigField('model.hidden');
  const [activation, setActivation] = useConfigField('model.activation');
  const [resnetLayout, setResnetLayout] = useConfigField('model.resnetLayout');
  const [vggLayout, setVggLayout] = useConfigField('model.vggLayout');
  const [widthMultiplier, setWidthMultiplier] = useConfigField('model.widthMultiplier');
  const [normalization, setNormalization] = useConfigField('model.normalization');
  return (
    <ControlGroup title="Model" hint="Smaller models have less spare capacity: pruning them shows the effect sooner.">
      <SelectField label="Architecture" value={kind} options={KINDS} onChange={setKind} />
      {kind === 'resnet' || kind === 'vgg' ? (
        <>
          {kind === 'resnet' ? (
            <SelectField label="Layout" value={resnetLayout} options={RESNET_LAYOUTS} onChange={setResnetLayout} />
          ) : (
            <SelectField label="Layout" value={vggLayout} options={VGG_LAYOUTS} onChange={setVggLayout} />
          )}
          <NumberField label="Width multiplier" value={widthMultiplier} onChange={setWidthMultiplier} hint="Channels × this (0.0625-1); 0.25 keeps training in reach of a browser." />
          <SelectField label="Normalisation" value={normalization} options={NORMALIZATIONS} onChange={setNormalization} hint="Measurements use BatchNorm's running statistics (evaluation mode)." />
        </>
      ) : kind === 'cnn' ? (
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
      <ModelSizeLine />
    </ControlGroup>
  );
}

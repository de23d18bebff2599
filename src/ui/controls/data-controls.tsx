import { configSchema, type Config } from '../../engine/contract/config';
import { imageSourceIds, imageSources, type ImageSourceId } from '../../engine/contract/image-sources';
import { pct } from '../../engine/contract/number-format';
import { useApp } from '../app-context';
import { CheckboxField, ControlGroup, NumberField, SelectField, SliderField } from './fields';
import { useConfigField, withValue } from './use-config-field';

const KINDS = [
  { value: 'synthetic', label: 'Synthetic groups' },
  { value: 'mnist', label: 'MNIST digits (long tail)' },
  { value: 'fashion-mnist', label: 'Fashion-MNIST clothes (long tail)' },
  { value: 'images', label: 'Your images: UTKFace, CIFAR-10, SVHN, a folder' },
] as const;

/** The shipped data sets whose groups are their classes: what their sample count and long tail are about. */
const CLASS_GROUP_TEXT = {
  mnist: { samples: 'Digits drawn from the 10,000 shipped (500-10,000).', tail: 'The rarest digit keeps 1/this of its samples; 1 = balanced.' },
  'fashion-mnist': {
    samples: 'Clothes drawn from the 70,000 shipped (500-70,000); the page fetches only the 1,000-image chunks this needs.',
    tail: 'The rarest class keeps 1/this of its samples; 1 = balanced.',
  },
} as const;

/** Keeps one share and one difficulty per group when the number of groups changes. */
function resizeGroups(c: Config, n: number): Config {
  if (c.data.kind !== 'synthetic') return c;
  const fill = (xs: number[], v: number) => Array.from({ length: n }, (_, i) => xs[i] ?? v);
  return withValue(withValue(withValue(c, 'data.numGroups', n), 'data.groupShares', fill(c.data.groupShares, 1)), 'data.groupDifficulty', fill(c.data.groupDifficulty, 0.2));
}

function SyntheticControls() {
  const data = useApp((s) => s.config.data);
  const updateConfig = useApp((s) => s.updateConfig);
  const [numClasses, setClasses] = useConfigField('data.numClasses');
  const [samples, setSamples] = useConfigField('data.samples');
  const [imageSize, setImageSize] = useConfigField('data.imageSize');
  if (data.kind !== 'synthetic') return null;
  const setAt = (key: 'groupShares' | 'groupDifficulty', a: number, v: number) =>
    updateConfig((c) => {
      if (c.data.kind !== 'synthetic') return c;
      const xs = c.data[key];
      const fallback = key === 'groupShares' ? 1 : 0.2;
      return withValue(c, `data.${key}`, Array.from({ length: c.data.numGroups }, (_, i) => (i === a ? v : (xs[i] ?? fallback))));
    });
  return (
    <>
      <NumberField label="Groups" integer value={data.numGroups} onChange={(n) => updateConfig((c) => resizeGroups(c, Math.min(8, Math.max(2, n))))} hint="2-8 groups; each gets a size and a difficulty below." />
      <NumberField label="Classes" integer value={numClasses} onChange={setClasses} hint="Labels to predict (2-10)." />
      <NumberField label="Samples" integer value={samples} onChange={setSamples} hint="Train + test, before the split." />
      <NumberField label="Image size" integer value={imageSize} onChange={setImageSize} hint="Side in pixels (8-28)." />
      {Array.from({ length: data.numGroups }, (_, a) => (
        <div className="group-sliders" key={a}>
          <SliderField label={`Group ${a} size`} min={0.05} max={3} step={0.05} value={data.groupShares[a] ?? 1} onChange={(v) => setAt('groupShares', a, v)} format={(v) => `×${v.toFixed(2)}`} />
          <SliderField label={`Group ${a} difficulty`} min={0} max={1} step={0.05} value={data.groupDifficulty[a] ?? 0.2} onChange={(v) => setAt('groupDifficulty', a, v)} format={(v) => pct(v)} />
        </div>
      ))}
    </>
  );
}

function ClassGroupControls() {
  const data = useApp((s) => s.config.data);
  const [samples, setSamples] = useConfigField('data.samples');
  const [longTail, setLongTail] = useConfigField('data.longTail');
  const [balancedTest, setBalancedTest] = useConfigField('data.balancedTest');
  if (data.kind !== 'mnist' && data.kind !== 'fashion-mnist') return null;
  const text = CLASS_GROUP_TEXT[data.kind];
  return (
    <>
      <NumberField label="Samples" integer value={samples} onChange={setSamples} hint={text.samples} />
      <SliderField label="Long tail" min={1} max={100} step={1} value={longTail} onChange={setLongTail} format={(v) => `${v}×`} hint={text.tail} />
      <CheckboxField label="Balanced test split" value={balancedTest} onChange={setBalancedTest} hint="Only the training data is made imbalanced." />
    </>
  );
}

/** Data the user brings: which source, and which of its attributes are the label and the group. */
function ImagesControls() {
  const data = useApp((s) => s.config.data);
  const updateConfig = useApp((s) => s.updateConfig);
  const [side, setSide] = useConfigField('data.side');
  const [samples, setSamples] = useConfigField('data.samples');
  const [longTail, setLongTail] = useConfigField('data.longTail');
  if (data.kind !== 'images') return null;
  const info = imageSources[data.source];
  const attributes = info.attributes.map((a) => ({ value: a, label: a }));
  const setAttribute = (key: 'label' | 'group', v: string) => updateConfig((c) => (c.data.kind === 'images' ? { ...c, data: { ...c.data, [key]: v } } : c));
  const setSource = (source: ImageSourceId) =>
    updateConfig((c) => (c.data.kind === 'images' ? { ...c, data: { ...c.data, source, label: imageSources[source].attributes[0], group: imageSources[source].attributes[0] } } : c));
  return (
    <>
      <SelectField label="Source" value={data.source} options={imageSourceIds.map((id) => ({ value: id, label: imageSources[id].title }))} onChange={setSource} hint={`Give ${info.files} on the data panel; they are decoded on this device and never uploaded.`} />
      <SelectField label="Class label" value={data.label} options={attributes} onChange={(v) => setAttribute('label', v)} hint="What the network predicts (Table 2: ethnicity)." />
      <SelectField label="Group" value={data.group} options={attributes} onChange={(v) => setAttribute('group', v)} hint="What fairness is measured over (Table 2: age)." />
      <NumberField label="Image side" integer value={side} onChange={setSide} hint="Images are centre-cropped and resized to this many pixels (24-64)." />
      <NumberField label="Samples" integer value={samples} onChange={setSamples} hint="Drawn from what was read, stratified by group." />
      <SliderField label="Long tail" min={1} max={100} step={1} value={longTail} onChange={setLongTail} format={(v) => `${v}×`} hint="The rarest group keeps 1/this of its samples; 1 = as the data comes." />
    </>
  );
}

export function DataControls() {
  const kind = useApp((s) => s.config.data.kind);
  const updateConfig = useApp((s) => s.updateConfig);
  const [testFraction, setTestFraction] = useConfigField('testFraction');
  return (
    <ControlGroup title="Data" hint="Groups are what fairness is measured over: a small or hard group is the paper's under-represented group.">
      <SelectField label="Data set" value={kind} options={KINDS} onChange={(k) => updateConfig((c) => ({ ...c, data: configSchema.parse({ data: { kind: k } }).data }))} />
      <SyntheticControls />
      <ClassGroupControls />
      <ImagesControls />
      <SliderField label="Test fraction" min={0.1} max={0.5} step={0.05} value={testFraction} onChange={setTestFraction} format={(v) => pct(v)} hint="Held out, stratified by group." />
    </ControlGroup>
  );
}

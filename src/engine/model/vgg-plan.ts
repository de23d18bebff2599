// The VGG layouts as data: the layers in order and their parameter specs. Free of tfjs, so the page can count a
// model's parameters before anything is trained.
import { bnParams, convParams, denseParams, scaledWidth } from './layer-params';
import type { ParamSpec, VggLayout, VggSpec } from './spec';

/** Simonyan & Zisserman's configurations A (VGG-11) and E (VGG-19); 'M' is a 2×2 max pool. */
const LAYOUTS: Record<VggLayout, Array<number | 'M'>> = {
  vgg11: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  vgg19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
};

type VggStep = { kind: 'conv'; conv: string; bn: string; cin: number; cout: number } | { kind: 'pool' };

/**
 * The layers in order, named by their index in PyTorch's `features` Sequential (conv, BatchNorm, ReLU, …, MaxPool),
 * so a state_dict built from these names loads into the usual CIFAR VGG. A pool that would leave less than 1×1
 * (28×28 inputs meet the fifth pool at 1×1) is skipped: the global average pool after the last stage takes any size.
 */
export function vggPlan(spec: VggSpec): VggStep[] {
  const batch = spec.normalization === 'batch';
  const steps: VggStep[] = [];
  let [h, w, cin] = spec.inputShape;
  let index = 0;
  for (const item of LAYOUTS[spec.layout]) {
    if (item === 'M') {
      if (h >= 2 && w >= 2) {
        steps.push({ kind: 'pool' });
        [h, w] = [Math.floor(h / 2), Math.floor(w / 2)];
      }
      index += 1;
      continue;
    }
    const cout = scaledWidth(item, spec.widthMultiplier);
    steps.push({ kind: 'conv', conv: `features.${index}`, bn: `features.${index + 1}`, cin, cout });
    index += batch ? 3 : 2;
    cin = cout;
  }
  return steps;
}

/** Width of the last convolution: the classifier's input. */
const lastWidth = (steps: VggStep[], spec: VggSpec): number =>
  steps.reduce((c, s) => (s.kind === 'conv' ? s.cout : c), spec.inputShape[2]);

export function vggParams(spec: VggSpec): ParamSpec[] {
  const batch = spec.normalization === 'batch';
  const steps = vggPlan(spec);
  const out: ParamSpec[] = [];
  for (const s of steps) {
    if (s.kind === 'pool') continue;
    // The CIFAR VGG keeps the convolution bias next to BatchNorm (redundant, but it is PyTorch's parameter count).
    out.push(...convParams(s.conv, 3, s.cin, s.cout, true), ...(batch ? bnParams(s.bn, s.cout, s.conv) : []));
  }
  return [...out, ...denseParams('classifier', lastWidth(steps, spec), spec.numClasses)];
}

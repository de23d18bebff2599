// The ResNet layouts as data: which blocks, widths and strides, and the parameter specs in forward's order. Free of
// tfjs, so the page can count a model's parameters before anything is trained.
import { bnParams, convParams, denseParams, scaledWidth } from './layer-params';
import type { ParamSpec, ResNetLayout, ResNetSpec } from './spec';

/** Stage widths and blocks per stage: CIFAR ResNet-(6n+2) (He et al. 2016, §4.2) and ResNet-18 (4 × 2 blocks). */
const LAYOUTS: Record<ResNetLayout, { widths: number[]; blocks: number }> = {
  resnet8: { widths: [16, 32, 64], blocks: 1 },
  resnet14: { widths: [16, 32, 64], blocks: 2 },
  resnet20: { widths: [16, 32, 64], blocks: 3 },
  resnet18: { widths: [64, 128, 256, 512], blocks: 2 },
};

export interface BasicBlockPlan {
  /** PyTorch module path of the block, e.g. "layer2.0". */
  name: string;
  cin: number;
  cout: number;
  stride: 1 | 2;
  /** A 1×1 projection (convolution + BatchNorm) where the shape changes; the identity otherwise. */
  projection: boolean;
}

/** The stem's width and every block, stage by stage; the first stage keeps the resolution, the others halve it. */
export function resnetPlan(spec: ResNetSpec): { stem: number; blocks: BasicBlockPlan[] } {
  const { widths, blocks } = LAYOUTS[spec.layout];
  const w = widths.map((c) => scaledWidth(c, spec.widthMultiplier));
  const plan: BasicBlockPlan[] = [];
  let cin = w[0];
  w.forEach((cout, s) => {
    for (let b = 0; b < blocks; b++) {
      const stride = s > 0 && b === 0 ? 2 : 1;
      plan.push({ name: `layer${s + 1}.${b}`, cin, cout, stride, projection: stride !== 1 || cin !== cout });
      cin = cout;
    }
  });
  return { stem: w[0], blocks: plan };
}

/** conv (+ bias without normalisation) and its BatchNorm, in the order convNorm reads them. */
function convNormParams(conv: string, bn: string, k: number, cin: number, cout: number, batch: boolean): ParamSpec[] {
  return [...convParams(conv, k, cin, cout, !batch), ...(batch ? bnParams(bn, cout, conv) : [])];
}

export function resnetParams(spec: ResNetSpec): ParamSpec[] {
  const batch = spec.normalization === 'batch';
  const { stem, blocks } = resnetPlan(spec);
  const out = convNormParams('conv1', 'bn1', 3, spec.inputShape[2], stem, batch);
  for (const b of blocks) {
    out.push(...convNormParams(`${b.name}.conv1`, `${b.name}.bn1`, 3, b.cin, b.cout, batch));
    out.push(...convNormParams(`${b.name}.conv2`, `${b.name}.bn2`, 3, b.cout, b.cout, batch));
    if (b.projection) out.push(...convNormParams(`${b.name}.shortcut.0`, `${b.name}.shortcut.1`, 1, b.cin, b.cout, batch));
  }
  const last = blocks.length > 0 ? blocks[blocks.length - 1].cout : stem;
  return [...out, ...denseParams('fc', last, spec.numClasses)];
}

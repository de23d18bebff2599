import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { useOwnKernels } from '../engine/kernels/own-kernels';
import { forward } from '../engine/model/architecture';
import { initWeights, toVariables } from '../engine/model/params';
import { crossEntropy } from '../engine/train/cross-entropy';
import { createOptimizer, disposeOptimizer } from '../engine/train/optimizer';
import type { KernelChoice } from '../headless/bench-protocol';
import { kernelStats, type Profile } from './bench-kernel-stats';
import { archBenchModels, cnnBenchModels, randomBenchData } from './bench-models';

/** The models the profile takes (--model=): the ~100k bench CNN (Adam), ResNet-20 ×1 (SGD, BatchNorm in training mode). */
export const profileModels = { cnn100k: cnnBenchModels[1], resnet20: archBenchModels[1] };

/**
 * Where one training step's time goes on wasm (tf.profile): kernel milliseconds by kernel name and the number of
 * kernel calls, for one bench model (batch 64), with our CPU kernels and with tfjs's stock ones.
 * Kernel times exclude the JS work between kernels, which the step's wall time includes.
 */
export async function benchProfile(kernels: KernelChoice[], model: keyof typeof profileModels = 'cnn100k'): Promise<string[]> {
  await initBackend('wasm');
  const { label, spec, optimizer } = profileModels[model];
  // BatchNorm in training mode (the batch's statistics); the running ones are not kept here.
  const training = { onBatchStats: () => {} };
  // Warm-up, timed and profiled steps: a ResNet-20 step takes 0.5-2 s here.
  const [warm, timed, steps] = model === 'resnet20' ? [2, 5, 2] : [10, 20, 5];
  const data = randomBenchData(spec, 64);
  const lines: string[] = [];
  try {
    for (const k of kernels) {
      useOwnKernels(k === 'own');
      const vars = toVariables(initWeights(spec, 1));
      const opt = createOptimizer(optimizer);
      const x = tf.tensor4d(data.images, [64, ...spec.inputShape]);
      const y = tf.tensor1d(data.labels, 'int32');
      const step = () =>
        tf.tidy(() => {
          const { value, grads } = tf.variableGrads(() => crossEntropy(forward(spec, vars, x, training), y), vars);
          opt.applyGradients(grads);
          return value;
        });
      try {
        for (let i = 0; i < warm; i++) step().dispose();
        const t0 = performance.now();
        for (let i = 0; i < timed; i++) step().dispose();
        const wall = (performance.now() - t0) / timed;
        const profiles: Profile[] = [];
        for (let r = 0; r < steps; r++) profiles.push(await tf.profile(() => step().dispose()));
        const stats = kernelStats(profiles);
        lines.push(`wasm ${k.padEnd(5)} ${label}: ${wall.toFixed(1)} ms a step (wall), kernels ${stats.total.toFixed(1)} ms in ${Math.round(stats.calls)} calls`);
        lines.push(`    ${stats.top.map((e) => `${e.name} ${e.ms.toFixed(2)}`).join(', ')}`);
      } finally {
        disposeOptimizer(opt);
        tf.dispose([...vars, x, y]);
      }
    }
  } finally {
    useOwnKernels(true);
  }
  return lines;
}

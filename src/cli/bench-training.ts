import { initBackend } from '../engine/backend';
import { measureSpeed } from '../engine/experiment/measure-speed';
import { useOwnKernels } from '../engine/kernels/own-kernels';
import type { KernelChoice } from '../headless/bench-protocol';
import type { CnnSpec } from '../engine/model/spec';
import { againstTorchLine, alternateWithTorch } from './bench-against-torch';
import { cnnBenchModels, randomBenchData } from './bench-models';
import { torchSpeed } from './bench-torch';

/**
 * Training and forward samples/s of the engine's own loop (Adam, batch 64), after one warm-up epoch, with our CPU
 * kernels or tfjs's stock ones (each in turn when both are asked for: before and after, on the same machine). On wasm
 * our kernels run `rounds` times, alternated with PyTorch's processes on the same CNN (bench-against-torch.ts).
 */
export async function benchTraining(backend: 'wasm' | 'cpu', samples: number, kernels: KernelChoice[] = ['own'], rounds = 3): Promise<string[]> {
  const chosen = await initBackend(backend);
  const lines: string[] = [];
  try {
    for (const { label, spec, optimizer } of cnnBenchModels) {
      for (const k of kernels) {
        const run = async () => {
          useOwnKernels(k === 'own');
          const s = await measureSpeed(spec, randomBenchData(spec, samples), optimizer, 2);
          lines.push(`${chosen.name.padEnd(5)} ${k.padEnd(5)} ${label} [${s.parameters} params]: training ${s.train.toFixed(0)} samples/s, forward ${s.forward.toFixed(0)} samples/s`);
          return s;
        };
        // wasm in Node is single-threaded, so PyTorch runs on one thread too: the target is >= 1.0x at equal threads.
        if (chosen.name !== 'wasm' || k !== 'own') await run();
        else {
          const { ours, torch } = await alternateWithTorch(run, () => torchSpeed(spec as CnnSpec, samples, 1), rounds);
          lines.push(againstTorchLine(ours, torch));
        }
      }
    }
  } finally {
    useOwnKernels(true);
  }
  return lines;
}

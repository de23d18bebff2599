import { initBackend } from '../engine/backend';
import { measureSpeed } from '../engine/experiment/measure-speed';
import { archBenchModels, randomBenchData } from './bench-models';

// Issue 10: what the paper's architectures cost. Training (SGD with momentum, batch 64, BatchNorm in training mode)
// and forward (evaluation mode) samples/s on 32×32×3 inputs, at the widths a browser run would use.

/** One warm-up epoch, then a timed epoch of training and a timed forward pass over the same samples. */
export async function benchArchitectures(backend: 'wasm' | 'cpu', samples: number): Promise<string[]> {
  const chosen = await initBackend(backend);
  const lines: string[] = [];
  for (const { label, spec, optimizer } of archBenchModels) {
    const s = await measureSpeed(spec, randomBenchData(spec, samples), optimizer, 1);
    lines.push(`${chosen.name.padEnd(5)} ${label.padEnd(16)} [${String(s.parameters).padStart(8)} params]: training ${s.train.toFixed(1).padStart(7)} samples/s, forward ${s.forward.toFixed(0).padStart(6)} samples/s`);
  }
  return lines;
}

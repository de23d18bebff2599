import { initBackend } from '../engine/backend';
import { measureSpeed } from '../engine/experiment/measure-speed';
import type { CnnSpec } from '../engine/model/spec';
import { cnnBenchModels, randomBenchData } from './bench-models';
import { torchSpeed } from './bench-torch';

/** Training and forward samples/s of the engine's own loop (Adam, batch 64), after one warm-up epoch. */
export async function benchTraining(backend: 'wasm' | 'cpu', samples: number): Promise<string[]> {
  const chosen = await initBackend(backend);
  const lines: string[] = [];
  for (const { label, spec, optimizer } of cnnBenchModels) {
    const s = await measureSpeed(spec, randomBenchData(spec, samples), optimizer, 2);
    lines.push(`${chosen.name.padEnd(5)} ${label} [${s.parameters} params]: training ${s.train.toFixed(0)} samples/s, forward ${s.forward.toFixed(0)} samples/s`);
    // wasm in Node is single-threaded, so PyTorch runs on one thread too: the target is >= 1.0x at equal threads.
    if (chosen.name === 'wasm') lines.push(torchLine(spec as CnnSpec, samples, 1, s.train, s.forward));
  }
  return lines;
}

/** The same CNN in PyTorch on `threads` threads, right after ours, and the ratio ours/PyTorch. */
export function torchLine(spec: CnnSpec, samples: number, threads: number, trainRate: number, fwdRate: number): string {
  const t = torchSpeed(spec, samples, threads);
  if (typeof t === 'string') return `      PyTorch: ${t}`;
  return `      PyTorch ${t.version}, ${t.threads} thread${t.threads === 1 ? '' : 's'}: training ${t.train.toFixed(0)} samples/s, forward ${t.forward.toFixed(0)} samples/s; ours/PyTorch training ${(trainRate / t.train).toFixed(2)}x, forward ${(fwdRate / t.forward).toFixed(2)}x`;
}

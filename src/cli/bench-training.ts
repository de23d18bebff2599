import { initBackend } from '../engine/backend';
import { measureSpeed } from '../engine/experiment/measure-speed';
import { useOwnKernels } from '../engine/kernels/own-kernels';
import type { KernelChoice } from '../headless/bench-protocol';
import type { CnnSpec } from '../engine/model/spec';
import { cnnBenchModels, randomBenchData } from './bench-models';
import { torchSpeed } from './bench-torch';

/**
 * Training and forward samples/s of the engine's own loop (Adam, batch 64), after one warm-up epoch, with our CPU
 * kernels or tfjs's stock ones (each in turn when both are asked for: before and after, on the same machine).
 */
export async function benchTraining(backend: 'wasm' | 'cpu', samples: number, kernels: KernelChoice[] = ['own']): Promise<string[]> {
  const chosen = await initBackend(backend);
  const lines: string[] = [];
  try {
    for (const { label, spec, optimizer } of cnnBenchModels) {
      let own: { train: number; forward: number } | null = null;
      for (const k of kernels) {
        useOwnKernels(k === 'own');
        const s = await measureSpeed(spec, randomBenchData(spec, samples), optimizer, 2);
        if (k === 'own') own = s;
        lines.push(`${chosen.name.padEnd(5)} ${k.padEnd(5)} ${label} [${s.parameters} params]: training ${s.train.toFixed(0)} samples/s, forward ${s.forward.toFixed(0)} samples/s`);
      }
      // wasm in Node is single-threaded, so PyTorch runs on one thread too: the target is >= 1.0x at equal threads.
      if (chosen.name === 'wasm' && own) lines.push(torchLine(spec as CnnSpec, samples, 1, own.train, own.forward));
    }
  } finally {
    useOwnKernels(true);
  }
  return lines;
}

/** The same CNN in PyTorch on `threads` threads, right after ours, and the ratio ours/PyTorch. */
export function torchLine(spec: CnnSpec, samples: number, threads: number, trainRate: number, fwdRate: number): string {
  const t = torchSpeed(spec, samples, threads);
  if (typeof t === 'string') return `      PyTorch: ${t}`;
  const runs = t.trainRuns.map((r) => r.toFixed(0)).join(', ');
  return `      PyTorch ${t.version}, ${t.threads} thread${t.threads === 1 ? '' : 's'}, best of ${t.trainRuns.length} processes (training ${runs}): training ${t.train.toFixed(0)} samples/s, forward ${t.forward.toFixed(0)} samples/s; ours/PyTorch training ${(trainRate / t.train).toFixed(2)}x, forward ${(fwdRate / t.forward).toFixed(2)}x`;
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CnnSpec } from '../engine/model/spec';
import { findTorchPython } from './bench-hessian';

export interface TorchSpeed {
  train: number;
  forward: number;
  threads: number;
  version: string;
}

const script = fileURLToPath(new URL('../../scripts/torch_training.py', import.meta.url));

/**
 * The same CNN trained in PyTorch right after ours, on the same machine and thread count (scripts/torch_training.py),
 * or the reason it could not run. Only for the printed ratio: the product never needs Python.
 */
export function torchSpeed(spec: CnnSpec, samples: number, threads: number): TorchSpeed | string {
  const py = findTorchPython();
  if (py === null) return 'PyTorch is not importable (apt-get install -y python3-torch)';
  const args = [script, spec.convFilters.join(','), spec.dense.join(','), String(samples), String(threads)];
  const out = spawnSync(py, args, { encoding: 'utf8' });
  if (out.status !== 0) return `PyTorch run failed: ${out.stderr.trim().split('\n').pop() ?? ''}`;
  return JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as TorchSpeed;
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CnnSpec } from '../engine/model/spec';
import { findTorchPython } from './bench-hessian';

export interface TorchSpeed {
  /** Samples/s. */
  train: number;
  forward: number;
  threads: number;
  version: string;
}

const script = fileURLToPath(new URL('../../scripts/torch_training.py', import.meta.url));

/**
 * glibc's malloc, as PyTorch's CPU allocator uses it here, hands out each large tensor from fresh mmap'd pages, whose
 * page faults are paid again every step: Debian's PyTorch trained the default CNN at 1,500-2,300 or at 4,000-6,000
 * samples/s depending on the process (one thread, same machine, minutes apart). Large blocks kept in the heap and backed
 * by huge pages, it ran at 4,400-6,200 in every process: the steady, fast PyTorch a ratio should be taken against.
 */
const STEADY_MALLOC = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=1073741824';

/**
 * The same CNN trained in PyTorch on this machine at a thread count (scripts/torch_training.py), in a fresh process,
 * or the reason it could not run. The benches run one after each run of ours (bench-against-torch.ts). Only for the
 * printed ratio: the product never needs Python.
 */
export function torchSpeed(spec: CnnSpec, samples: number, threads: number): TorchSpeed | string {
  const py = findTorchPython();
  if (py === null) return 'PyTorch is not importable (apt-get install -y python3-torch)';
  const args = [script, spec.convFilters.join(','), spec.dense.join(','), String(samples), String(threads)];
  const out = spawnSync(py, args, { encoding: 'utf8', env: { ...process.env, GLIBC_TUNABLES: STEADY_MALLOC } });
  if (out.status !== 0) return `PyTorch run failed: ${out.stderr.trim().split('\n').pop() ?? ''}`;
  const { train, forward, threads: used, version } = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as TorchSpeed;
  return { train, forward, threads: used, version };
}

import type { TorchSpeed } from './bench-torch';

/** Training and forward samples/s of one run of ours. */
export interface Speed {
  train: number;
  forward: number;
}

/**
 * Ours and PyTorch in turn, `rounds` times: our run, then one fresh PyTorch process on the same CNN, samples and
 * thread count (`torch`: torchSpeed with one process), and again. This VM's speed swings 10-50% from one minute to the next; a ratio of one run of ours to
 * the PyTorch processes run after it read 0.80x where the runs a minute apart read 1.1-1.2x. Alternated, a slow minute
 * slows one round of both sides, and the best of each side are runs taken minutes apart under the same conditions.
 * PyTorch's string: why it could not run (the rounds of ours still run).
 */
export async function alternateWithTorch(ours: () => Promise<Speed>, torch: () => TorchSpeed | string, rounds: number): Promise<{ ours: Speed[]; torch: TorchSpeed[] | string }> {
  const mine: Speed[] = [];
  const theirs: TorchSpeed[] = [];
  let failed: string | null = null;
  for (let r = 0; r < rounds; r++) {
    mine.push(await ours());
    if (failed !== null) continue;
    const t = torch();
    if (typeof t === 'string') failed = t;
    else theirs.push(t);
  }
  return { ours: mine, torch: failed ?? theirs };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const rates = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const best = (xs: number[]) => Math.max(...xs);

/**
 * The ratio ours/PyTorch of the best run of each (training and forward), each side's runs, and each round's ratio
 * (our run over the PyTorch process right after it), so a round a slow minute caught shows as what it is.
 */
export function againstTorchLine(ours: Speed[], torch: TorchSpeed[] | string): string {
  if (typeof torch === 'string') return `      PyTorch: ${torch}`;
  const t = torch[0];
  const train = best(ours.map((s) => s.train)) / best(torch.map((s) => s.train));
  const forward = best(ours.map((s) => s.forward)) / best(torch.map((s) => s.forward));
  const rounds = torch.map((s, r) => `${(ours[r].train / s.train).toFixed(2)}x`).join(', ');
  return (
    `      PyTorch ${t.version}, ${t.threads} thread${t.threads === 1 ? '' : 's'}, ${plural(torch.length, 'process', 'processes')} alternated with ${plural(ours.length, 'run', 'runs')} of ours: ` +
    `training ours ${rates(ours.map((s) => s.train))}, PyTorch ${rates(torch.map((s) => s.train))} samples/s; forward ours ${rates(ours.map((s) => s.forward))}, PyTorch ${rates(torch.map((s) => s.forward))}; ` +
    `ours/PyTorch (best of each) training ${train.toFixed(2)}x, forward ${forward.toFixed(2)}x; training round by round ${rounds}`
  );
}

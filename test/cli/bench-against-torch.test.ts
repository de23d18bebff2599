import { describe, expect, it } from 'vitest';
import { againstTorchLine, alternateWithTorch, type Speed } from '../../src/cli/bench-against-torch';
import type { TorchSpeed } from '../../src/cli/bench-torch';

const torchRun = (train: number, forward = 2 * train): TorchSpeed => ({ train, forward, threads: 1, version: '1.13' });

describe('ours against PyTorch, alternated (bench --rounds)', () => {
  it('runs ours and PyTorch in turn, round by round', async () => {
    const order: string[] = [];
    let n = 0;
    const ours = async (): Promise<Speed> => {
      order.push(`ours ${++n}`);
      return { train: 100 * n, forward: 300 };
    };
    const { ours: mine, torch } = await alternateWithTorch(ours, () => (order.push('torch'), torchRun(100)), 3);
    expect(order).toEqual(['ours 1', 'torch', 'ours 2', 'torch', 'ours 3', 'torch']);
    expect(mine.map((s) => s.train)).toEqual([100, 200, 300]);
    expect(torch).toHaveLength(3);
  });

  it('keeps running ours when PyTorch cannot run, and says why once', async () => {
    let calls = 0;
    const { ours, torch } = await alternateWithTorch(async () => ({ train: 1, forward: 1 }), () => (calls++, 'PyTorch is not importable'), 3);
    expect(ours).toHaveLength(3);
    expect(calls).toBe(1);
    expect(againstTorchLine(ours, torch)).toBe('      PyTorch: PyTorch is not importable');
  });

  it('takes the ratio between the best run of each side, and prints every round', () => {
    const line = againstTorchLine(
      [
        { train: 3000, forward: 9000 },
        { train: 4400, forward: 12000 },
        { train: 4300, forward: 11000 },
      ],
      [torchRun(3900, 9000), torchRun(3700, 8000), torchRun(4000, 9600)],
    );
    expect(line).toContain('training ours 3000, 4400, 4300, PyTorch 3900, 3700, 4000 samples/s');
    expect(line).toContain('(best of each) training 1.10x, forward 1.25x');
    // Round by round: each run of ours over the PyTorch process right after it.
    expect(line).toContain('training round by round 0.77x, 1.19x, 1.07x');
  });
});

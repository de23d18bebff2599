import * as tf from '@tensorflow/tfjs';

/** Mean milliseconds of `run` over `repeats` calls after `warmup`, each result read back (its first tensor) and freed. */
export async function meanMs(run: () => tf.Tensor | tf.Tensor[], repeats: number, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) tf.dispose(run());
  const t0 = performance.now();
  for (let i = 0; i < repeats; i++) {
    const r = run();
    await (Array.isArray(r) ? r[0] : r).data();
    tf.dispose(r);
  }
  return (performance.now() - t0) / repeats;
}

/** What tf.profile resolves to (tfjs does not export its type). */
export type Profile = Awaited<ReturnType<typeof tf.profile>>;

export interface KernelStats {
  /** Kernel milliseconds and calls per profiled run, by kernel name, the costliest first (those under 0.1 ms left out). */
  top: Array<{ name: string; ms: number; calls: number }>;
  /** All kernels' milliseconds and calls per profiled run. */
  total: number;
  calls: number;
}

/** tf.profile's kernels of several runs of the same work, averaged per run and summed by kernel name. */
export function kernelStats(profiles: Profile[]): KernelStats {
  const byName = new Map<string, { ms: number; calls: number }>();
  for (const profile of profiles)
    for (const k of profile.kernels) {
      if (k.name === 'unnamed scope' || k.name === 'backward') continue; // custom-gradient scopes: their kernels are counted
      const e = byName.get(k.name) ?? { ms: 0, calls: 0 };
      e.ms += (k.kernelTimeMs as number) / profiles.length;
      e.calls += 1 / profiles.length;
      byName.set(k.name, e);
    }
  const all = [...byName.entries()].map(([name, e]) => ({ name, ...e }));
  return {
    top: all.sort((a, b) => b.ms - a.ms).filter((e) => e.ms >= 0.1),
    total: all.reduce((s, e) => s + e.ms, 0),
    calls: all.reduce((s, e) => s + e.calls, 0),
  };
}

/**
 * `time(own)` with tfjs's kernels (false) and ours (true), alternated, the faster of two each (this machine's speed
 * drifts between seconds); ours is not timed (0) where it does not take the work.
 */
export function xnnpackAgainstOurs(time: (own: boolean) => number, takes: boolean): { xnn: number; ours: number } {
  const [xnn1, ours1, xnn2, ours2] = takes ? [time(false), time(true), time(false), time(true)] : [time(false), 0, time(false), 0];
  return { xnn: Math.min(xnn1, xnn2), ours: Math.min(ours1, ours2) };
}

/** A bench line: `head` (XNNPACK's time), then ours and the ratio, or that the work is left to XNNPACK. */
export function againstOursLine(head: string, takes: boolean, xnn: number, ours: number, ms: string, gflop: string): string {
  return takes ? `${head}, ours ${ms} ms (${gflop}) ${(xnn / ours).toFixed(2)}x` : `${head}, left to XNNPACK`;
}

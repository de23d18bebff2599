import { join } from 'node:path';
import type { Config } from '../engine/contract/config';
import type { ShardInfo } from '../engine/contract/results';
import { planPieces, shardOwners, type SweepPiece } from '../engine/experiment/sweep-pieces';
import type { ExperimentArgs } from './args';

/** One config's share of this invocation: what to run, where to write it, and its shard record. */
export interface SweepJob {
  /** The grid config's name; null for a single config. */
  name: string | null;
  config: Config;
  pieces: SweepPiece[];
  out: string;
  /** Written into the partial Results when sharding; null otherwise. */
  shard: ShardInfo | null;
  /** The whole plan's size, for the "nothing to do" note. */
  planned: number;
}

/**
 * What this invocation runs. One config: its plan split --shard's n ways (rates split too when n is more than its
 * dense models), written to --out. A grid: each config's plan unsplit, all configs' pieces dealt out together, each
 * config written to <out>/<name> (or <out>/<name>/shard-<i> when sharding), to merge per config.
 */
export function sweepJobs(args: ExperimentArgs): SweepJob[] {
  const { shard } = args;
  const configs = args.grid ?? [{ name: null, config: args.config }];
  const plans = configs.map((c) => planPieces(c.config, args.grid ? 1 : (shard?.count ?? 1)));
  const owners = shardOwners(plans, shard?.count ?? 1);
  return configs.map(({ name, config }, c) => {
    const plan = plans[c];
    const pieces = shard ? plan.filter((_, k) => owners[c][k] === shard.index) : plan;
    const folder = name === null ? args.out : join(args.out, name, ...(shard ? [`shard-${shard.index}`] : []));
    const info: ShardInfo | null = shard ? { index: shard.index, count: shard.count, pieces: pieces.map((p) => p.id), plan: plan.map((p) => p.id), owners: owners[c] } : null;
    return { name, config, pieces, out: folder, shard: info, planned: plan.length };
  });
}

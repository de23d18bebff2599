import { configSeeds, prunedRates, type Config } from '../contract/config';
import { plannedModes, plannedVariants, denseVariantOf, type DenseVariant, type PlannedMode } from './sweep-plan';

/**
 * An independent share of a sweep: one seed's dense model of one variant (plain, or mitigated with one version), the
 * modes that prune it, and the pruned rates it measures. Pieces never read each other's results: every random draw
 * is derived from the seed (random.ts) and the data split from config.seed, so a piece gives the same numbers alone
 * as inside the whole sweep. That is what makes sharding (--shard) and parallel jobs (--jobs) exact.
 */
export interface SweepPiece {
  /** Stable name, e.g. "seed 2 · plain · rates 0.3,0.5" (a merge checks pieces by it). */
  id: string;
  seed: number;
  variant: DenseVariant;
  /** The pruned rates this piece measures, ascending. */
  rates: number[];
  /** Whether this piece reports the dense runs (rate 0) of its modes: the first rate chunk of its (seed, variant). */
  withDense: boolean;
}

const pieceId = (seed: number, variant: DenseVariant, rates: number[], chunked: boolean) =>
  `seed ${seed} · ${variant}${chunked ? ` · rates ${rates.join(',')}` : ''}`;

/** Splits `items` into `k` contiguous chunks of near-equal size, the earlier chunks the larger. */
function chunks<T>(items: T[], k: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let c = 0; c < k; c++) {
    const size = Math.floor(items.length / k) + (c < items.length % k ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/**
 * The pieces of a sweep split `shards` ways, in the serial sweep's order (seed, then variant). The split is on seed and
 * dense variant first, so no dense model is trained twice. Only when there are fewer (seed, variant) pairs than
 * shards are a pair's rates split into chunks, and then every chunk retrains the pair's dense model: the same
 * weights (the training is seeded), paid again, which is the price of using more machines than the sweep has dense
 * models. With hessian.when = 'all' a chunk's λ(H_a) power iterations start warm from the dense model instead of
 * the previous rate, so λ(H_a) agrees with a serial run within hessian.tolerance rather than to the last bit.
 */
export function planPieces(config: Config, shards = 1): SweepPiece[] {
  const pairs = configSeeds(config).flatMap((seed) => plannedVariants(config).map((variant) => ({ seed, variant })));
  const rates = prunedRates(config);
  const perPair = shards > pairs.length ? Math.min(Math.max(1, rates.length), Math.ceil(shards / pairs.length)) : 1;
  return pairs.flatMap(({ seed, variant }) =>
    chunks(rates, perPair).map((part, c) => ({ id: pieceId(seed, variant, part, perPair > 1), seed, variant, rates: part, withDense: c === 0 })),
  );
}

/**
 * The shard (0-based, of `count`) that runs each piece of each plan, the plans taken as one list: every count-th piece
 * from a shard's index, so each shard gets a mix of seeds and, in a grid, of configs.
 */
export function shardOwners(plans: SweepPiece[][], count: number): number[][] {
  let k = 0;
  return plans.map((plan) => plan.map(() => k++ % count));
}

/** The pieces of one plan that shard `index` of `count` runs. */
export function shardPieces(plan: SweepPiece[], index: number, count: number): SweepPiece[] {
  const [owners] = shardOwners([plan], count);
  return plan.filter((_, k) => owners[k] === index);
}

/** The modes a piece runs: those that prune its dense variant. */
export function pieceModes(config: Config, piece: SweepPiece): PlannedMode[] {
  return plannedModes(config).filter((p) => denseVariantOf(p) === piece.variant);
}

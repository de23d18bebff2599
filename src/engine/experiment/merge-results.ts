import type { Results } from '../contract/results';
import { computeCorrelations } from './correlations';
import { firstDifference } from './first-difference';
import { sortRuns, sortTraining } from './sweep-order';

/** One shard's Results and the file it came from (named in every message). */
export interface ShardFile {
  file: string;
  results: Results;
}

export type MergeOutcome = { ok: true; results: Results } | { ok: false; error: string };

/** The files each piece id occurs in. */
function piecesByFile(shards: ShardFile[]): Map<string, string[]> {
  const byPiece = new Map<string, string[]>();
  for (const s of shards) for (const id of s.results.shard?.pieces ?? []) byPiece.set(id, [...(byPiece.get(id) ?? []), s.file]);
  return byPiece;
}

/** Why these files cannot be merged, or null: every check names the files and the difference. */
function refusal(shards: ShardFile[]): string | null {
  if (!shards.length) return 'no shard files given';
  const notShard = shards.find((s) => !s.results.shard);
  if (notShard) return `${notShard.file} is not a shard's partial Results (it has no "shard" field: was it run with --shard i/n?)`;
  const unfinished = shards.find((s) => s.results.status !== 'complete');
  if (unfinished) return `${unfinished.file} did not finish (status ${unfinished.results.status}${unfinished.results.error ? `: ${unfinished.results.error}` : ''}); re-run that shard`;
  const [first, ...rest] = shards;
  for (const s of rest) {
    const config = firstDifference(first.results.config, s.results.config, '');
    if (config) return `${s.file} comes from another config than ${first.file}: ${config}`;
    const plan = firstDifference(first.results.shard?.plan, s.results.shard?.plan, 'plan');
    if (plan || first.results.shard?.count !== s.results.shard?.count) {
      return `${s.file} was split ${s.results.shard?.count} ways and ${first.file} ${first.results.shard?.count} ways: shards of one sweep share --shard's n`;
    }
  }
  const byPiece = piecesByFile(shards);
  const duplicated = [...byPiece].find(([, files]) => files.length > 1);
  if (duplicated) return `piece "${duplicated[0]}" is in more than one file (${duplicated[1].join(', ')}): is a shard given twice?`;
  const { plan, count, owners } = first.results.shard as NonNullable<Results['shard']>;
  const missing = plan.map((id, k) => ({ id, shard: owners?.[k] ?? k % count })).filter((p) => !byPiece.has(p.id));
  if (missing.length) {
    const shardsMissing = [...new Set(missing.map((m) => m.shard))].map((i) => `${i}/${count}`);
    return `missing shard${shardsMissing.length > 1 ? 's' : ''} ${shardsMissing.join(', ')} (pieces: ${missing.map((m) => m.id).join('; ')})`;
  }
  return null;
}

/**
 * The shards of one sweep (--shard i/n) → one Results, as the unsharded sweep would have written it: runs and curves
 * in the serial order, correlations recomputed over all runs. Refuses, naming the difference, shards of different
 * configs or splits, a missing or duplicated shard, and a shard that did not finish.
 */
export function mergeResults(shards: ShardFile[]): MergeOutcome {
  const why = refusal(shards);
  if (why) return { ok: false, error: why };
  return { ok: true, results: joinResults(shards.map((s) => s.results)) };
}

/**
 * Partial Results of one config's pieces → one Results: runs and curves in the serial order, correlations over all
 * runs, durationMs the sum of the parts' times (machine time, not wall time), the status the worst part's. No
 * checks: mergeResults checks files from elsewhere; parallel jobs (--jobs) join what they ran themselves.
 */
export function joinResults(all: Results[]): Results {
  const config = all[0].config;
  const runs = sortRuns(config, all.flatMap((r) => r.runs));
  const backends = [...new Set(all.map((r) => r.backend.name))];
  const dataset = all.find((r) => r.dataset.groupNames.length)?.dataset ?? all[0].dataset;
  const results: Results = {
    ...all[0],
    backend: { name: backends.join('+'), fallbackReason: all.map((r) => r.backend.fallbackReason).find((f) => f) ?? null },
    createdAt: all.map((r) => r.createdAt).sort()[0],
    durationMs: all.reduce((s, r) => s + r.durationMs, 0),
    dataset,
    runs,
    training: sortTraining(all.flatMap((r) => r.training)),
    correlations: computeCorrelations(runs),
    status: all.find((r) => r.status === 'failed')?.status ?? all.find((r) => r.status === 'cancelled')?.status ?? 'complete',
    error: all.map((r) => r.error).find((e) => e) ?? null,
  };
  delete results.shard;
  return results;
}

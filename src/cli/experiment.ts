import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../engine/contract/events';
import { initBackend } from '../engine/backend';
import { nodeAssetLoader } from '../engine/data/node-assets';
import { runExperiment } from '../engine/experiment/run-experiment';
import { planPieces, shardPieces } from '../engine/experiment/sweep-pieces';
import { parseExperimentArgs, UsageError } from './args';
import { formatResults } from './format-results';
import { formatMitigationTables } from './format-tables';
import { runInParallel } from './parallel-run';
import { progressBar } from './progress-bar';
import { saveModel, saveSplits } from './save-models';

async function main(): Promise<number> {
  let args;
  try {
    args = await parseExperimentArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  await mkdir(args.out, { recursive: true });
  const { config, shard } = args;
  const plan = planPieces(config, shard?.count ?? 1);
  const pieces = shard ? shardPieces(plan, shard.index, shard.count) : plan;
  if (shard && !pieces.length) process.stderr.write(`note: shard ${shard.index}/${shard.count} has no work: the sweep has only ${plan.length} pieces\n`);
  // Parallel jobs only where there are pieces to spread; one job runs here, without a worker thread.
  const jobs = Math.max(1, Math.min(args.jobs ?? availableParallelism(), pieces.length));
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const onEvent = args.quiet ? undefined : progressBar();
  let results;
  if (jobs > 1) {
    results = await runInParallel(config, pieces, { jobs, signal: controller.signal, onEvent, saveTo: args.saveModels ? args.out : null });
  } else {
    const backend = await initBackend(config.backend === 'auto' ? 'wasm' : config.backend);
    if (backend.fallbackReason) process.stderr.write(`note: ${backend.fallbackReason}\n`);
    results = await runExperiment(config, {
      loadAsset: nodeAssetLoader,
      backend,
      signal: controller.signal,
      pieces,
      onEvent,
      onData: args.saveModels ? (split) => saveSplits(args.out, split) : undefined,
      onModel: args.saveModels ? (m) => saveModel(args.out, m) : undefined,
    });
  }
  if (shard) results = { ...results, shard: { index: shard.index, count: shard.count, pieces: pieces.map((p) => p.id), plan: plan.map((p) => p.id) } };
  const file = join(args.out, 'results.json');
  await writeFile(file, JSON.stringify(results, null, 1));
  process.stdout.write(`${formatResults(results)}${formatMitigationTables(results)}\nwrote ${file} (${(results.durationMs / 1000).toFixed(1)} s)\n`);
  return results.status === 'complete' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`error: ${errorMessage(e)}\n`);
    process.exit(1);
  },
);

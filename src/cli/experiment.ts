import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import { parseExperimentArgs, UsageError, type ExperimentArgs } from './args';
import { formatResults } from './format-results';
import { formatMitigationTables } from './format-tables';
import { runInParallel } from './parallel-run';
import { progressBar } from './progress-bar';
import { runInBrowser } from './browser-run';
import { runPieces } from './run-pieces';
import { sweepJobs, type SweepJob } from './sweep-jobs';

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
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  let failed = false;
  const all = sweepJobs(args);
  if (args.shard && all.every((j) => !j.pieces.length)) {
    process.stderr.write(`note: shard ${args.shard.index}/${args.shard.count} has no work: the sweep has only ${all.reduce((s, j) => s + j.planned, 0)} pieces\n`);
  }
  for (const job of all) {
    // A grid's shard runs only the configs it holds pieces of; a single config's shard writes its (empty) share.
    if (job.name && !job.pieces.length) continue;
    if (job.name) process.stdout.write(`\n== ${job.name}\n`);
    const results = await runJob(job, args, controller.signal);
    failed ||= results.status !== 'complete';
    if (controller.signal.aborted) break;
  }
  return failed ? 1 : 0;
}

/** Runs one config's pieces (in worker threads when --jobs allows), writes its results.json and prints its tables. */
async function runJob(job: SweepJob, args: ExperimentArgs, signal: AbortSignal): Promise<Results> {
  const { config, pieces, out } = job;
  await mkdir(out, { recursive: true });
  // Parallel jobs only where there are pieces to spread; one job runs here, without a worker thread.
  const jobs = Math.max(1, Math.min(args.jobs ?? availableParallelism(), pieces.length));
  const onEvent = args.quiet ? undefined : progressBar();
  let results: Results;
  if (args.browser) {
    results = await runInBrowser(config, {
      gpu: args.gpu,
      signal,
      onEvent,
      onBackend: (b) => process.stderr.write(`browser backend: ${b.name}${b.threads ? ` (${b.threads} threads)` : ''}${b.fallbackReason ? ` — ${b.fallbackReason}` : ''}\n`),
    });
  } else if (jobs > 1) {
    results = await runInParallel(config, pieces, { jobs, signal, onEvent, saveTo: args.saveModels ? out : null });
  } else {
    results = await runPieces({ config, pieces, saveTo: args.saveModels ? out : null, saveSplits: true }, signal, onEvent, (backend) => {
      if (backend.fallbackReason) process.stderr.write(`note: ${backend.fallbackReason}\n`);
    });
  }
  if (job.shard) results = { ...results, shard: job.shard };
  const file = join(out, 'results.json');
  await writeFile(file, JSON.stringify(results, null, 1));
  process.stdout.write(`${formatResults(results)}${formatMitigationTables(results)}\nwrote ${file} (${(results.durationMs / 1000).toFixed(1)} s)\n`);
  return results;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`error: ${errorMessage(e)}\n`);
    process.exit(1);
  },
);

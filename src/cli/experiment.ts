import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../engine/contract/events';
import { initBackend } from '../engine/backend';
import { nodeAssetLoader } from '../engine/data/node-assets';
import { runExperiment } from '../engine/experiment/run-experiment';
import { parseExperimentArgs, UsageError } from './args';
import { formatResults } from './format-results';
import { formatMitigationTables } from './format-tables';
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
  const backend = await initBackend(args.config.backend === 'auto' ? 'wasm' : args.config.backend);
  if (backend.fallbackReason) process.stderr.write(`note: ${backend.fallbackReason}\n`);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const results = await runExperiment(args.config, {
    loadAsset: nodeAssetLoader,
    backend,
    signal: controller.signal,
    onEvent: args.quiet ? undefined : progressBar(),
    onData: args.saveModels ? (split) => saveSplits(args.out, split) : undefined,
    onModel: args.saveModels ? (m) => saveModel(args.out, m) : undefined,
  });
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

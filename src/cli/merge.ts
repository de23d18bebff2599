// npm run merge -- out/shard-*/results.json --out out/all: the shards of one sweep (--shard i/n) → one Results,
// with correlations recomputed, as the unsharded sweep writes it. Refusals are one line and exit code 2.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '../engine/contract/events';
import { parseResults } from '../engine/contract/results';
import { mergeResults, type ShardFile } from '../engine/experiment/merge-results';
import { formatResults } from './format-results';
import { formatMitigationTables } from './format-tables';

const usage = 'usage: npm run merge -- <shard results.json> ... --out <dir>';

async function readShard(file: string): Promise<ShardFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${errorMessage(e)}`, { cause: e });
  }
  const parsed = parseResults(json);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return { file, results: parsed.results };
}

async function main(): Promise<number> {
  let values: { out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true, options: { out: { type: 'string' } } }));
  } catch (e) {
    process.stderr.write(`error: ${errorMessage(e).split('\n')[0]}\n${usage}\n`);
    return 2;
  }
  if (!values.out || !positionals.length) {
    process.stderr.write(`error: give the shards' results.json files and --out <dir>\n${usage}\n`);
    return 2;
  }
  let merged;
  try {
    const outcome = mergeResults(await Promise.all(positionals.map(readShard)));
    if (!outcome.ok) throw new Error(outcome.error);
    merged = outcome.results;
  } catch (e) {
    process.stderr.write(`error: ${errorMessage(e)}\n`);
    return 2;
  }
  await mkdir(values.out, { recursive: true });
  const file = join(values.out, 'results.json');
  await writeFile(file, JSON.stringify(merged, null, 1));
  process.stdout.write(`${formatResults(merged)}${formatMitigationTables(merged)}\nmerged ${positionals.length} shards (${merged.runs.length} runs) into ${file}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`error: ${errorMessage(e)}\n`);
    process.exit(1);
  },
);

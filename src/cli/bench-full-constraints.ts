// How well the full mitigation (Eq. 7) sees its constraints: for a preset's pruned model, both where "Fair Aft
// Pruning" starts (pruned, before fine-tuning) and where plain fine-tuning ends (mode none), the exact relative gaps (||g_a|| − ||g||)/||g|| on the whole training split against the ones the
// full objective estimates from `fullSamples` samples per group, over many seeded draws. Run:
//   npx tsx src/cli/bench-full-constraints.ts [--preset full-vs-relaxed] [--rate 0.9] [--samples 32,128] [--draws 20] [--seed 1]
// Prints, per group: exact ||g_a||, the mean (and sd) of the estimate, and the exact and mean estimated relative gap.

import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { configSchema } from '../engine/contract/config';
import { findPreset } from '../engine/contract/presets';
import { gatherBatch, toBatchTensors } from '../engine/data/batch-tensors';
import { groupIndices } from '../engine/data/dataset';
import { nodeAssetLoader } from '../engine/data/node-assets';
import { runExperiment, type MeasuredModel } from '../engine/experiment/run-experiment';
import type { ExperimentSession } from '../engine/experiment/sweep-context';
import { gradNorms } from '../engine/metrics/grad-norm';
import { fullConstraintTerms } from '../engine/mitigate/full-constraints';
import { toTensors } from '../engine/model/params';
import { pruneWeights } from '../engine/prune/prune';
import { createRng, deriveSeed, subsample } from '../engine/random';
import { textTable } from './text-table';

const { values } = parseArgs({ options: { preset: { type: 'string', default: 'full-vs-relaxed' }, rate: { type: 'string', default: '0.9' }, samples: { type: 'string', default: '32' }, draws: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' } } });
const found = findPreset(values.preset as string);
if (!found) throw new Error(`unknown preset ${values.preset}`);
const preset = found;
const seed = Number(values.seed);
const rate = Number(values.rate);
const draws = Number(values.draws);
const sampleSizes = String(values.samples).split(',').map(Number);
const config = configSchema.parse({ ...preset.config, seeds: 1, seed, prune: { ...(preset.config.prune ?? {}), rates: [rate] }, mitigation: { modes: ['none'] }, hessian: { when: 'off' } });

await initBackend('wasm');
let session: ExperimentSession | null = null;
let fineTuned: MeasuredModel | null = null;
await runExperiment(config, {
  loadAsset: nodeAssetLoader,
  backend: { name: 'wasm', fallbackReason: null },
  onSession: (s) => (session = s),
  onModel: (m) => {
    if (m.rate === rate) fineTuned = m;
  },
});
const kept = session as ExperimentSession | null;
if (!kept) throw new Error('the run kept no session');
const s: ExperimentSession = kept;
const dense = s.dense.get(seed);
if (!dense) throw new Error('no dense model');
const train = s.split.train;
const pruned = pruneWeights(dense.weights, rate, config.prune.method, { pruneBiases: config.prune.pruneBiases, seed: deriveSeed(seed, 'prune') });
const groups = train.groupNames.map((_, a) => groupIndices(train, a));
const weights = groups.map((g) => g.length / train.labels.length);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

async function probe(label: string, params: tf.Tensor[]) {
  const exact = await gradNorms(s.spec, params, train);
  const relExact = exact.perGroup.map((n) => (n - exact.overall) / exact.overall);
  console.log(`\n== ${preset.id}, seed ${seed}, ${label}; train sizes ${groups.map((g) => g.length).join('/')}; exact ||g|| = ${exact.overall.toFixed(3)}`);
  for (const k of sampleSizes) {
    const est: number[][] = groups.map(() => []);
    const overall: number[] = [];
    const rel: number[][] = groups.map(() => []);
    for (let d = 0; d < draws; d++) {
      const batch = groups.map((m, a) => {
        const pick = subsample(m.length, k, createRng(seed, 'probe', k, d, a));
        return { ...toBatchTensors(gatherBatch(train, Int32Array.from(pick, (i) => m[i])), s.spec.inputShape), weight: weights[a] };
      });
      const terms = fullConstraintTerms(s.spec, params, batch, null);
      const g = await terms.gradNorm.data();
      const o = (await terms.overallGradNorm.data())[0];
      tf.dispose([terms.gradNorm, terms.overallGradNorm, ...batch.flatMap((b) => [b.x, b.labels])]);
      overall.push(o);
      g.forEach((v, a) => {
        est[a].push(v);
        rel[a].push((v - o) / o);
      });
    }
    console.log(`\n${k} samples per group, ${draws} draws; estimated ||g|| = ${mean(overall).toFixed(3)}±${sd(overall).toFixed(3)}`);
    console.log(
      textTable(
        ['group', 'exact ||g_a||', 'estimate', 'exact rel. gap', 'estimated rel. gap'],
        train.groupNames.map((name, a) => [name, exact.perGroup[a].toFixed(3), `${mean(est[a]).toFixed(3)}±${sd(est[a]).toFixed(3)}`, relExact[a].toFixed(2), `${mean(rel[a]).toFixed(2)}±${sd(rel[a]).toFixed(2)}`]),
      ),
    );
  }
}

const atStart = toTensors(pruned.weights);
await probe(`pruned at ${rate}, before fine-tuning`, atStart);
tf.dispose(atStart);
const ended = fineTuned as MeasuredModel | null;
if (ended) {
  const atEnd = toTensors(ended.weights);
  await probe(`pruned at ${rate}, after plain fine-tuning (${config.prune.fineTuneEpochs} epochs)`, atEnd);
  tf.dispose(atEnd);
}

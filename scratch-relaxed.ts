import { initBackend } from '/work/main/src/engine/backend';
import { generateSynthetic } from '/work/main/src/engine/data/synthetic';
import { syntheticDataSchema, mitigationSchema } from '/work/main/src/engine/experiment/config';
import { createMitigationObjective } from '/work/main/src/engine/mitigate/mitigation-objective';
import { initWeights } from '/work/main/src/engine/model/params';
import { train } from '/work/main/src/engine/train/train-loop';
import type { ModelSpec } from '/work/main/src/engine/model/spec';

await initBackend('wasm');
const data = generateSynthetic(syntheticDataSchema.parse({ kind: 'synthetic', numClasses: 3, numGroups: 2, groupShares: [1, 0.15], groupDifficulty: [0.2, 0.7], samples: 600, imageSize: 8 }), 1);
const spec: ModelSpec = { kind: 'cnn', inputShape: data.imageShape, numClasses: 3, convFilters: [4, 8], dense: [16, 16], activation: 'relu' };
const version = (process.argv[2] ?? 'relaxed') as 'relaxed' | 'full';
const settings = mitigationSchema.parse({ lambdaCap: Number(process.argv[4] ?? 10), dualStep: Number(process.argv[3] ?? 1), dualEvery: 5, warmup: 10, version, fullEvery: 2, fullSamples: 16 });
for (const mit of [false, true]) {
  const obj = mit ? createMitigationObjective({ settings, spec, data, seed: 1 }) : undefined;
  const t0 = Date.now();
  const r = await train({ spec, data, weights: initWeights(spec, 1), epochs: 10, batchSize: 32, seed: 2, optimizer: 'adam', learningRate: 0.01, momentum: 0.9, phase: 'x', objective: obj, recordEpochs: true });
  const last = r.curve[r.curve.length - 1];
  console.log(mit, Date.now() - t0, 'ms', r.curve.map((e) => e.groups.map((g) => g.loss.toFixed(3)).join('/')).join(' '));
  console.log('acc', last.groups.map((g) => g.accuracy.toFixed(3)));
  if (obj) { const t = obj.trajectory('dense'); console.log(t.filter((_, i) => i % 6 === 0).map((p) => `${p.step}:${p.lambda.map((l) => l.toFixed(2))}|${p.violation.map((v) => v.toFixed(2))}`).join(' ')); obj.dispose(); }
}

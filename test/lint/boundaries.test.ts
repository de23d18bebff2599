import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import direction of docs/architecture.md is enforced by eslint.config.js. These probes are files that break it,
// linted in memory at the path they would have: each must fail with the rule that guards that boundary.

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('refuses a view that imports the sweep runner', async () => {
    const found = await problems('src/ui/probe.ts', "import { runExperiment } from '../engine/experiment/run-experiment';\nexport const p = runExperiment;\n");
    expect(found.some((m) => m.includes('no-restricted-imports') && m.includes("engine's contract"))).toBe(true);
  });

  it('lets a view import the contract', async () => {
    const found = await problems('src/ui/probe.ts', "import { mitigationModes } from '../engine/contract/config';\nexport const p = mitigationModes;\n");
    expect(found).toEqual([]);
  });

  it('refuses tfjs and the worker in state', async () => {
    expect(await problems('src/state/probe.ts', "import * as tf from '@tensorflow/tfjs';\nexport const p = tf;\n")).not.toEqual([]);
    expect(await problems('src/state/probe.ts', "import { createEngineClient } from '../worker/client';\nexport const p = createEngineClient;\n")).not.toEqual([]);
  });

  it('refuses an engine folder that imports a layer above it', async () => {
    const found = await problems('src/engine/train/probe.ts', "import { evaluateSamples } from '../metrics/evaluate';\nexport const p = evaluateSamples;\n");
    expect(found.some((m) => m.startsWith('import-x/no-restricted-paths'))).toBe(true);
    const fromContract = await problems('src/engine/contract/probe.ts', "import { pruneWeights } from '../prune/prune';\nexport const p = pruneWeights;\n");
    expect(fromContract.some((m) => m.startsWith('import-x/no-restricted-paths'))).toBe(true);
  });

  it('refuses engine internals in the worker but allows the sweep', async () => {
    expect(await problems('src/worker/probe.ts', "import { pruneWeights } from '../engine/prune/prune';\nexport const p = pruneWeights;\n")).not.toEqual([]);
    expect(await problems('src/worker/probe.ts', "import { runExperiment } from '../engine/experiment/run-experiment';\nexport const p = runExperiment;\n")).toEqual([]);
  });

  it('refuses a file name that is not kebab-case', async () => {
    const found = await problems('src/ui/RateSlider.tsx', 'export const p = 1;\n');
    expect(found.some((m) => m.startsWith('check-file/filename-naming-convention'))).toBe(true);
  });

  it('refuses an import cycle', async () => {
    const cycle = new ESLint({ cwd: root, ignore: false });
    const [result] = await cycle.lintFiles(['test/lint/fixtures/cycle-a.ts']);
    expect(result.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});

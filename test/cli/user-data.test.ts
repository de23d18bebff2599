import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResults } from '../../src/engine/contract/results';
import { solidJpeg, targz } from '../helpers/image-fixtures';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('a run on user-brought data (--data-dir)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pfp-utk-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  // 150 faces: ethnicity sets the colour (learnable), ages spread over three bins; one file badly named.
  const ages = [25, 35, 65];
  const faces = Array.from({ length: 150 }, (_, i) => {
    const race = i % 5;
    const age = ages[Math.floor(i / 5) % 3];
    return { path: `UTKFace/${age}_${i % 2}_${race}_2017${String(i).padStart(6, '0')}.jpg.chip.jpg`, bytes: solidJpeg([race * 50, 255 - race * 40, (i * 7) % 256], 36, 36) };
  });
  writeFileSync(join(data, 'UTKFace.tar.gz'), targz([...faces, { path: 'UTKFace/broken_name.jpg', bytes: faces[0].bytes }]));
  const config = join(dir, 'utk.json');
  writeFileSync(config, JSON.stringify({
    data: { kind: 'images', source: 'utkface', label: 'ethnicity', group: 'age', side: 24, samples: 150 },
    model: { convFilters: [2, 4], dense: [8, 8] },
    train: { epochs: 2, batchSize: 32, learningRate: 0.01 },
    prune: { rates: [0.5], fineTuneEpochs: 0 },
    hessian: { when: 'off' },
  }));

  it('reads the archive, reports what it read and skipped, and measures label ethnicity over age groups', () => {
    const r = cli('--config', config, '--data-dir', data, '--out', join(dir, 'out'), '--quiet', '--jobs', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/read 150 utkface images \(24×24 RGB\) from .* skipped 1 files/);
    expect(r.stderr).toMatch(/skipped UTKFace\.tar\.gz\/UTKFace\/broken_name\.jpg: name is not/);
    const parsed = parseResults(JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const { dataset, config: used } = parsed.results;
    expect(dataset.classNames).toEqual(['White', 'Black', 'Asian', 'Indian', 'Others']);
    expect(dataset.groupNames).toEqual(['20-29', '30-39', '60-69']);
    expect(dataset.trainSizes.reduce((a, b) => a + b) + dataset.testSizes.reduce((a, b) => a + b)).toBe(150);
    expect(dataset.name).toMatch(/^UTKFace, label ethnicity, group age/);
    expect(used.data.kind === 'images' && used.data.dataDir).toBe(data);
  });

  it('says which files to give when the data is not there, and refuses --data-dir for shipped data', () => {
    const none = cli('--config', config, '--out', join(dir, 'none'), '--quiet', '--jobs', '1');
    expect(none.status).toBe(1);
    expect(readFileSync(join(dir, 'none', 'results.json'), 'utf8')).toMatch(/this config needs UTKFace data \(UTKFace\.tar\.gz or crop_part1\.tar\.gz/);
    const shipped = cli('--preset', 'start-here', '--data-dir', data, '--out', join(dir, 'x'));
    expect(shipped.status).toBe(2);
    expect(shipped.stderr).toMatch(/--data-dir: the config's data is synthetic, not user images/);
  });
});

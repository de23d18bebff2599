import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageBatch, type Dataset, type DatasetSplit } from '../engine/data/dataset';
import type { MeasuredModel } from '../engine/experiment/run-experiment';
import { torchParam, torchParameterCount } from './torch-names';

// Raw little-endian arrays plus a JSON manifest: loadable with NumPy alone (np.fromfile), no TensorFlow needed.
// The format is documented in docs/formats.md.

const le = (a: Float32Array | Int32Array) => {
  // Typed arrays use the platform's byte order; every platform Node runs on here is little-endian, checked once.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('big-endian platforms are not supported by --save-models');
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
};

/** seed1-none-rate500, or seed1-after-full-rate500 for a mitigated mode (versions may be compared in one run). */
export function modelFileStem(seed: number, mode: string, version: string | null, rate: number): string {
  return `seed${seed}-${mode}${version && mode !== 'none' ? `-${version}` : ''}-rate${Math.round(rate * 1000).toString().padStart(3, '0')}`;
}

export async function saveModel(dir: string, m: MeasuredModel): Promise<void> {
  const modelsDir = join(dir, 'models');
  await mkdir(modelsDir, { recursive: true });
  const stem = modelFileStem(m.seed, m.mode, m.version, m.rate);
  let offset = 0;
  const params = m.weights.specs.map((p, i) => {
    const entry = { name: p.name, shape: p.shape, role: p.role, layer: p.layer, dtype: 'float32', offset, length: m.weights.values[i].length, torch: torchParam(p) };
    offset += m.weights.values[i].length;
    return entry;
  });
  const flat = new Float32Array(offset);
  m.weights.values.forEach((v, i) => flat.set(v, params[i].offset));
  await writeFile(join(modelsDir, `${stem}.f32`), le(flat));
  const hessianSamplesFile = m.hessianSamples ? `${stem}.hessian-samples.json` : null;
  if (m.hessianSamples) {
    const h = m.hessianSamples;
    await writeFile(
      join(modelsDir, hessianSamplesFile as string),
      JSON.stringify({ format: 'pfp-hessian-samples/1', split: 'train', groups: h.groups.map((g) => Array.from(g)), overall: Array.from(h.overall) }),
    );
  }
  await writeFile(
    join(modelsDir, `${stem}.json`),
    JSON.stringify(
      { format: 'pfp-model/1', seed: m.seed, mode: m.mode, version: m.version, rate: m.rate, architecture: m.spec, parameterCount: torchParameterCount(m.weights.specs), layout: 'NHWC', weightsFile: `${stem}.f32`, hessianSamplesFile, params },
      null,
      2,
    ),
  );
}

/** The training split (trainset/) and the test split (testset/), each as images, labels, groups and a manifest. */
export async function saveSplits(dir: string, split: DatasetSplit): Promise<void> {
  await saveDataset(join(dir, 'trainset'), split.train, 'pfp-trainset/1');
  await saveDataset(join(dir, 'testset'), split.test, 'pfp-testset/1');
}

async function saveDataset(dir: string, d: Dataset, format: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const n = d.labels.length;
  await writeFile(join(dir, 'images.f32'), le(imageBatch(d, Int32Array.from({ length: n }, (_, i) => i))));
  await writeFile(join(dir, 'labels.i32'), le(Int32Array.from(d.labels)));
  await writeFile(join(dir, 'groups.i32'), le(Int32Array.from(d.groups)));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ format, count: n, imageShape: d.imageShape, layout: 'NHWC', pixelRange: [0, 1], classNames: d.classNames, groupNames: d.groupNames, files: { images: 'images.f32', labels: 'labels.i32', groups: 'groups.i32' } }, null, 2),
  );
}

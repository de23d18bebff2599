import { configSchema } from '../engine/contract/config';
import { buildDataset } from '../engine/data/build-dataset';
import { summarizeSplit } from '../engine/data/data-summary';
import { loadFashionMnist } from '../engine/data/fashion-mnist';
import { nodeAssetLoader } from '../engine/data/node-assets';

/**
 * Fashion-MNIST in Node: reading and parsing the chunks a sample count needs, then building the run's split (the
 * seeded subsample, the long tail, the stratified split) and the data panel's summary. Best of 3 after a warm-up.
 */
export async function benchFashion(sizes = [2000, 10000, 70000]): Promise<string[]> {
  const lines: string[] = [];
  const best = async (f: () => Promise<unknown>) => {
    await f();
    let ms = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      await f();
      ms = Math.min(ms, performance.now() - t0);
    }
    return ms;
  };
  for (const samples of sizes) {
    let bytes = 0;
    const load = async () => {
      bytes = 0;
      await loadFashionMnist(samples, nodeAssetLoader, (p) => (bytes = p.bytes));
    };
    const loadMs = await best(load);
    const config = configSchema.parse({ data: { kind: 'fashion-mnist', samples, longTail: 10 } });
    const cached = new Map<string, Promise<ArrayBuffer>>();
    const loader = (name: string) => cached.get(name) ?? (cached.set(name, nodeAssetLoader(name)), cached.get(name) as Promise<ArrayBuffer>);
    const buildMs = await best(async () => {
      const built = await buildDataset(config, 1, loader);
      summarizeSplit(built.split, built.name, 1);
    });
    lines.push(
      `fashion-mnist ${String(samples).padStart(6)} samples: read+parse ${Math.ceil(samples / 1000)} chunks (${(bytes / 1e6).toFixed(1)} MB) ${loadMs.toFixed(0)} ms ` +
        `(${(bytes / 1e6 / (loadMs / 1000)).toFixed(0)} MB/s); split + long tail + summary, chunks cached: ${buildMs.toFixed(0)} ms`,
    );
  }
  return lines;
}

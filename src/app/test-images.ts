import type { Config } from '../engine/contract/config';
import type { SampleImage } from '../engine/contract/data-summary';
import type { EngineClient } from '../worker/client';

export interface TestImageSet {
  imageShape: [number, number, number];
  /** Test row → its image, for the rows asked for. */
  images: Map<number, SampleImage>;
}

export interface TestImages {
  /**
   * The test images at `indices` of the data `config` builds (a run's Results hold the rows of its PIEs, not their
   * pixels). Images already fetched for the same config are not asked for again.
   */
  get(config: Config, indices: number[]): Promise<TestImageSet>;
}

/** How many configs' images are kept: the current run's, and the one before for a quick look back. */
const KEPT_CONFIGS = 2;

export function createTestImages(client: Pick<EngineClient, 'testImages'>): TestImages {
  const cache = new Map<string, TestImageSet>();
  return {
    async get(config, indices) {
      const key = JSON.stringify(config);
      const known = cache.get(key);
      const missing = [...new Set(indices)].filter((i) => !known?.images.has(i));
      if (known && missing.length === 0) return known;
      const answer = await client.testImages(config, missing);
      const set = cache.get(key) ?? { imageShape: answer.imageShape, images: new Map<number, SampleImage>() };
      missing.forEach((i, k) => set.images.set(i, answer.images[k]));
      cache.delete(key);
      cache.set(key, set);
      while (cache.size > KEPT_CONFIGS) cache.delete(cache.keys().next().value as string);
      return set;
    },
  };
}

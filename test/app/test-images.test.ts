import { describe, expect, it } from 'vitest';
import { createTestImages } from '../../src/app/test-images';
import { configSchema } from '../../src/engine/contract/config';

describe('test images for the PIE gallery', () => {
  it('asks the worker only for rows it has not fetched for the same config', async () => {
    const asked: number[][] = [];
    const service = createTestImages({
      testImages: async (_config, indices) => {
        asked.push(indices);
        return { imageShape: [1, 1, 1], images: indices.map((i) => ({ label: i % 3, pixels: Uint8Array.of(i) })) };
      },
    });
    const a = configSchema.parse({ seed: 1 });
    const b = configSchema.parse({ seed: 2 });
    expect([...(await service.get(a, [4, 2, 4])).images.keys()]).toEqual([4, 2]);
    const again = await service.get(a, [2, 7]);
    expect(again.images.get(7)?.pixels[0]).toBe(7);
    await service.get(b, [2]);
    expect(asked).toEqual([[4, 2], [7], [2]]);
  });
});

import { describe, expect, it } from 'vitest';
import { createDataPreview, type DataPreviewState } from '../../src/app/data-preview';
import { defaultConfig } from '../../src/engine/contract/config';
import type { DataProgress } from '../../src/engine/contract/data-progress';
import type { DataSummary } from '../../src/engine/contract/data-summary';

const summary = (name: string): DataSummary => ({ name, imageShape: [1, 1, 1], classNames: ['c'], groupNames: ['g'], train: [[1]], test: [[1]], samples: [[]], seed: 1 });
const progress: DataProgress = { source: 's', unit: 'chunks', done: 1, total: 2, bytes: 1, totalBytes: 2, elapsedMs: 5 };

describe('data preview', () => {
  it('tells only the latest request: an older answer, progress or failure that arrives later is dropped', async () => {
    const calls: Array<{ resolve: (s: DataSummary) => void; reject: (e: Error) => void; onProgress?: (p: DataProgress) => void }> = [];
    const preview = createDataPreview({
      summarizeData: (_c, onProgress) => new Promise((resolve, reject) => calls.push({ resolve, reject, onProgress })),
      describeModel: () => Promise.reject(new Error('not used here')),
    });
    const first: DataPreviewState[] = [];
    const second: DataPreviewState[] = [];
    preview.request(defaultConfig(), (s) => first.push(s));
    preview.request(defaultConfig(), (s) => second.push(s));
    calls[1].onProgress?.(progress);
    calls[0].onProgress?.(progress);
    calls[0].resolve(summary('old'));
    calls[1].resolve(summary('new'));
    await new Promise((r) => setTimeout(r, 0));
    expect(first.map((s) => s.status)).toEqual(['loading']);
    expect(second).toEqual([{ status: 'loading', progress: null }, { status: 'loading', progress }, { status: 'ready', summary: summary('new') }]);

    const third: DataPreviewState[] = [];
    preview.request(defaultConfig(), (s) => third.push(s));
    calls[2].reject(new Error('the data asset is missing'));
    await new Promise((r) => setTimeout(r, 0));
    expect(third.at(-1)).toEqual({ status: 'error', message: 'the data asset is missing' });
  });
});

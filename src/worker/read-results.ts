import { decodeResultsText, type DecodedResults } from '../engine/contract/decode-results';

/** Reads a Results file (text → JSON → schema, config repaired): what importing a file needs. */
export type ResultsReader = (file: Blob) => Promise<DecodedResults>;

/** On the calling thread: for tests and for a page without workers. */
export const readResultsHere: ResultsReader = async (file) => decodeResultsText(await file.text());

/**
 * In a worker of its own, so parsing a 50 MB file never blocks the page: only the structured clone of the answer
 * reaches the main thread. The engine's worker is not used: it may be busy with a sweep for minutes.
 */
export const readResultsInWorker: ResultsReader = (file) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL('./results-reader.worker.ts', import.meta.url), { type: 'module', name: 'results-reader' });
    const done = (answer: DecodedResults) => {
      worker.terminate();
      resolve(answer);
    };
    worker.addEventListener('message', (e: MessageEvent<DecodedResults>) => done(e.data));
    worker.addEventListener('error', (e) => done({ ok: false, error: `the file reader stopped: ${e.message || 'unknown error'}` }));
    worker.addEventListener('messageerror', () => done({ ok: false, error: 'the file reader\'s answer could not be read' }));
    worker.postMessage(file);
  });

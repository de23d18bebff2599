import { decodeResultsText, type DecodedResults } from '../engine/contract/decode-results';
import type { Results } from '../engine/contract/results';

/** Reads a Results file (text → JSON → schema, config repaired): what importing a file needs. */
export type ResultsReader = (file: Blob) => Promise<DecodedResults>;

/** What the reader worker posts: validated Results as JSON bytes, or why the file was refused. */
export type ReaderAnswer = { ok: true; json: ArrayBuffer; migratedFrom: number | null; notices: string[] } | { ok: false; error: string };

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
    worker.addEventListener('message', (e: MessageEvent<ReaderAnswer>) => {
      const a = e.data;
      // Already validated in the worker: the bytes are the schema's own output, so they are only parsed here.
      done(a.ok ? { ok: true, results: JSON.parse(new TextDecoder().decode(a.json)) as Results, migratedFrom: a.migratedFrom, notices: a.notices } : a);
    });
    worker.addEventListener('error', (e) => done({ ok: false, error: `the file reader stopped: ${e.message || 'unknown error'}` }));
    worker.addEventListener('messageerror', () => done({ ok: false, error: 'the file reader\'s answer could not be read' }));
    worker.postMessage(file);
  });

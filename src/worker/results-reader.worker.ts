/// <reference lib="webworker" />
import '../engine/contract/zod-without-eval';
import { decodeResultsText } from '../engine/contract/decode-results';

// Reads one Results file off the page's main thread: a file of tens of MB takes seconds to turn into text, parse
// and validate, and the page must keep answering meanwhile. One file per worker; the page ends it after the answer.

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (e: MessageEvent<Blob>) => {
  e.data.text().then(
    (text) => scope.postMessage(decodeResultsText(text)),
    (err: unknown) => scope.postMessage({ ok: false, error: `could not read the file: ${err instanceof Error ? err.message : String(err)}` }),
  );
});

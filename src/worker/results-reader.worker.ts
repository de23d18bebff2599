/// <reference lib="webworker" />
import '../engine/contract/zod-without-eval';
import { decodeResultsText } from '../engine/contract/decode-results';
import type { ReaderAnswer } from './read-results';

// Reads one Results file off the page's main thread: a file of tens of MB takes seconds to turn into text, parse
// and validate, and the page must keep answering meanwhile. One file per worker; the page ends it after the answer.
// Valid Results go back as JSON bytes (transferred, not copied): the page's JSON.parse of them is several times
// faster than the structured-clone copy of a million small objects would be (measured: test/e2e/measure-import.ts).

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (a: ReaderAnswer, transfer: Transferable[] = []) => scope.postMessage(a, transfer);

scope.addEventListener('message', (e: MessageEvent<Blob>) => {
  e.data.text().then(
    (text) => {
      const d = decodeResultsText(text);
      if (!d.ok) return post(d);
      const json = new TextEncoder().encode(JSON.stringify(d.results)).buffer;
      post({ ok: true, json, migratedFrom: d.migratedFrom, notices: d.notices }, [json]);
    },
    (err: unknown) => post({ ok: false, error: `could not read the file: ${err instanceof Error ? err.message : String(err)}` }),
  );
});

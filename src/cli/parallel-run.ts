import { Worker } from 'node:worker_threads';
import type { Config } from '../engine/contract/config';
import type { EngineEvent } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import { joinResults } from '../engine/experiment/merge-results';
import { shardPieces, type SweepPiece } from '../engine/experiment/sweep-pieces';
import type { PieceWorkerMessage } from './piece-worker';
import type { PieceJob } from './run-pieces';

export interface ParallelRunOptions {
  jobs: number;
  signal: AbortSignal;
  onEvent?: (e: EngineEvent) => void;
  saveTo: string | null;
}

/**
 * Runs `pieces` in `jobs` worker threads, one tfjs engine each (every count-th piece to a job, so seeds spread), and
 * joins their partial Results into the one a serial run writes: every piece's numbers depend only on its seed
 * (sweep-pieces.ts), so the join is exact. Progress is the pieces-weighted mean of the jobs' fractions.
 */
export async function runInParallel(config: Config, pieces: SweepPiece[], o: ParallelRunOptions): Promise<Results> {
  const shares = Array.from({ length: o.jobs }, (_, j) => shardPieces(pieces, j, o.jobs)).filter((s) => s.length);
  const fractions = shares.map(() => 0);
  const total = pieces.length;
  const settled = await Promise.allSettled(
    shares.map(
      (share, j) =>
        new Promise<Results>((resolve, reject) => {
          const job: PieceJob = { config, pieces: share, saveTo: o.saveTo, saveSplits: j === 0 };
          const worker = new Worker(new URL('./piece-worker-entry.mjs', import.meta.url), { workerData: job });
          const cancel = () => worker.postMessage('cancel');
          o.signal.addEventListener('abort', cancel, { once: true });
          worker.on('message', (m: PieceWorkerMessage) => {
            if (m.type === 'event' && m.event.type === 'progress') {
              fractions[j] = m.event.fraction;
              const fraction = shares.reduce((s, sh, i) => s + (fractions[i] * sh.length) / total, 0);
              o.onEvent?.({ ...m.event, fraction, message: `job ${j + 1}/${shares.length}: ${m.event.message}` });
            } else if (m.type === 'done') {
              resolve(m.results);
              void worker.terminate();
            }
            else if (m.type === 'error') reject(new Error(`job ${j + 1}/${shares.length}: ${m.message}`));
          });
          worker.on('error', (e: Error) => reject(new Error(`job ${j + 1}/${shares.length} crashed: ${e.message}`)));
          worker.on('exit', (code) => {
            o.signal.removeEventListener('abort', cancel);
            if (code !== 0) reject(new Error(`job ${j + 1}/${shares.length} exited with code ${code}`));
          });
        }),
    ),
  );
  const parts = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason instanceof Error ? s.reason.message : String(s.reason)] : []));
  if (!parts.length) throw new Error(errors.join('; '));
  // A job that died loses only its own pieces: the rest are kept, and the run says it failed and why.
  const joined = joinResults(parts);
  return errors.length ? { ...joined, status: 'failed', error: errors.join('; ') } : joined;
}

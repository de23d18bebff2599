import { describe, expect, it } from 'vitest';
import { traceBusy } from '../e2e/trace-busy';

const meta = (tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid: 1, tid, ts: 0, args: { name } });
const task = (tid: number, ts: number, dur: number) => ({ ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid, ts, dur });

describe('traceBusy (the start-here measure script: TRACE=1)', () => {
  it("sums each thread's top-level tasks and lists the page's tasks over 50 ms from the first task", () => {
    const trace = {
      traceEvents: [
        meta(1, 'CrRendererMain'),
        meta(2, 'DedicatedWorker thread'),
        meta(3, 'DedicatedWorker thread'),
        meta(4, 'Compositor'),
        task(2, 1_000_000, 300_000),
        task(1, 1_010_000, 60_000),
        task(1, 1_200_000, 50_000),
        task(3, 1_300_000, 150_000),
        task(2, 1_400_000, 200_000),
        task(4, 1_400_000, 20_000),
        task(1, 1_500_000, 10_000),
        // Not a top-level task: not counted.
        { ph: 'X', name: 'FunctionCall', pid: 1, tid: 1, ts: 1_010_000, dur: 50_000 },
      ],
    };
    const { threads, longTasks } = traceBusy(trace);
    // Threads under 100 ms left out.
    expect(threads).toEqual([
      ['worker', 500],
      ['worker', 150],
      ['page', 120],
    ]);
    expect(longTasks).toEqual([[10, 60]]);
  });
});

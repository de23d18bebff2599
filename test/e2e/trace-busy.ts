/**
 * Where a page's CPU went, from a Chromium trace of the `toplevel` category (Playwright's browser.startTracing):
 * each thread's busy milliseconds (the sum of its top-level tasks, wall time inside each task) and the page thread's
 * tasks over 50 ms. On a 2-core machine the page's thread, the engine's worker and the λ helper share the cores: what
 * one takes, the others wait for.
 */
export interface TraceBusy {
  /** Busy ms per thread over 100 ms, largest first: 'page', 'worker' (the busiest one is the engine's), Chromium's. */
  threads: Array<[string, number]>;
  /** The page thread's tasks over 50 ms: [start in ms from the first task, duration in ms]. */
  longTasks: Array<[number, number]>;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export function traceBusy(trace: { traceEvents: TraceEvent[] }): TraceBusy {
  const names = new Map<string, string>();
  for (const e of trace.traceEvents) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const tasks = trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur);
  const start = Math.min(...tasks.map((e) => e.ts));
  const busy = new Map<string, number>();
  const longTasks: Array<[number, number]> = [];
  const label = (key: string) => {
    const name = names.get(key) ?? key;
    return name === 'DedicatedWorker thread' ? 'worker' : name === 'CrRendererMain' ? 'page' : name;
  };
  for (const e of tasks) {
    const key = `${e.pid}:${e.tid}`;
    const name = names.get(key) ?? key;
    const ms = (e.dur as number) / 1000;
    busy.set(key, (busy.get(key) ?? 0) + ms);
    if (name === 'CrRendererMain' && ms > 50) longTasks.push([(e.ts - start) / 1000, ms]);
  }
  const threads = [...busy].filter(([, ms]) => ms > 100).map(([k, ms]): [string, number] => [label(k), ms]).sort((a, b) => b[1] - a[1]);
  return { threads, longTasks: longTasks.sort((a, b) => a[0] - b[0]) };
}

/**
 * Passes on a stream of updates at most once every `minMs`: the first at once, the ones that come sooner in one batch
 * when the interval is over (nothing is lost: `take` gets every item since the last batch). A sweep on a 2-core
 * machine sends a partial Results and a training-curve point every 100-500 ms, and each redraws every chart (a 100-400
 * ms task on the page's thread), time the engine's worker then loses to the shared cores (issue 11).
 */
export interface RenderThrottle<T> {
  push(item: T): void;
  /** Passes on what is waiting, now (a run's end). */
  flush(): void;
  /** Forgets what is waiting (a new run). */
  drop(): void;
}

export function createRenderThrottle<T>(take: (items: T[]) => void, minMs: number, now: () => number = () => performance.now()): RenderThrottle<T> {
  let last = -Infinity;
  let waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pass = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = now();
    const items = waiting;
    waiting = [];
    if (items.length) take(items);
  };
  return {
    push(item) {
      waiting.push(item);
      if (timer !== null) return;
      const wait = minMs - (now() - last);
      if (wait <= 0) pass();
      else timer = setTimeout(pass, wait);
    },
    flush: pass,
    drop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      waiting = [];
    },
  };
}

/**
 * Passes on a stream of updates at most once per its pace's gap: the first at once, the ones that come sooner in one
 * batch when the gap is over (nothing is lost: `take` gets every item since the last batch). A sweep on a 2-core
 * machine sends a partial Results and a training-curve point every 100-500 ms, and each redraws every chart (a 100-600
 * ms task on the page's thread), time the engine's workers then lose to the shared cores (issue 11).
 */
export interface RenderThrottle<T> {
  push(item: T): void;
  /** Passes on what is waiting, now (a run's end). */
  flush(): void;
  /** Forgets what is waiting (a new run). */
  drop(): void;
}

/**
 * The pace of the throttles that share it (a run's training curves and its partial Results): when one's gap is over,
 * every member hands over what waits, in one task, so React redraws the charts once for all of them. The gap is
 * `minMs`, or `costRatio` times what the last redraw took when that is longer, so the charts take at most
 * 1/costRatio of the page's thread however slow the machine; a redraw's cost is the time from handing the batches over
 * to the next task (React renders a store change in a microtask).
 */
export interface RenderPace {
  /** A member's way to hand over what waits; it returns whether there was anything. */
  join(handOver: () => boolean): void;
  /** A member has something waiting: a redraw now, or when the gap is over. */
  request(): void;
}

export function createRenderPace(minMs: number, costRatio: number, now: () => number = () => performance.now()): RenderPace {
  const members: Array<() => boolean> = [];
  let last = -Infinity;
  let gap = minMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const redraw = () => {
    timer = null;
    const start = now();
    let handed = false;
    for (const handOver of members) handed = handOver() || handed;
    if (!handed) return;
    last = start;
    setTimeout(() => {
      gap = Math.max(minMs, costRatio * (now() - start));
    }, 0);
  };
  return {
    join: (handOver) => void members.push(handOver),
    request() {
      if (timer !== null) return;
      const wait = gap - (now() - last);
      if (wait <= 0) redraw();
      else timer = setTimeout(redraw, wait);
    },
  };
}

export function createRenderThrottle<T>(take: (items: T[]) => void, pace: RenderPace): RenderThrottle<T> {
  let waiting: T[] = [];
  const handOver = () => {
    if (!waiting.length) return false;
    const items = waiting;
    waiting = [];
    take(items);
    return true;
  };
  pace.join(handOver);
  return {
    push(item) {
      waiting.push(item);
      pace.request();
    },
    flush: () => void handOver(),
    drop() {
      waiting = [];
    },
  };
}

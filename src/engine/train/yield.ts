// A training loop in a worker must give the event loop a turn now and then, or a Cancel message never arrives.
// Awaiting a tensor's data() is only a microtask on cpu/wasm, so yield a real macrotask every ~25 ms of work.

let lastYield = Date.now();

/**
 * One turn of the event loop, as short as the platform allows: setImmediate in Node; in a browser a message to
 * ourselves. Not setTimeout(0): a loop that keeps yielding that way nests its timers, which HTML clamps to 4 ms after
 * five levels. In a Chromium worker it waited 3.7 ms a yield, 13% of a run that yields every 25 ms, where a message
 * waited 0.1 ms (and setTimeout in Node ~1 ms). A message queued behind a Cancel already sent lets it in first.
 */
function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function maybeYield(budgetMs = 25): Promise<void> {
  if (Date.now() - lastYield < budgetMs) return;
  await nextTurn();
  lastYield = Date.now();
}

// A training loop in a worker must give the event loop a turn now and then, or a Cancel message never arrives.
// Awaiting a tensor's data() is only a microtask on cpu/wasm, so yield a real macrotask every ~25 ms of work.

let lastYield = Date.now();

export async function maybeYield(budgetMs = 25): Promise<void> {
  if (Date.now() - lastYield < budgetMs) return;
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  lastYield = Date.now();
}

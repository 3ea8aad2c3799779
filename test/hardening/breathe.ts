/**
 * Yields to the event loop (one macrotask) when the last yield was more than a second ago. A vitest worker answers
 * its runner over an RPC with a fixed 60 s timeout; a property that runs for minutes without a macrotask (an
 * in-process command only awaits microtasks) lets that timeout fire though every test passes, which is what
 * `npm run fuzz` (ten times the cases) hit. Called once per case, so CI's cases are unchanged.
 */
let lastYield = Date.now();

export async function breathe(): Promise<void> {
  if (Date.now() - lastYield < 1_000) return;
  await new Promise((resolve) => setImmediate(resolve));
  lastYield = Date.now();
}

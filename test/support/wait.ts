const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Patience {
  /** Give up when the count has not moved for this long (the work stopped, or never started). */
  stalledMs?: number;
  /** Give up after this long in any case (inside the test runner's 300 s per test). */
  limitMs?: number;
}

/**
 * Waits until `count()` reaches `n` and returns the last count: for work that goes on after a
 * request answered (the mail queue's consumers). It waits on the outcome, not for a fixed time:
 * as long as the count keeps moving it waits, so a machine under load (the suite's two files at a
 * time beside other work) only makes it slower; it gives up when nothing moved for `stalledMs`.
 */
export async function waitForCount(
  count: () => Promise<number>,
  n: number,
  { stalledMs = 60_000, limitMs = 240_000 }: Patience = {},
): Promise<number> {
  const start = Date.now();
  let last = await count();
  let movedAt = Date.now();
  while (last < n) {
    const now = Date.now();
    if (now - movedAt > stalledMs || now - start > limitMs) break;
    await sleep(100);
    const next = await count();
    if (next !== last) movedAt = Date.now();
    last = next;
  }
  return last;
}

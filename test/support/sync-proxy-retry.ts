/**
 * Miniflare's proxy to the D1 binding (what `mf.getD1Database()` returns) makes some calls
 * synchronously, through a worker thread and `Atomics.wait`. On a heavily loaded machine that
 * thread's answer is now and then not there when the main thread wakes up, and Miniflare throws
 * `AssertionError: false == true` from `fetch-sync.ts` — in the test's own reads, never in the
 * worker under test. The answer is lost, not late (the next call gets its own), so one retry of
 * the same call is safe for the reads and idempotent updates tests make.
 */

const isSyncProxyFlake = (error: unknown) =>
  error instanceof Error &&
  (error as { code?: string }).code === 'ERR_ASSERTION' &&
  /fetch-sync/.test(error.stack ?? '');

const targets = new WeakMap<object, object>();

const unwrap = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(unwrap)
    : (typeof value === 'object' && value !== null && targets.get(value)) || value;

/** The same object, its method calls (and those of what they return) retried once on the flake. */
export function retrySyncProxyFlake<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  // Promises (and the proxy's own promise-likes) stay as they are: awaiting needs their `this`.
  if (typeof (value as { then?: unknown }).then === 'function') return value;
  const target = value as object;
  const proxy = new Proxy(target, {
    get(_, property) {
      const member: unknown = Reflect.get(target, property, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const call = () => (member as (...a: unknown[]) => unknown).apply(target, args.map(unwrap));
        let result: unknown;
        try {
          result = call();
        } catch (error) {
          if (!isSyncProxyFlake(error)) throw error;
          result = call();
        }
        return retrySyncProxyFlake(result);
      };
    },
  });
  targets.set(proxy, target);
  return proxy as T;
}

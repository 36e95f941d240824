/**
 * `read`, asked at most once per key: a job that queues mail for many seats reads each workshop,
 * series or registration once per run, however many of its seats it meets. The promise is kept,
 * so reads of one key asked for side by side share one round trip.
 */
export function onceEach<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const asked = new Map<K, Promise<V>>();
  return (key) => {
    let value = asked.get(key);
    if (!value) asked.set(key, (value = read(key)));
    return value;
  };
}

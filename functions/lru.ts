// A Map used as a least-recently-used cache: Maps iterate in insertion order, so the first key is the
// least recently used once every use re-inserts its key.

/** Holds `value` under `key` as the most recently used, dropping the least recently used beyond `limit`. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

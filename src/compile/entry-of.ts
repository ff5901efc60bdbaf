// Words and messages are read into nested records (kind → code → locale → text) that sheets fill in
// any order; this is the one get-or-create step they share.

/** The value under `key` in `record`, first set to `create()` when there is none. */
export function entryOf<K extends PropertyKey, V>(record: Partial<Record<K, V>>, key: K, create: () => NoInfer<V>): V {
  const existing = record[key];
  if (existing !== undefined) return existing;
  const created = create();
  record[key] = created;
  return created;
}

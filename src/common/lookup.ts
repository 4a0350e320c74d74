// A server's word looked up in one of our tables: only the table's own entries count, so a status
// of "constructor" or "__proto__" is an unknown word, never a function or a prototype.

/** The table's own entry for `key`, or undefined. */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

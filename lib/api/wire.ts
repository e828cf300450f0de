/**
 * What a value becomes on the wire (JSON): dates turn into ISO strings. `toWire` does that
 * conversion for real, so a server page can hand rows to a client component, and its type lets
 * the compiler check a route's or page's data against the shared response types in ./types.
 */

export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** `value` with every Date replaced by its ISO string (a deep copy only where dates occur). */
export function toWire<T>(value: T): Wire<T> {
  return convert(value) as Wire<T>;
}

function convert(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = convert(inner);
    return out;
  }
  return value;
}

/**
 * As-you-type search: the last word of a query that does not end in a space is probably still
 * being typed, so it matches as a prefix ("desal" finds "desalination"). Pure: the server turns
 * the result into a tsquery.
 */

/** Shorter prefixes match too many words to be useful (and cost a scan of many index keys). */
export const MIN_PREFIX_LENGTH = 3;

export interface PrefixQuery {
  /** The query without its last word, for web-search syntax ("a phrase", -word, or). */
  whole: string;
  /** The last word, to match as a prefix; null when the query ends otherwise. */
  prefix: string | null;
}

/**
 * Splits `q` into the words to match whole and a last word to match as a prefix. The last word
 * is a prefix only when it is plain letters or digits of at least MIN_PREFIX_LENGTH, not inside
 * quotes, not excluded (`-word`), not after `or` (that would turn "a or b" into "a and b*"),
 * and not followed by a space.
 */
export function splitPrefix(q: string): PrefixQuery {
  const none = { whole: q, prefix: null };
  const last = /(^|\s)([\p{L}\p{N}]+)$/u.exec(q);
  if (!last || last[2]!.length < MIN_PREFIX_LENGTH) return none;
  const whole = q.slice(0, q.length - last[2]!.length);
  const quotes = (whole.match(/"/g) ?? []).length;
  if (quotes % 2 === 1 || /(^|\s)or\s+$/i.test(whole)) return none;
  return { whole: whole.trimEnd(), prefix: last[2]! };
}
